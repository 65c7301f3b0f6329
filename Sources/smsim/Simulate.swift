import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// How a command runs scenarios: threads, replications (fixed, or chosen by `--precision`)
/// and where progress goes. Every simulating command runs through `simulate`.
struct Simulator {
    var threads: Int
    /// nil: the scenarios' own replications.
    var precision: PrecisionOptions?
    var console: Console

    init(_ options: SimulationOptions, precision: PrecisionOptions?, console: Console) {
        threads = options.threads
        self.precision = precision
        self.console = console
    }

    /// Runs one scenario; `label` names it in progress and errors (default: its name).
    func simulate(_ scenario: Scenario, label: String? = nil) throws -> RunReport {
        try simulate([(label ?? scenario.name, scenario)])[0]
    }

    /// Runs configurations with the same replication numbers, so each can be paired with
    /// another (common random numbers): the scenarios' `replications`, or with `--precision`
    /// batches added to all of them until every watched metric is precise in each (the
    /// first scenario's slo block and seed decide). Shows progress unless quiet, notes how
    /// far the precision got, times each configuration, and stops with exit status 3 when a
    /// replication's books do not balance.
    func simulate(_ configurations: [(label: String, scenario: Scenario)]) throws -> [RunReport] {
        var seconds = [Double](repeating: 0, count: configurations.count)
        func batch(_ i: Int, _ range: Range<Int>, batched: Bool) throws -> [ReplicationResult] {
            let (label, scenario) = configurations[i]
            let progress = Progress(label: batched ? "\(label): replications \(range.lowerBound + 1)–\(range.upperBound)" : label,
                                    total: range.count)
            let clock = ContinuousClock()
            let started = clock.now
            let results = ScenarioRunner.run(scenario, replications: range, threads: threads) { n in
                if !console.quiet { progress.update(n) }
            }
            progress.finish()
            let elapsed = clock.now - started
            seconds[i] += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            for r in results where !r.conservation.holds {
                let which = configurations.count > 1 ? "\(label), " : ""
                throw CommandFailure(message: "internal error: \(which)replication \(r.replication) does not balance: "
                                     + r.conservation.summary, status: 3)
            }
            return results
        }

        let results: [[ReplicationResult]]
        if let plan = try precision?.plan(for: configurations[0].scenario) {
            let outcome = try plan.run(configurations.map(\.scenario)) { i, range in try batch(i, range, batched: true) }
            note(outcome, target: plan.precision)
            results = outcome.results
        } else {
            results = try configurations.indices.map { i in try batch(i, 0..<configurations[i].scenario.replications, batched: false) }
        }
        return configurations.indices.map { i in
            var report = RunReport(scenario: configurations[i].scenario, replications: results[i])
            report.wallSeconds = seconds[i]
            return report
        }
    }

    /// `precision: 12 replications (4+4+4); every watched metric within ±5 % of its mean, widest …`.
    private func note(_ outcome: SequentialReplications.JointOutcome, target: Double) {
        let count = outcome.results[0].count
        let batches = outcome.batches.map(String.init).joined(separator: "+")
        let statuses = Array(outcome.statuses.joined())
        if outcome.reached {
            let worst = statuses.filter { $0.relativeHalfWidth.isFinite }.max { $0.relativeHalfWidth < $1.relativeHalfWidth }
            let worstText = worst.map { ", widest \($0.metric.label) ±\(NumberFormat.table($0.relativeHalfWidth * 100)) %" } ?? ""
            console.note("precision: \(count) replications (\(batches)); every watched metric within "
                         + "±\(NumberFormat.table(target * 100)) % of its mean\(worstText)")
        } else {
            var missed: [String] = []
            for s in statuses where !s.met {
                let text = s.relativeHalfWidth.isFinite ? "\(s.metric.label) ±\(NumberFormat.table(s.relativeHalfWidth * 100)) %"
                    : s.metric.label
                if !missed.contains(text) { missed.append(text) }
            }
            console.note("precision: NOT reached after \(count) replications (\(batches)), the --max-replications cap: "
                         + missed.joined(separator: ", "))
        }
    }
}

/// Writes a run's usual files into `dir`, each atomically: timeseries.csv,
/// timeseries-mean.csv, summary.csv, events.csv and run.json.
func write(_ report: RunReport, scenario: Scenario, path: String, content: String, to dir: String) throws {
    let manifest = RunManifest(scenario: scenario, path: path, content: content, report: report, wallSeconds: report.wallSeconds)
    try AtomicFile.write(report.timeSeriesCSV(), to: "\(dir)/timeseries.csv")
    try AtomicFile.write(report.meanTimeSeriesCSV(), to: "\(dir)/timeseries-mean.csv")
    try AtomicFile.write(report.summaryCSV(), to: "\(dir)/summary.csv")
    try AtomicFile.write(report.eventsCSV(), to: "\(dir)/events.csv")
    try AtomicFile.write(try manifest.json(), to: "\(dir)/run.json")
}
