import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// Options shared by every command that simulates a scenario: the same meaning everywhere.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Seed of every random stream (default: the scenario's `seed`).")
    var seed: UInt64?

    @Option(help: "Replications per configuration (default: the scenario's `replications`); with --precision, the first batch.")
    var replications: Int?

    // Optional, so that help and the manual page say "all cores" rather than the core count
    // of the machine they were generated on.
    @Option(name: .customLong("threads"), help: "Threads running replications in parallel (default: all cores). Results are byte-identical for any value.")
    var threadsAsked: Int?

    /// `--threads`, or every core.
    var threads: Int { threadsAsked ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1, got \(replications)") }
        if let threadsAsked, threadsAsked < 1 { throw ValidationError("--threads must be at least 1, got \(threadsAsked)") }
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
