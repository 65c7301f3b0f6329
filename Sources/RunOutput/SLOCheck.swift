import ScenarioSpec
import Statistics

/// One service level objective judged against a run's estimate.
public struct SLOResult: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        /// The whole 95 % interval is within the limit.
        case pass = "PASS"
        /// The whole 95 % interval is beyond the limit.
        case fail = "FAIL"
        /// The interval straddles the limit: more replications would tell.
        case inconclusive = "UNSURE"
    }

    public var objective: Objective
    /// In the objective's limit unit (seconds, fraction, sessions).
    public var limit: Double
    /// The judged metric's estimate, converted to the limit unit.
    public var estimate: Estimate
    public var verdict: Verdict

    /// The objective's key (`p95Latency`).
    public var name: String { objective.rawValue }
    /// The limit's unit (`s`, `` for a fraction, `sessions`).
    public var unit: String { objective.limitUnit.unit }
}

extension RunReport {
    /// Judges each objective set in `slo`: a pass needs the mean plus its half-width within
    /// the limit, a fail the mean minus its half-width beyond it. With one replication there
    /// is no interval and the mean decides.
    public func evaluate(_ slo: ServiceLevelObjectives, databaseName: String) -> [SLOResult] {
        slo.objectives.compactMap { objective in
            guard let limit = slo[objective],
                  let raw = estimate(objective.metric, station: objective.station(database: databaseName)) else { return nil }
            let unit = objective.limitUnit
            var e = raw
            e.mean *= unit.scale
            e.halfWidth *= unit.scale
            e.min *= unit.scale
            e.max *= unit.scale
            let h = e.halfWidth.isFinite ? e.halfWidth : 0
            let verdict: SLOResult.Verdict = e.mean + h <= limit ? .pass : (e.mean - h > limit ? .fail : .inconclusive)
            return SLOResult(objective: objective, limit: limit, estimate: e, verdict: verdict)
        }
    }
}
