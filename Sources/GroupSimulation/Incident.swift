/// Something that happened to the management group: a failure, a repair, a promotion.
public struct Incident: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case serverFailure = "server-failure"
        case serverRepair = "server-repair"
        case promotion
        /// A promotion procedure starts on a server (its role moves at the procedure's end).
        case promotionStarted = "promotion-started"
        case workflowResumed = "workflow-resumed"
        case failBack = "fail-back"
        case databaseFailure = "database-failure"
        case databaseRepair = "database-repair"
    }

    public var kind: Kind
    public var time: Double
    /// Server or database name.
    public var target: String
    /// Consoles disconnected by a server failure.
    public var displacedConsoles = 0
    /// Jobs (requests and workflow jobs) in the database when it failed or was repaired.
    public var databaseJobsWaiting = 0
    public var failedRequests = 0
    /// Workflow jobs re-queued (failure) or backlog taken over (promotion).
    public var workflowJobs = 0

    // Filled in at the end of the replication for server failures.
    /// Seconds until every displaced console was connected again, gave up or ended its session.
    public var recoverySeconds: Double?
    public var reconnected = 0
    public var abandoned = 0
    /// Highest window utilization of a surviving server, and highest window p95 latency,
    /// from the failure to recovery.
    public var survivorPeakUtilization: Double?
    public var survivorPeakP95: Double?
    // For losses of the workflow server.
    public var backlogPeak: Int?
    /// Seconds from the loss until the backlog was back to its level at the loss.
    public var drainSeconds: Double?
    public var workflowLagP95: Double?
    public var workflowLagMax: Double?
}
