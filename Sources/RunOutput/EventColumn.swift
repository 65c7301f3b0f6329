/// The columns of `events.csv` after the run's identity (`scenario,ratio,servers,down`):
/// declared once, so the writer's header and every reader (the report, tests) use the same
/// names. Each row is one failure, repair, promotion or database outage with its recovery figures.
public enum EventColumn: String, CaseIterable, Sendable {
    case replication = "replication"
    case time = "time_s"
    /// An `Incident.Kind`: `server-failure`, `promotion`, …
    case event = "event"
    /// The server's name, or the database's.
    case target = "target"
    /// Consoles displaced (server failures) or jobs waiting in the database (database events).
    case consoles = "consoles"
    case failedRequests = "failed_requests"
    case workflowJobs = "workflow_jobs"
    case recovery = "recovery_s"
    case reconnected = "reconnected"
    case abandoned = "abandoned"
    case survivorPeakUtilization = "survivor_peak_utilization"
    case survivorPeakP95 = "survivor_peak_p95_ms"
    case backlogPeak = "backlog_peak"
    case drain = "drain_s"
    case workflowLagP95 = "workflow_lag_p95_s"
    case workflowLagMax = "workflow_lag_max_s"

    /// The CSV name.
    public var name: String { rawValue }

    static var header: String { allCases.map(\.rawValue).joined(separator: ",") }
}
