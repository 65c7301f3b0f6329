import ArgumentParser
import Foundation
import ScenarioSpec

/// The scenario file a command simulates and the guards on its size: one group, so every
/// command loads, checks and overrides a scenario the same way, reading the file once.
struct ScenarioInput: ParsableArguments {
    @Argument(help: ArgumentHelp("The scenario file (YAML).", valueName: "scenario"))
    var path: String

    @Flag(help: "Simulate even when the estimated work of one replication is over the limit (see smsim lint).")
    var allowLong = false

    @Flag(help: "Simulate even when the estimated memory of the run is over the limit (see smsim lint).")
    var allowLarge = false

    /// The scenario with `options`' overrides applied, and the file's text (for the hash
    /// run.json and sweep.json record). Refused with exit status 2 and the line of the field
    /// to change when the file is bad, or when its estimated work or memory is over the limit
    /// (unless `--allow-long` / `--allow-large`). The memory counts the replications kept at
    /// once: with `--precision`, up to its cap.
    func load(_ options: SimulationOptions, precision: PrecisionOptions? = nil) throws -> (Scenario, String) {
        var (scenario, content) = try Self.load(path, allowLong: allowLong)
        options.apply(to: &scenario)
        let held = precision?.precision == nil ? scenario.replications : max(scenario.replications, precision!.most(for: scenario))
        try refuseLarge([scenario], content: content, replicationsHeld: held, options: options)
        return (scenario, content)
    }

    /// Refuses configurations whose results are held at once when their memory estimate,
    /// added up, is over `MemoryEstimate.limit`, unless `--allow-large`.
    func refuseLarge(_ scenarios: [Scenario], content: String, replicationsHeld: Int? = nil,
                     options: SimulationOptions) throws {
        guard !allowLarge else { return }
        let estimate = MemoryEstimate(parts: scenarios.flatMap {
            $0.memoryEstimate(replicationsHeld: replicationsHeld, concurrent: options.threads).parts
        })
        if let (field, message) = estimate.refusal {
            let error = ScenarioLoader.error(file: path, yaml: content, field: field, message: message)
            throw CommandFailure(message: error.description, status: 2, located: true)
        }
    }

    /// Reads and checks the scenario at `path` (the file read once), turning a bad file into
    /// exit status 2 with its one-line message; over the work limit unless `allowLong`.
    static func load(_ path: String, allowLong: Bool) throws -> (Scenario, String) {
        do throws(ScenarioError) {
            let text = try ScenarioFile.read(path)
            let scenario = try ScenarioLoader.parse(yaml: text, file: path)
            if !allowLong, let message = scenario.tooLongMessage {
                throw ScenarioError(file: path, line: 1, column: 1, field: "duration", message: message)
            }
            return (scenario, text)
        } catch {
            throw CommandFailure(message: error.description, status: 2, located: true)
        }
    }
}
