import SimulationKernel
import Stochastics

/// The workflow role: one server runs workflows. When it fails, running jobs go back to the
/// queue and an operator promotes another server after a delay; if the lost server returns
/// first it resumes the role, and with fail-back it takes the role back on repair.
extension ManagementGroupModel {
    /// Workflow server `s` failed: jobs it had in the database go back to the queue (those on
    /// its CPU were re-queued with the CPU's work), and a promotion is scheduled. Returns the
    /// number of jobs taken out of the database.
    mutating func loseWorkflowRole(_ s: Int, incident: Int32) -> Int {
        let now = simulation.now
        var requeued = 0
        for slot in slots.indices where slots[slot].busy && slots[slot].inDatabase {
            let station = slots[slot].inStorage ? storageStation : databaseStation
            _ = stations[station].remove(job: config.id(.workflow(slot: slot)), now: now)
            requeue(slot: slot)
            requeued += 1
        }
        originalWorkflowServer = Int32(s)
        workflowServer = -1
        schedulePromotion()
        recorder.workflowServerLost(backlog: workflowBacklog, at: now, incident: Int(incident))
        return requeued
    }

    /// A workflow job that was running goes back to the front of the line (it is re-run from
    /// the start; the subscription's watermark keeps it from being lost).
    mutating func requeue(slot s: Int) {
        ready.append(PendingJob(triggeredAt: slots[s].triggeredAt, template: slots[s].template))
        slots[s].busy = false
        slots[s].inDatabase = false
        slots[s].inStorage = false
        slots[s].storageDemand = 0
        freeSlots.append(Int32(s))
        counts.workflowsRequeued += 1
    }

    /// Books the operator's promotion after the promotion delay, unless one is pending.
    mutating func schedulePromotion() {
        guard !promotionPending else { return }
        promotionPending = true
        simulation.schedule(.promotion, at: simulation.now + config.failures.promotion.after.sample(promotionStream),
                            class: .capacityChange)
    }

    /// Server `s` is back up: the lost workflow server resumes its role if nobody was promoted
    /// yet, or takes it back from the promoted server with fail-back.
    mutating func serverReturned(_ s: Int) {
        if workflowServer < 0 && Int32(s) == originalWorkflowServer {
            promotionPending = false
            promotingServer = -1
            assignWorkflowRole(to: s, kind: .workflowResumed)
        } else if config.failures.promotion.failBack && Int32(s) == originalWorkflowServer && workflowServer != Int32(s) {
            moveRunningWorkflowsBack()
            assignWorkflowRole(to: s, kind: .failBack)
        }
    }

    /// Fail-back: running jobs on the promoted server are re-queued so that workflows never
    /// run on two servers at once.
    mutating func moveRunningWorkflowsBack() {
        let now = simulation.now
        let old = Int(workflowServer)
        for slot in slots.indices where slots[slot].busy {
            let job = config.id(.workflow(slot: slot))
            if slots[slot].inStorage {
                _ = stations[storageStation].remove(job: job, now: now)
            } else if slots[slot].inDatabase {
                _ = stations[databaseStation].remove(job: job, now: now)
            } else {
                _ = stations[old].remove(job: job, now: now)
            }
            requeue(slot: slot)
        }
        interruptScheduledJobs(onServer: old)
        stationChanged(old)
        stationChanged(databaseStation)
        if config.hasStorage { stationChanged(storageStation) }
    }

    /// An operator has promoted a server to run workflows.
    mutating func promote() {
        guard promotionPending else { return }
        let candidates = config.servers.indices.filter { serverUp[$0] }
        var chosen: Int?
        if case .server(let name) = config.failures.promotion.choose, let s = config.serverIndex[name], serverUp[s] {
            chosen = s
        } else {
            let additional = candidates.filter { !config.servers[$0].isInitial }
            chosen = (additional.isEmpty ? candidates : additional).min { connections[$0] < connections[$1] }
        }
        guard let s = chosen else {
            // Nothing is up to promote: the operator tries again in a minute.
            simulation.schedule(.promotion, at: simulation.now + 60, class: .capacityChange)
            return
        }
        promotionPending = false
        beginPromotion(of: s)
    }

    /// Server `s` now runs workflows: record it and start the waiting jobs there.
    mutating func assignWorkflowRole(to s: Int, kind: Incident.Kind) {
        workflowServer = Int32(s)
        incidents.append(Incident(kind: kind, time: simulation.now, target: config.servers[s].name,
                                  workflowJobs: workflowBacklog))
        recorder.workflowServerAssigned(s, backlog: workflowBacklog, at: simulation.now)
        dispatchWorkflows()
        resumeScheduledJobs()
    }
}
