import ArgumentParser
import CapacityModel
import Foundation

/// Options shared by every command that simulates a scenario: the same meaning everywhere.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Seed of every random stream (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Replications per configuration (default: the scenario's `replications`); with --precision, the first batch.")
    var replications: Int?

    @Option(help: "Threads running replications in parallel (default: all cores). Results are byte-identical for any value.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Simulate even when the estimated work of one replication is over the limit (see smsim lint).")
    var allowLong = false

    @Flag(help: "Simulate even when the estimated memory of the run is over the limit (see smsim lint).")
    var allowLarge = false

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1, got \(replications)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    /// Applies the overrides to a loaded scenario.
    func apply(to scenario: inout Scenario) {
        if let seed { scenario.seed = seed }
        if let replications { scenario.replications = replications }
    }
}

/// `--consoles` where it is one number: the peak consoles of the configurations run.
struct ConsolesOption: ParsableArguments {
    @Option(help: "Peak consoles (default: the scenario's consoles.peak).")
    var consoles: Int?

    func validate() throws {
        if let consoles, consoles < 1 { throw ValidationError("--consoles must be at least 1, got \(consoles)") }
    }

    func peak(of scenario: Scenario) -> Int { consoles ?? scenario.consoles.peak }
}

/// Loads a scenario, turning a bad file into exit status 2 with its one-line message.
/// Returns the scenario and the file's text (for the hash run.json and sweep.json record).
/// A scenario whose estimated work is over `WorkEstimate.limit` is refused unless `allowLong`.
func loadScenario(_ path: String, allowLong: Bool = false) throws -> (Scenario, String) {
    do throws(ScenarioError) {
        let scenario = try ScenarioLoader.load(path: path)
        if !allowLong, let message = scenario.tooLongMessage {
            throw ScenarioError(file: path, line: 1, column: 1, field: "duration", message: message)
        }
        let content = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (scenario, content)
    } catch {
        throw CommandFailure(message: error.description, status: 2, located: true)
    }
}

/// Loads a scenario to simulate: applies `options`' overrides, then refuses it, with exit
/// status 2 and the line of the field to change, when its estimated work or memory is over
/// the limit (unless `--allow-long` / `--allow-large`). The memory counts the replications
/// kept at once: with `--precision`, up to its cap.
func loadScenario(_ path: String, options: SimulationOptions, precision: PrecisionOptions? = nil) throws -> (Scenario, String) {
    var (scenario, content) = try loadScenario(path, allowLong: options.allowLong)
    options.apply(to: &scenario)
    let held = precision?.precision == nil ? scenario.replications : max(scenario.replications, precision!.most(for: scenario))
    try refuseLarge([scenario], path: path, content: content, replicationsHeld: held, options: options)
    return (scenario, content)
}

/// Refuses configurations whose results are held at once when their memory estimate, added
/// up, is over `MemoryEstimate.limit`, unless `--allow-large`.
func refuseLarge(_ scenarios: [Scenario], path: String, content: String, replicationsHeld: Int? = nil,
                 options: SimulationOptions) throws {
    guard !options.allowLarge else { return }
    let estimate = MemoryEstimate(parts: scenarios.flatMap {
        $0.memoryEstimate(replicationsHeld: replicationsHeld, concurrent: options.threads).parts
    })
    if let (field, message) = estimate.refusal {
        let error = ScenarioLoader.error(file: path, yaml: content, field: field, message: message)
        throw CommandFailure(message: error.description, status: 2, located: true)
    }
}
