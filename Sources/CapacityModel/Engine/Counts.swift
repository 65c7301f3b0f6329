/// What a replication counted, for the conservation report.
public struct Counts: Sendable, Equatable, Codable {
    public var sessionsArrived = 0
    public var sessionsCompleted = 0
    public var sessionsRefused = 0
    public var sessionsAbandoned = 0
    public var requestsIssued = 0
    public var requestsCompleted = 0
    public var requestsFailed = 0
    public var workflowsTriggered = 0
    public var workflowsCompleted = 0
    /// Jobs put back in the queue because their server failed (they still count once).
    public var workflowsRequeued = 0
    public var reconnections = 0
    public init() {}
}

/// The three balances that must hold exactly at the end of every replication.
public struct Conservation: Sendable, Equatable, Codable {
    public var counts: Counts
    public var sessionsActive: Int
    public var requestsInFlight: Int
    public var workflowsPending: Int

    /// arrived = completed + active + refused + abandoned
    public var sessionsBalance: Int {
        counts.sessionsArrived - (counts.sessionsCompleted + sessionsActive + counts.sessionsRefused + counts.sessionsAbandoned)
    }
    /// issued = completed + failed + in flight
    public var requestsBalance: Int {
        counts.requestsIssued - (counts.requestsCompleted + counts.requestsFailed + requestsInFlight)
    }
    /// triggered = completed + pending
    public var workflowsBalance: Int { counts.workflowsTriggered - (counts.workflowsCompleted + workflowsPending) }

    public var holds: Bool { sessionsBalance == 0 && requestsBalance == 0 && workflowsBalance == 0 }

    /// One line with every number, for reports and error messages.
    public var summary: String {
        let c = counts
        return "sessions arrived \(c.sessionsArrived) = completed \(c.sessionsCompleted) + active \(sessionsActive)"
            + " + refused \(c.sessionsRefused) + abandoned \(c.sessionsAbandoned) (off by \(sessionsBalance));"
            + " requests issued \(c.requestsIssued) = completed \(c.requestsCompleted) + failed \(c.requestsFailed)"
            + " + in flight \(requestsInFlight) (off by \(requestsBalance));"
            + " workflow jobs triggered \(c.workflowsTriggered) = completed \(c.workflowsCompleted)"
            + " + pending \(workflowsPending) (off by \(workflowsBalance))"
    }
}

/// Something that happened to the management group: a failure, a repair, a promotion.
public struct Incident: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case serverFailure = "server-failure"
        case serverRepair = "server-repair"
        case promotion
        case workflowResumed = "workflow-resumed"
        case failBack = "fail-back"
        case databaseFailure = "database-failure"
        case databaseRepair = "database-repair"
    }

    public var kind: Kind
    public var time: Double
    /// Server or database name.
    public var target: String
    /// Consoles displaced (server failure) or requests waiting (database events).
    public var consoles = 0
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
