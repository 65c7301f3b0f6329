import SimulationKernel
import Stochastics

/// Failures and repairs of servers and the database. Nothing is lost: failed requests are
/// counted, displaced consoles reconnect or are counted as abandoned
/// (`ManagementGroupModel+Reconnection.swift`), and workflow jobs wait for a workflow server
/// (`ManagementGroupModel+WorkflowRole.swift`).
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

    /// A planned failure from the scenario: take its server or the database down and book the repair.
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

    /// A random failure of server `s`: take it down and draw its repair time.
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
            switch config.job(job) {
            case .console: failedRequests += 1
            case .workflow(let slot):
                requeue(slot: slot)
                requeuedJobs += 1
            case .scheduled(let j): interruptScheduledJob(j)
            case .promotionWork, .portal, .pollQuery: break
            }
        }
        stationChanged(s)
        let lost = disconnectConsoles(of: s, incident: incident)
        failedRequests += lost.failedRequests
        let portalTouched = interruptPortal(server: s)
        var databaseTouched = lost.databaseTouched || portalTouched
        counts.requestsFailed += failedRequests
        recorder.requestsFailed(server: s, count: failedRequests)

        if Int32(s) == workflowServer {
            let requeued = loseWorkflowRole(s, incident: incident)
            requeuedJobs += requeued
            databaseTouched = databaseTouched || requeued > 0
        }
        if databaseTouched {
            stationChanged(databaseStation)
            if config.hasStorage { stationChanged(storageStation) }
        }
        incidents.append(Incident(kind: .serverFailure, time: now, target: config.servers[s].name,
                                  displacedConsoles: lost.displaced, failedRequests: failedRequests,
                                  workflowJobs: requeuedJobs))
        recorder.displaced(lost.displaced, incident: Int(incident), at: now)
    }

    /// A server's repair is due (the failure's own repair, or a random one, which also draws the
    /// server's next failure): once no failure holds it down, it is back, and the workflow role
    /// may return to it.
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
        serverReturned(s)
    }

    /// The database goes down: its station pauses, so its jobs wait and none is lost.
    mutating func failDatabase() {
        databaseDownCount += 1
        guard databaseDownCount == 1 else { return }
        let now = simulation.now
        stations[databaseStation].pause(now: now)
        stationChanged(databaseStation)
        if config.hasStorage {
            stations[storageStation].pause(now: now)
            stationChanged(storageStation)
        }
        recorder.upChanged(databaseStation, up: false, at: now)
        incidents.append(Incident(kind: .databaseFailure, time: now, target: config.databaseName,
                                  databaseJobsWaiting: stations[databaseStation].jobCount))
    }

    /// The database's repair is due: once no failure holds it down, its station resumes.
    mutating func repairDatabase() {
        guard databaseDownCount > 0 else { return }
        databaseDownCount -= 1
        guard databaseDownCount == 0 else { return }
        let now = simulation.now
        let waiting = stations[databaseStation].jobCount
        stations[databaseStation].resume(now: now)
        stationChanged(databaseStation)
        if config.hasStorage {
            stations[storageStation].resume(now: now)
            stationChanged(storageStation)
        }
        recorder.upChanged(databaseStation, up: true, at: now)
        incidents.append(Incident(kind: .databaseRepair, time: now, target: config.databaseName,
                                  databaseJobsWaiting: waiting))
    }
}
