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
            if counted[s] > config.servers[s].maxConsoles {
                found.append("server \(s) has \(counted[s]) consoles, above its cap")
            }
            if !serverInPool[s] && counted[s] > 0 {
                found.append("server \(s) is out of the console pool but has \(counted[s]) consoles")
            }
            // Workflow jobs run only on the workflow server, and never on a down one.
            let workflowJobs = stations[s].jobIDs.filter {
                switch config.job($0) {
                case .console, .promotionWork, .portal: false
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
}
#endif
