#if DEBUG
/// The model's structural invariants, compiled in debug builds only. The tests run a model event
/// by event and check them after every event (`runChecked` in CapacityModelTests), as the
/// standard library's collections check theirs in debug builds.
extension ManagementGroupModel {
    /// Every invariant that does not hold right now, one line each; empty when all hold.
    func invariantViolations() -> [String] {
        var found: [String] = []
        let servers = config.servers.count
        var counted = Array(repeating: 0, count: servers)
        for c in consoles where c.phase != .free && c.phase != .reconnecting {
            counted[Int(c.server)] += 1
        }
        for s in 0..<servers {
            // The books match the consoles, and nobody is on a down server or over the cap.
            if counted[s] != Int(connections[s]) {
                found.append("server \(s): \(counted[s]) consoles bound but connections says \(connections[s])")
            }
            if counted[s] > 0 && !serverUp[s] {
                found.append("server \(s) is down with \(counted[s]) consoles connected at t=\(simulation.now)")
            }
            if counted[s] > config.connectionLimits[s] {
                found.append("server \(s) has \(counted[s]) consoles, above its cap")
            }
            if !serverInPool[s] && counted[s] > 0 {
                found.append("server \(s) is out of the console pool but has \(counted[s]) consoles")
            }
            // Workflow jobs run only on the workflow server, and never on a down one.
            let workflowJobs = stations[s].jobIDs.filter {
                switch config.job($0) {
                case .console, .promotionWork, .portal, .pollQuery: false
                case .workflow, .scheduled: true
                }
            }
            if !workflowJobs.isEmpty && (Int32(s) != workflowServer || !serverUp[s]) {
                found.append("server \(s) runs workflow jobs but the workflow server is \(workflowServer), up \(serverUp[s])")
            }
            if !serverUp[s] && stations[s].jobCount > 0 {
                found.append("down server \(s) still has \(stations[s].jobCount) jobs")
            }
        }
        let running = slots.filter(\.busy).count
        if running != config.workflowConcurrency - freeSlots.count {
            found.append("workflow slots out of step")
        }
        // A scheduled job's object is on the workflow server's CPU exactly when its phase says so.
        for j in scheduledJobs.indices {
            let id = config.id(.scheduled(job: j))
            let onServer = workflowServer >= 0 && stations[Int(workflowServer)].jobIDs.contains(id)
            if onServer != (scheduledJobs[j].phase == .server) {
                found.append("scheduled job \(j) in phase \(scheduledJobs[j].phase) but on the workflow server: \(onServer)")
            }
            // …and in the database or on the storage exactly when its phase says so.
            let inDatabase = stations[databaseStation].jobIDs.contains(id)
            if inDatabase != (scheduledJobs[j].phase == .database) {
                found.append("scheduled job \(j) in phase \(scheduledJobs[j].phase) but in the database: \(inDatabase)")
            }
            let onStorage = config.hasStorage && stations[storageStation].jobIDs.contains(id)
            if onStorage != (scheduledJobs[j].phase == .storage) {
                found.append("scheduled job \(j) in phase \(scheduledJobs[j].phase) but on the storage: \(onStorage)")
            }
            if scheduledJobs[j].phase == .idle && scheduledJobs[j].remaining != 0 {
                found.append("scheduled job \(j) idle with \(scheduledJobs[j].remaining) objects left")
            }
        }
        found += portalInvariantViolations()
        if !conservation.holds {
            found.append("conservation broken at t=\(simulation.now): \(conservation.summary)")
        }
        return found
    }

    /// Each portal request is at exactly the station its phase names, visits exist only while
    /// the portal's server is up, and every slot is either free or in use.
    func portalInvariantViolations() -> [String] {
        guard let spec = config.portal else { return [] }
        var found: [String] = []
        var expected = (server: 0, database: 0, storage: 0), busy = 0
        for user in portal.users where user.phase != .free {
            busy += 1
            switch user.phase {
            case .serverBefore, .serverAfter: expected.server += 1
            case .database: expected.database += 1
            case .storage: expected.storage += 1
            case .free, .thinking, .reconnecting, .idle: break
            }
        }
        /// Portal requests at station `s`, each checked against its user's phase.
        func portalJobs(at s: Int, phases: [Phase]) -> Int {
            var n = 0
            for id in stations[s].jobIDs {
                guard case .portal(let u) = config.job(id) else { continue }
                n += 1
                if !phases.contains(portal.users[u].phase) {
                    found.append("portal visit \(u) in phase \(portal.users[u].phase) has a job at station \(s)")
                }
            }
            return n
        }
        let atServer = portalJobs(at: spec.server, phases: [.serverBefore, .serverAfter])
        let atDatabase = portalJobs(at: databaseStation, phases: [.database])
        let atStorage = config.hasStorage ? portalJobs(at: storageStation, phases: [.storage]) : 0
        if atServer != expected.server || atDatabase != expected.database || atStorage != expected.storage {
            found.append("portal requests at the stations (\(atServer), \(atDatabase), \(atStorage)) differ from their phases \(expected)")
        }
        if busy > 0 && !serverUp[spec.server] {
            found.append("\(busy) portal visits in progress while the portal's server is down at t=\(simulation.now)")
        }
        if busy + portal.free.count != spec.maxUsers {
            found.append("portal slots out of step: \(busy) in use, \(portal.free.count) free, \(spec.maxUsers) in all")
        }
        return found
    }
}
#endif
