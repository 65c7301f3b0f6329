import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

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
    /// The name goes through `OutputName.safe`: a shared scenario file cannot steer the
    /// output outside `results/`.
    func directory(scenario: String) -> String? {
        switch self {
        case .results(let suffix, _): "results/\(OutputName.safe(scenario))\(suffix)"
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

    /// `--out` must be a directory or not exist yet: writing `run.json` under a file fails
    /// only after the simulation, and the user meant something else.
    func validate() throws {
        var isDirectory: ObjCBool = false
        if let out, FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out \(out) is an existing file, not a directory")
        }
    }

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

/// Locks `directory` for this process (see `OutputLock`): a second run into it is refused
/// with exit status 2 and the holder's process id. Keep the result until the last file is
/// written (`defer { lock.release() }`).
func lockOutput(_ directory: String) throws -> OutputLock {
    do {
        return try OutputLock(directory: directory)
    } catch let error as OutputLockError {
        throw CommandFailure(message: error.message, status: 2)
    }
}
