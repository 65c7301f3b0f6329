import Statistics

/// What the recorder keeps about failures: displaced consoles until they are all back or gone,
/// and each outage of the workflow server until its backlog has drained.
extension Recorder {
    struct Displacement {
        var start: Double
        var pending: Int
        var reconnected = 0
        var abandoned = 0
        var resolvedAt: Double?
    }

    struct WorkflowOutage {
        var incident: Int
        var start: Double
        var backlogAtLoss: Int
        var peak: Int
        var promoted = false
        var drainedAt: Double?
        var lag = LatencyHistogram()
    }

    mutating func reconnected(server s: Int) { windowReconnects[s] += 1 }

    mutating func displaced(_ n: Int, incident: Int, at t: Double) {
        guard n > 0 else { return }
        displacements[incident] = Displacement(start: t, pending: n)
    }

    mutating func displacedResolved(incident: Int, abandoned: Bool, at t: Double) {
        guard var d = displacements[incident] else { return }
        d.pending -= 1
        if abandoned { d.abandoned += 1 } else { d.reconnected += 1 }
        if d.pending == 0 { d.resolvedAt = t }
        displacements[incident] = d
    }

    mutating func workflowServerLost(backlog n: Int, at t: Double, incident: Int) {
        if outage != nil { closeOutage(drainedAt: nil) }
        outage = WorkflowOutage(incident: incident, start: t, backlogAtLoss: n, peak: n)
    }

    mutating func workflowServerAssigned(_ s: Int, backlog n: Int, at t: Double) {
        guard outage != nil else { return }
        outage!.promoted = true
        if n <= outage!.backlogAtLoss { closeOutage(drainedAt: t) }
    }

    mutating func closeOutage(drainedAt t: Double?) {
        guard var o = outage else { return }
        o.drainedAt = t
        finishedOutages[o.incident] = o
        outage = nil
    }
}
