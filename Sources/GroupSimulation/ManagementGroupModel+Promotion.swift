import SimulationKernel
import Stochastics

/// The promotion procedure, as Service Manager documents it (S-DR): on the chosen server the
/// operator stops the services, deletes the health service state, runs
/// `p_PromoteActiveWorkflowServer` and starts the services again. The server takes the
/// workflow role at the end (`procedure.duration` after the start) and then spends
/// `procedure.cpu` of CPU rebuilding its health service state. Its consoles stay connected, or
/// with `consoles: move` are sent to the other servers (their requests on it fail) and the
/// server leaves the console pool. Without a procedure the role moves at once.
extension ManagementGroupModel {
    /// The operator starts promoting server `s`.
    mutating func beginPromotion(of s: Int) {
        guard let procedure = config.failures.promotion.procedure else {
            assignWorkflowRole(to: s, kind: .promotion)
            return
        }
        let now = simulation.now
        promotingServer = Int32(s)
        var displaced = 0
        var failed = 0
        let incident = Int32(incidents.count)
        if procedure.consoles == .move {
            serverInPool[s] = false
            for c in consoles.indices where consoles[c].server == Int32(s)
                && (consoles[c].phase == .serverBefore || consoles[c].phase == .serverAfter) {
                _ = stations[s].remove(job: config.id(.console(c)), now: now)
                failed += 1
            }
            stationChanged(s)
            let lost = disconnectConsoles(of: s, incident: incident)
            if lost.databaseTouched { stationChanged(databaseStation) }
            failed += lost.failedRequests
            displaced = lost.displaced
            counts.requestsFailed += failed
            recorder.requestsFailed(server: s, count: failed)
        }
        incidents.append(Incident(kind: .promotionStarted, time: now, target: config.servers[s].name,
                                  displacedConsoles: displaced, failedRequests: failed))
        recorder.displaced(displaced, incident: Int(incident), at: now)
        simulation.schedule(.promotionDone(server: Int32(s)), at: now + procedure.duration.sample(promotionStream),
                            class: .capacityChange)
    }

    /// The procedure on server `s` is over: it takes the role and rebuilds its state. If it
    /// failed meanwhile, the operator starts again; if the lost server came back first, nothing.
    mutating func finishPromotion(_ s: Int) {
        guard promotingServer == Int32(s) else { return }
        promotingServer = -1
        guard workflowServer < 0 else { return }
        guard serverUp[s] else {
            schedulePromotion()
            return
        }
        assignWorkflowRole(to: s, kind: .promotion)
        // (At most one rebuild per server at a time: a second promotion of the same server while
        // its first rebuild runs, after a quick failure and repair, adds none.)
        if let cpu = config.failures.promotion.procedure?.cpu, !stations[s].jobIDs.contains(config.id(.promotionWork)) {
            stations[s].arrive(job: config.id(.promotionWork), demand: cpu.sample(promotionStream), now: simulation.now)
            stationChanged(s)
        }
    }
}
