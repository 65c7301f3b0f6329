/// The columns of `timeseries.csv` and `timeseries-mean.csv` after the run's identity
/// (`scenario,ratio,servers,down`) and the replication (count): declared once, so the writer's
/// header and every reader (the report, tests) use the same names.
public enum TimeSeriesColumn: String, CaseIterable, Sendable {
    case windowStart = "window_start_s"
    case windowEnd = "window_end_s"
    case warmup = "warmup"
    case station = "station"
    case kind = "kind"
    case workflowRole = "workflow_role"
    case up = "up"
    case consoles = "consoles"
    case requestsCompleted = "requests_completed"
    case requestsFailed = "requests_failed"
    case reconnects = "reconnects"
    case utilization = "utilization"
    /// 95 % half-width across replications (`timeseries-mean.csv` only).
    case utilizationCI = "utilization_ci95"
    case queueLength = "queue_length"
    case latencyMean = "latency_mean_ms"
    /// Per replication only: a median of medians is not a median of the day.
    case latencyP50 = "latency_p50_ms"
    case latencyP95 = "latency_p95_ms"
    /// 95 % half-width across replications (`timeseries-mean.csv` only).
    case latencyP95CI = "latency_p95_ci95"
    case latencyP99 = "latency_p99_ms"
    case workflowBacklog = "workflow_backlog"
    case workflowLagP95 = "workflow_lag_p95_s"
    case activeConsoles = "active_consoles"

    /// The CSV name.
    public var name: String { rawValue }

    /// `timeseries.csv`, after `replication`.
    public static let perReplication: [TimeSeriesColumn] = allCases.filter { $0 != .utilizationCI && $0 != .latencyP95CI }
    /// `timeseries-mean.csv`, after `replications`.
    public static let acrossReplications: [TimeSeriesColumn] = allCases.filter { $0 != .latencyP50 }

    static func header(_ columns: [TimeSeriesColumn]) -> String { columns.map(\.rawValue).joined(separator: ",") }
}
