import SimulationKernel
import Stochastics

/// Failures, repairs, console reconnection, promotion of a new workflow server and
/// database outages. Nothing is lost: failed requests are counted, displaced consoles
/// reconnect or are counted as abandoned, and workflow jobs wait for a workflow server.
extension ManagementGroupModel {
    /// Schedules the scenario's failures and takes the `down` servers out for the whole run.
    mutating func scheduleFailures() {
        let f = config.failures
        // N-k sizing: the highest-numbered additional servers are down from the start.
        let additional = config.servers.indices.filter { !config.servers[$0].isInitial }
        for s in additional.suffix(f.down) {
            serverDownCount[s] = 1
            serverUp[s] = false
            recorder.upChanged(s, up: false, at: 0)
        }
        for (i, planned) in f.scheduled.enumerated() {
            simulation.schedule(.scheduledFailure(index: Int32(i)), at: planned.at, class: .capacityChange)
        }
        if let random = f.random {
            for s in config.servers.indices where serverDownCount[s] == 0 {
                if random.appliesTo == .additional && config.servers[s].isInitial { continue }
                simulation.schedule(.randomFailure(server: Int32(s)), at: random.timeToFailure.sample(failureStream),
                                    class: .capacityChange)
            }
        }
    }

    mutating func runScheduledFailure(_ i: Int) {
        let planned = config.failures.scheduled[i]
        switch planned.target {
        case .database:
            failDatabase()
            if let after = planned.repairAfter {
                simulation.schedule(.databaseRepair, at: simulation.now + after, class: .capacityChange)
            }
        case .server(let name):
            guard let s = config.serverIndex[name] else { return }
            failServer(s)
            if let after = planned.repairAfter {
                simulation.schedule(.serverRepair(server: Int32(s), random: false), at: simulation.now + after,
                                    class: .capacityChange)
            }
        }
    }

    mutating func runRandomFailure(_ s: Int) {
        guard let random = config.failures.random else { return }
        failServer(s)
        simulation.schedule(.serverRepair(server: Int32(s), random: true),
                            at: simulation.now + random.timeToRepair.sample(failureStream), class: .capacityChange)
    }

    /// The server goes down: its requests fail, its consoles disconnect and will reconnect
    /// elsewhere, and if it held the workflow role its jobs go back to the queue and a
    /// promotion is scheduled.
    mutating func failServer(_ s: Int) {
        serverDownCount[s] += 1
        guard serverDownCount[s] == 1 else { return }
        let now = simulation.now
        serverUp[s] = false
        recorder.upChanged(s, up: false, at: now)
        let incident = Int32(incidents.count)
        var failedRequests = 0
        var requeuedJobs = 0

        // Work on the server's CPU stops.
        for job in stations[s].removeAll(now: now) {
            if Int(job) < config.consoleCapacity {
                failedRequests += 1
            } else {
                requeue(slot: Int(job) - config.consoleCapacity)
                requeuedJobs += 1
            }
        }
        stationChanged(s)
        // Its consoles lose their connection; their database work is cancelled.
        var displaced = 0
        var databaseTouched = false
        for c in consoles.indices where consoles[c].server == Int32(s) && consoles[c].phase != .reconnecting {
            if consoles[c].phase == .database {
                _ = stations[databaseStation].remove(job: Int32(c), now: now)
                databaseTouched = true
                failedRequests += 1
            }
            connections[s] -= 1
            if now >= consoles[c].sessionEnd {
                // The user was closing the console anyway.
                consoles[c].phase = .reconnecting
                leave(console: c)
                continue
            }
            consoles[c].phase = .reconnecting
            consoles[c].server = -1
            consoles[c].disconnectedAt = now
            consoles[c].incident = incident
            displaced += 1
            scheduleActivity(.reconnect(console: Int32(c)), at: now + config.failures.reconnect.delay.sample(reconnectStream),
                             class: .service, console: c)
        }
        recorder.connectionsChanged(s, to: Int(connections[s]), at: now)
        counts.requestsFailed += failedRequests
        recorder.requestsFailed(server: s, count: failedRequests)

        // The workflow role is lost with the server.
        if Int32(s) == workflowServer {
            for slot in slots.indices where slots[slot].busy && slots[slot].inDatabase {
                _ = stations[databaseStation].remove(job: Int32(config.consoleCapacity + slot), now: now)
                requeue(slot: slot)
                requeuedJobs += 1
                databaseTouched = true
            }
            originalWorkflowServer = Int32(s)
            workflowServer = -1
            schedulePromotion()
            recorder.workflowServerLost(backlog: workflowBacklog, at: now, incident: Int(incident))
        }
        if databaseTouched { stationChanged(databaseStation) }
        incidents.append(Incident(kind: .serverFailure, time: now, target: config.servers[s].name,
                                  consoles: displaced, failedRequests: failedRequests, workflowJobs: requeuedJobs))
        recorder.displaced(displaced, incident: Int(incident), at: now)
    }

    /// A workflow job that was running goes back to the front of the line (it is re-run from
    /// the start; the subscription's watermark keeps it from being lost).
    mutating func requeue(slot s: Int) {
        ready.append(PendingJob(triggeredAt: slots[s].triggeredAt, template: slots[s].template))
        slots[s].busy = false
        slots[s].inDatabase = false
        freeSlots.append(Int32(s))
        counts.workflowsRequeued += 1
    }

    mutating func schedulePromotion() {
        guard !promotionPending else { return }
        promotionPending = true
        simulation.schedule(.promotion, at: simulation.now + config.failures.promotion.after.sample(promotionStream),
                            class: .capacityChange)
    }

    mutating func repairServer(_ s: Int, random: Bool) {
        let now = simulation.now
        if random, let r = config.failures.random {
            simulation.schedule(.randomFailure(server: Int32(s)), at: now + r.timeToFailure.sample(failureStream),
                                class: .capacityChange)
        }
        guard serverDownCount[s] > 0 else { return }
        serverDownCount[s] -= 1
        guard serverDownCount[s] == 0 else { return }
        serverUp[s] = true
        recorder.upChanged(s, up: true, at: now)
        incidents.append(Incident(kind: .serverRepair, time: now, target: config.servers[s].name))
        // The lost workflow server is back before anyone was promoted: it simply resumes.
        if workflowServer < 0 && Int32(s) == originalWorkflowServer {
            promotionPending = false
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
            let job = Int32(config.consoleCapacity + slot)
            if slots[slot].inDatabase {
                _ = stations[databaseStation].remove(job: job, now: now)
            } else {
                _ = stations[old].remove(job: job, now: now)
            }
            requeue(slot: slot)
        }
        stationChanged(old)
        stationChanged(databaseStation)
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
        assignWorkflowRole(to: s, kind: .promotion)
    }

    mutating func assignWorkflowRole(to s: Int, kind: Incident.Kind) {
        workflowServer = Int32(s)
        incidents.append(Incident(kind: kind, time: simulation.now, target: config.servers[s].name,
                                  workflowJobs: workflowBacklog))
        recorder.workflowServerAssigned(s, backlog: workflowBacklog, at: simulation.now)
        dispatchWorkflows()
    }

    /// A console whose server failed tries to connect again.
    mutating func attemptReconnect(console c: Int) {
        let now = simulation.now
        let incident = Int(consoles[c].incident)
        if let server = chooseServer() {
            consoles[c].incident = -1
            connect(console: c, to: server)
            counts.reconnections += 1
            recorder.reconnected(server: server)
            recorder.displacedResolved(incident: incident, abandoned: false, at: now)
        } else if now + config.failures.reconnect.retryEvery - consoles[c].disconnectedAt <= config.failures.reconnect.giveUpAfter {
            scheduleActivity(.reconnect(console: Int32(c)), at: now + config.failures.reconnect.retryEvery,
                             class: .service, console: c)
        } else {
            abandon(console: c)
            recorder.displacedResolved(incident: incident, abandoned: true, at: now)
        }
    }

    /// The user gives up reconnecting: the session ends without completing.
    mutating func abandon(console c: Int) {
        consoles[c].server = -1
        consoles[c].phase = .free
        consoles[c].incident = -1
        consoles[c].sessionEnd = .infinity
        simulation.cancel(consoles[c].activityTimer)
        freeConsoles.append(Int32(c))
        counts.sessionsAbandoned += 1
    }

    mutating func failDatabase() {
        databaseDownCount += 1
        guard databaseDownCount == 1 else { return }
        let now = simulation.now
        stations[databaseStation].pause(now: now)
        stationChanged(databaseStation)
        recorder.upChanged(databaseStation, up: false, at: now)
        incidents.append(Incident(kind: .databaseFailure, time: now, target: config.databaseName,
                                  consoles: stations[databaseStation].jobCount))
    }

    mutating func repairDatabase() {
        guard databaseDownCount > 0 else { return }
        databaseDownCount -= 1
        guard databaseDownCount == 0 else { return }
        let now = simulation.now
        let waiting = stations[databaseStation].jobCount
        stations[databaseStation].resume(now: now)
        stationChanged(databaseStation)
        recorder.upChanged(databaseStation, up: true, at: now)
        incidents.append(Incident(kind: .databaseRepair, time: now, target: config.databaseName, consoles: waiting))
    }
}
