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
    /// Objects of connectors, grooming and data warehouse jobs; nil (and left out of `run.json`)
    /// when the scenario has none.
    public var scheduledWork: ScheduledWorkCounts?
    /// Self-Service Portal visits and requests; nil (and left out of `run.json`) without a portal.
    public var portal: PortalCounts?
    public init() {}
}

/// What the scheduled jobs (connectors, grooming, data warehouse) counted.
public struct ScheduledWorkCounts: Sendable, Equatable, Codable {
    public var objectsQueued = 0
    public var objectsCompleted = 0
    /// Runs not started because the previous run was still going or no server held the workflow role.
    public var runsSkipped = 0
    public init() {}
}

/// What the portal's visits counted.
public struct PortalCounts: Sendable, Equatable, Codable {
    public var visitsArrived = 0
    public var visitsCompleted = 0
    /// Arrived while the portal's server was down or every slot (`maxUsers`) was taken.
    public var visitsRefused = 0
    /// Cut off by a failure of the portal's server.
    public var visitsInterrupted = 0
    public var requestsIssued = 0
    public var requestsCompleted = 0
    public var requestsFailed = 0
    public init() {}
}
