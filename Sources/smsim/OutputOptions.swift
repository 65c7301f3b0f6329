import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration

/// Where a command's files go when `--out` is not given.
enum DefaultDirectory {
    /// `results/<scenario name><suffix>`, with a note for the help (e.g. where shards go).
    case results(suffix: String, note: String = "")
    /// Nowhere: the help says what `--out` adds.
    case none(String)
    /// Decided from the command's inputs, as the help says.
    case fromInputs(String)

    /// The default as `--help` states it.
    var help: String {
        switch self {
        case .results(let suffix, let note): "default: results/<scenario name>\(suffix)/\(note)"
        case .none(let text), .fromInputs(let text): text
        }
    }

    /// The directory for a scenario called `scenario`; nil when nothing is written by default.
    func directory(scenario: String) -> String? {
        switch self {
        case .results(let suffix, _): "results/\(scenario)\(suffix)"
        case .none, .fromInputs: nil
        }
    }
}

/// What differs between commands in `--out` and `--quiet`: one type per command.
protocol OutputRole {
    static var defaultDirectory: DefaultDirectory { get }
    /// What `--quiet` leaves.
    static var quietHelp: String { get }
}

extension OutputRole {
    static var quietHelp: String { "Print nothing but errors: no progress, no tables." }
}

/// `--out` and `--quiet`, declared once for every command that writes results. `Role`
/// supplies the default directory, which the help states, and what `--quiet` leaves.
struct OutputOptions<Role: OutputRole>: ParsableArguments {
    @Option(help: ArgumentHelp("Directory for the results (\(Role.defaultDirectory.help)).", valueName: "dir"))
    var out: String?

    @Flag(help: ArgumentHelp(Role.quietHelp))
    var quiet = false

    /// `--out`, or the command's default for `scenario`.
    func directory(for scenario: Scenario) -> String? {
        out ?? Role.defaultDirectory.directory(scenario: scenario.name)
    }

    /// Where progress and notes go; with `json` standard output holds only the JSON document.
    func console(json: Bool = false) -> Console {
        Console(quiet: quiet, json: json)
    }
}

/// What a command prints besides its result: a progress line on a terminal's stderr, and
/// notes (such as how far `--precision` got) on stdout, or on stderr when stdout is JSON.
struct Console {
    var quiet: Bool
    var json = false

    func note(_ line: String) {
        guard !quiet else { return }
        if json { printError(line) } else { print(line) }
    }

    /// Text meant for stdout when the command prints text (not JSON) and is not quiet.
    var printsText: Bool { !quiet && !json }
}
