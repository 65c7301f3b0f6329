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
