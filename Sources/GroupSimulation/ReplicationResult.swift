import ScenarioSpec

/// Everything one replication produced.
public struct ReplicationResult: Sendable {
    public var replication: Int
    public var rows: [WindowRow]
    public var summary: [MetricValue]
    public var incidents: [Incident]
    public var conservation: Conservation
    public var events: Int
    /// Requests answered per window, server and request class, in that nesting (see
    /// `Recorder.classCompletions`); empty when not recorded.
    public var classCompletions: [Int32] = []
}

extension ManagementGroupModel {
    /// Runs one replication and packages what it recorded.
    public static func replicate(_ scenario: Scenario, replication: Int) -> ReplicationResult {
        replicate(scenario, config: ModelConfig(scenario: scenario), replication: replication)
    }

    /// Runs one replication from a `ModelConfig` shared by all of the scenario's replications.
    package static func replicate(_ scenario: Scenario, config: ModelConfig, replication: Int) -> ReplicationResult {
        var model = ManagementGroupModel(scenario: scenario, config: config, replication: replication)
        model.run()
        return model.result
    }

    /// The packaged result after `run()`.
    public var result: ReplicationResult {
        ReplicationResult(replication: replication, rows: recorder.rows, summary: recorder.summary,
                          incidents: recorder.completedIncidents(incidents), conservation: conservation,
                          events: simulation.eventsProcessed, classCompletions: recorder.classCompletions)
    }

    /// The balances of sessions, requests and workflow jobs right now.
    public var conservation: Conservation {
        var active = 0
        var inFlight = 0
        for c in consoles where c.phase != .free {
            active += 1
            if c.phase == .serverBefore || c.phase == .database || c.phase == .storage || c.phase == .serverAfter { inFlight += 1 }
        }
        var result = Conservation(counts: counts, sessionsActive: active, requestsInFlight: inFlight,
                                  workflowsPending: workflowBacklog,
                                  scheduledObjectsPending: counts.scheduledWork == nil ? nil : scheduledObjectsPending)
        if counts.portal != nil {
            (result.portalVisitsActive, result.portalRequestsInFlight) = portalInProgress
        }
        return result
    }
}
