import ArgumentParser
import CapacityModel
import Foundation

/// `--precision` and `--max-replications`: replications added until the SLO metrics are
/// known well enough (for `run` and `check`).
struct PrecisionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Add replications until every SLO metric's 95 % CI half-width is at most this fraction of its mean (e.g. 0.05).",
        discussion: "--replications is the first batch; later batches continue the replication numbers, so results do not depend on --threads. Without an slo block, p95 latency and peak server utilization are watched."))
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
}

/// Runs the scenario's replications, to a precision when one is asked for. Prints how far
/// the precision got unless `quiet`. An imbalance in the books is exit 3.
func simulate(_ scenario: Scenario, options: SimulationOptions, precision: PrecisionOptions, quiet: Bool,
              label: String? = nil) throws -> RunReport {
    guard let target = precision.precision else { return try simulate(scenario, options: options, quiet: quiet, label: label) }
    let most = precision.maxReplications ?? max(100, scenario.replications)
    if scenario.replications > most {
        throw CommandFailure(message: "--replications \(scenario.replications) is above --max-replications \(most)", status: 2)
    }
    let database = scenario.managementGroup.database.name
    let plan = try planning {
        try SequentialReplications(precision: target, initial: scenario.replications, maxReplications: most,
                                   metrics: SequentialReplications.watchedMetrics(slo: scenario.slo, databaseName: database))
    }
    let clock = ContinuousClock()
    let started = clock.now
    let name = label ?? scenario.name
    let outcome = try plan.run(scenario) { range in
        let progress = Progress(label: "\(name): replications \(range.lowerBound + 1)–\(range.upperBound)", total: range.count)
        let results = ScenarioRunner.run(scenario, replications: range, threads: options.threads) { n in
            if !quiet { progress.update(n) }
        }
        progress.finish()
        for r in results where !r.conservation.holds {
            throw CommandFailure(message: "internal error: replication \(r.replication) does not balance: \(r.conservation.summary)",
                                 status: 3)
        }
        return results
    }
    let elapsed = clock.now - started
    var report = RunReport(scenario: scenario, replications: outcome.results)
    report.wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    if !quiet {
        let batches = outcome.batches.map(String.init).joined(separator: "+")
        let worst = outcome.statuses.filter { $0.relativeHalfWidth.isFinite }.max { $0.relativeHalfWidth < $1.relativeHalfWidth }
        let worstText = worst.map { ", widest \($0.metric.label) ±\(NumberFormat.table($0.relativeHalfWidth * 100)) %" } ?? ""
        if outcome.reached {
            print("precision: \(outcome.results.count) replications (\(batches)); every watched metric within ±\(NumberFormat.table(target * 100)) % of its mean\(worstText)")
        } else {
            let missed = outcome.statuses.filter { !$0.met }.map {
                $0.relativeHalfWidth.isFinite ? "\($0.metric.label) ±\(NumberFormat.table($0.relativeHalfWidth * 100)) %" : $0.metric.label
            }
            print("precision: NOT reached after \(outcome.results.count) replications (\(batches)), the --max-replications cap: "
                  + missed.joined(separator: ", "))
        }
    }
    return report
}
