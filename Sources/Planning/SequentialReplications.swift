import GroupSimulation
import RunOutput
import ScenarioSpec
import Statistics

/// Replications added in batches until every watched metric is known to a relative
/// precision: the 95 % half-width at most `precision` × |mean|, or the cap is reached.
///
/// Replication numbers continue 0, 1, 2, … from batch to batch, and the size of the next
/// batch depends only on the results so far, so the outcome is the same whatever the thread
/// count. After each batch the replications still needed are projected from the worst
/// metric (half-width shrinks as 1/√n: n · (h / target)²), at least one more and at most
/// as many again as there are (a noisy early estimate cannot overshoot much).
public struct SequentialReplications: Sendable {
    /// Relative half-width wanted, e.g. 0.05 for ±5 % of the mean.
    public var precision: Double
    /// Replications in the first batch (at least 2, so there is an interval).
    public var initial: Int
    public var maxReplications: Int
    public var metrics: [PlanningMetric]

    public init(precision: Double, initial: Int, maxReplications: Int, metrics: [PlanningMetric]) throws {
        guard precision.isFinite, precision > 0 else { throw PlanningError("precision must be a positive fraction such as 0.05, got \(precision)") }
        guard maxReplications >= 2 else { throw PlanningError("the most replications must be at least 2, got \(maxReplications)") }
        guard !metrics.isEmpty else { throw PlanningError("no metric to reach a precision on") }
        self.precision = precision
        self.initial = min(max(2, initial), maxReplications)
        self.maxReplications = maxReplications
        self.metrics = metrics
    }

    /// The metrics behind `slo`, or p95 latency and peak server utilization when it sets none.
    public static func watchedMetrics(slo: ServiceLevelObjectives, databaseName: String) -> [PlanningMetric] {
        let judged = PlanningMetric.judged(by: slo, databaseName: databaseName)
        if !judged.isEmpty { return judged }
        return [PlanningMetric(.latencyP95), PlanningMetric(.serverUtilizationPeak)]
    }

    /// How close one metric is to its target.
    public struct Status: Sendable, Equatable {
        public var metric: PlanningMetric
        public var estimate: Estimate?
        /// halfWidth / |mean|; infinite without an interval, NaN when there is nothing to estimate.
        public var relativeHalfWidth: Double
        public var met: Bool
    }

    public struct Outcome: Sendable {
        public var results: [ReplicationResult]
        /// Replications per batch, in order.
        public var batches: [Int]
        public var statuses: [Status]
        public var reached: Bool { statuses.allSatisfy(\.met) }
    }

    public func statuses(_ report: RunReport) -> [Status] {
        metrics.map { m in
            guard let e = report.estimate(m.metric, station: m.station), e.count > 0, e.mean.isFinite else {
                // No value in any replication (e.g. no workflow job ran): nothing to estimate.
                return Status(metric: m, estimate: nil, relativeHalfWidth: .nan, met: true)
            }
            guard e.halfWidth.isFinite else { return Status(metric: m, estimate: e, relativeHalfWidth: .infinity, met: false) }
            let relative = e.mean == 0 ? (e.halfWidth == 0 ? 0 : .infinity) : e.halfWidth / abs(e.mean)
            return Status(metric: m, estimate: e, relativeHalfWidth: relative, met: relative <= precision)
        }
    }

    /// Runs `scenario` (its replications field is ignored; `initial` is the first batch).
    /// `runBatch` runs the given replication numbers and returns them in order.
    public func run(_ scenario: Scenario, runBatch: (Range<Int>) throws -> [ReplicationResult]) rethrows -> Outcome {
        let joint = try run([scenario]) { _, range in try runBatch(range) }
        return Outcome(results: joint.results[0], batches: joint.batches, statuses: joint.statuses[0])
    }

    /// Several configurations run together.
    public struct JointOutcome: Sendable {
        /// Each configuration's replications, in the order given.
        public var results: [[ReplicationResult]]
        public var batches: [Int]
        /// Each configuration's statuses.
        public var statuses: [[Status]]
        public var reached: Bool { statuses.allSatisfy { $0.allSatisfy(\.met) } }
    }

    /// Runs `scenarios` in step: every batch runs the same replication numbers for each, and
    /// batches are added until every watched metric is precise enough in every configuration,
    /// so they stay paired (common random numbers) for a comparison. `runBatch` runs the
    /// given replication numbers of configuration `i` and returns them in order.
    public func run(_ scenarios: [Scenario], runBatch: (_ i: Int, Range<Int>) throws -> [ReplicationResult]) rethrows
        -> JointOutcome {
        var results = try scenarios.indices.map { try runBatch($0, 0..<initial) }
        var batches = [initial]
        while true {
            let reports = scenarios.indices.map { RunReport(scenario: scenarios[$0], replications: results[$0]) }
            let statuses = reports.map(self.statuses)
            let n = results[0].count
            if statuses.allSatisfy({ $0.allSatisfy(\.met) }) || n >= maxReplications {
                return JointOutcome(results: reports.map(\.replications), batches: batches, statuses: statuses)
            }
            var needed = n + 1
            for s in statuses.joined() where !s.met {
                let factor = s.relativeHalfWidth.isFinite ? (s.relativeHalfWidth / precision) * (s.relativeHalfWidth / precision) : 4
                needed = max(needed, Int((Double(n) * factor).rounded(.up)))
            }
            let next = min(max(needed - n, 1), n, maxReplications - n)
            for i in scenarios.indices { results[i] += try runBatch(i, n..<(n + next)) }
            batches.append(next)
        }
    }
}
