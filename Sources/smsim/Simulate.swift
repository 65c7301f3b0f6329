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
            let stopwatch = Stopwatch()
            let results = ScenarioRunner.run(scenario, replications: range, threads: threads) { n in
                if !console.quiet { progress.update(n) }
            }
            progress.finish()
            seconds[i] += stopwatch.seconds
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

    /// Runs a robust command's plausible worlds. `body` is given a `simulate` that runs all
    /// of a world's replications at once on the threads (one progress line for the whole
    /// command, not one per world) and stops with exit status 3 when a replication's books do
    /// not balance, and a `progress` that moves that line (labelled `label`, `total` steps)
    /// unless quiet. A `PlanningError` from `body` is a bad input: a one-line error naming
    /// `path`, exit status 2.
    func simulateWorlds<Answer>(label: String, total: Int, path: String,
                                _ body: (_ simulate: (Scenario) throws -> RunReport,
                                         _ progress: (Int, Int) -> Void) throws -> Answer) throws -> WorldsRun<Answer> {
        let progress = Progress(label: label, total: total)
        let quiet = console.quiet, threads = threads
        let stopwatch = Stopwatch()
        var events = 0
        let answer: Answer
        do {
            answer = try body({ s in
                let results = ScenarioRunner.run(s, replications: 0..<s.replications, threads: threads)
                if let bad = results.first(where: { !$0.conservation.holds }) {
                    throw CommandFailure(message: "internal error: replication \(bad.replication) does not balance: "
                                         + bad.conservation.summary, status: 3)
                }
                events += results.reduce(0) { $0 + $1.events }
                return RunReport(scenario: s, replications: results)
            }, { done, total in if !quiet { progress.update(done, of: total) } })
        } catch let e as PlanningError {
            throw CommandFailure(message: "\(path): \(e.message)", status: 2)
        }
        progress.finish()
        return WorldsRun(answer: answer, seconds: stopwatch.seconds, events: events, threads: threads)
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

/// What `Simulator.simulateWorlds` gives back: the robust answer, and what it cost.
struct WorldsRun<Answer> {
    var answer: Answer
    var seconds: Double
    /// Events simulated over every world's replications.
    var events: Int
    var threads: Int

    /// The timing line of a robust command, such as `40 worlds in 12.3 s (80 simulated ×
    /// 2 replication(s), 2 thread(s))`: `what` was done, `how` in the brackets; with
    /// `events`, the events simulated and their rate follow the threads.
    func timing(_ what: String, _ how: String, events showEvents: Bool = false) -> String {
        let rate = showEvents
            ? ", \(events) events, \(NumberFormat.literal((Double(events) / max(seconds, 1e-9)).rounded())) events/s" : ""
        return "\(what) in \(NumberFormat.elapsed(seconds)) s (\(how), \(threads) thread(s)\(rate))"
    }
}

/// Wall-clock seconds since it was made, for the commands' timing lines.
struct Stopwatch {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant

    init() { started = clock.now }

    var seconds: Double {
        let elapsed = clock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
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
