/// The three balances that must hold exactly at the end of every replication.
public struct Conservation: Sendable, Equatable, Codable {
    public var counts: Counts
    public var sessionsActive: Int
    public var requestsInFlight: Int
    public var workflowsPending: Int
    /// Objects of scheduled jobs queued in unfinished runs; nil when the scenario has none.
    public var scheduledObjectsPending: Int?
    /// Portal visits in progress and portal requests in flight; nil without a portal.
    public var portalVisitsActive: Int?
    public var portalRequestsInFlight: Int?

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

    /// queued = completed + pending, for the objects of connectors, grooming and data warehouse jobs.
    public var scheduledBalance: Int {
        guard let w = counts.scheduledWork else { return 0 }
        return w.objectsQueued - (w.objectsCompleted + (scheduledObjectsPending ?? 0))
    }

    /// visits arrived = completed + refused + interrupted + in progress, for the portal.
    public var portalVisitsBalance: Int {
        guard let p = counts.portal else { return 0 }
        return p.visitsArrived - (p.visitsCompleted + p.visitsRefused + p.visitsInterrupted + (portalVisitsActive ?? 0))
    }
    /// issued = completed + failed + in flight, for the portal's requests.
    public var portalRequestsBalance: Int {
        guard let p = counts.portal else { return 0 }
        return p.requestsIssued - (p.requestsCompleted + p.requestsFailed + (portalRequestsInFlight ?? 0))
    }

    public var holds: Bool {
        sessionsBalance == 0 && requestsBalance == 0 && workflowsBalance == 0 && scheduledBalance == 0
            && portalVisitsBalance == 0 && portalRequestsBalance == 0
    }

    /// One line with every number, for reports and error messages.
    public var summary: String {
        let c = counts
        return "sessions arrived \(c.sessionsArrived) = completed \(c.sessionsCompleted) + active \(sessionsActive)"
            + " + refused \(c.sessionsRefused) + abandoned \(c.sessionsAbandoned) (off by \(sessionsBalance));"
            + " requests issued \(c.requestsIssued) = completed \(c.requestsCompleted) + failed \(c.requestsFailed)"
            + " + in flight \(requestsInFlight) (off by \(requestsBalance));"
            + " workflow jobs triggered \(c.workflowsTriggered) = completed \(c.workflowsCompleted)"
            + " + pending \(workflowsPending) (off by \(workflowsBalance))"
            + (c.scheduledWork.map {
                "; scheduled objects queued \($0.objectsQueued) = completed \($0.objectsCompleted)"
                    + " + pending \(scheduledObjectsPending ?? 0) (off by \(scheduledBalance))"
            } ?? "")
            + (c.portal.map {
                "; portal visits arrived \($0.visitsArrived) = completed \($0.visitsCompleted) + refused \($0.visitsRefused)"
                    + " + interrupted \($0.visitsInterrupted) + in progress \(portalVisitsActive ?? 0) (off by \(portalVisitsBalance));"
                    + " portal requests issued \($0.requestsIssued) = completed \($0.requestsCompleted) + failed \($0.requestsFailed)"
                    + " + in flight \(portalRequestsInFlight ?? 0) (off by \(portalRequestsBalance))"
            } ?? "")
    }
}
