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

    public var name: String
    /// In the SLO's unit (seconds, fraction, sessions).
    public var limit: Double
    public var estimate: Estimate
    public var unit: String
    public var verdict: Verdict
}

extension RunReport {
    /// Judges each objective set in `slo`: a pass needs the mean plus its half-width within
    /// the limit, a fail the mean minus its half-width beyond it. With one replication there
    /// is no interval and the mean decides.
    public func evaluate(_ slo: ServiceLevelObjectives, databaseName: String) -> [SLOResult] {
        var out: [SLOResult] = []
        func judge(_ name: String, _ limit: Double?, _ metric: String, station: String = "all", scale: Double = 1, unit: String) {
            guard let limit, let raw = estimate(metric, station: station) else { return }
            var e = raw
            e.mean *= scale
            e.halfWidth *= scale
            e.min *= scale
            e.max *= scale
            let h = e.halfWidth.isFinite ? e.halfWidth : 0
            let verdict: SLOResult.Verdict = e.mean + h <= limit ? .pass : (e.mean - h > limit ? .fail : .inconclusive)
            out.append(SLOResult(name: name, limit: limit, estimate: e, unit: unit, verdict: verdict))
        }
        judge("p95Latency", slo.p95Latency, "latency_p95_ms", scale: 0.001, unit: "s")
        judge("p99Latency", slo.p99Latency, "latency_p99_ms", scale: 0.001, unit: "s")
        judge("maxUtilization", slo.maxUtilization, "server_utilization_peak", unit: "")
        judge("maxDatabaseUtilization", slo.maxDatabaseUtilization, "utilization_peak", station: databaseName, unit: "")
        judge("p95WorkflowLag", slo.p95WorkflowLag, "workflow_lag_p95_s", unit: "s")
        judge("maxAbandonedSessions", slo.maxAbandonedSessions, "sessions_abandoned", unit: "sessions")
        return out
    }
}
