import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// `--precision` and `--max-replications`: replications added until the SLO metrics are
/// known well enough, for every command that chooses replications.
struct PrecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Add replications until every SLO metric's 95 % CI half-width is at most this fraction of its mean (e.g. 0.05).",
        discussion: "--replications is the first batch; later batches continue the replication numbers, so results do not depend on --threads. Without an slo block, p95 latency and peak server utilization are watched. Configurations compared with each other run the same replications."))
    var precision: Double?

    @Option(help: "The most replications --precision may run (default 100).")
    var maxReplications: Int?

    func validate() throws {
        if let precision, !(precision.isFinite && precision > 0) {
            throw ValidationError("--precision must be a positive fraction such as 0.05, got \(precision)")
        }
        if let maxReplications {
            guard precision != nil else { throw ValidationError("--max-replications needs --precision") }
            guard maxReplications >= 2 else { throw ValidationError("--max-replications must be at least 2, got \(maxReplications)") }
        }
    }

    /// The cap on replications for `scenario` (its `replications` is the first batch).
    func most(for scenario: Scenario) -> Int {
        maxReplications ?? max(100, scenario.replications)
    }

    /// The plan that adds replications to `scenario` until precise; nil without --precision.
    func plan(for scenario: Scenario) throws -> SequentialReplications? {
        guard let precision else { return nil }
        let most = most(for: scenario)
        if scenario.replications > most {
            throw CommandFailure(message: "--replications \(scenario.replications) is above --max-replications \(most)", status: 2)
        }
        let database = scenario.managementGroup.database.name
        return try planning {
            try SequentialReplications(precision: precision, initial: scenario.replications, maxReplications: most,
                                       metrics: SequentialReplications.watchedMetrics(slo: scenario.slo, databaseName: database))
        }
    }
}
