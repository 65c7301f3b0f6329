@testable import CapacityModel
import Testing

/// Runs a model event by event, checking the structural invariants after every event.
/// Returns the number of events checked.
@discardableResult
func runChecked(_ scenario: Scenario, replication: Int = 0) -> ManagementGroupModel {
    var model = ManagementGroupModel(scenario: scenario, replication: replication)
    model.start()
    while let event = model.simulation.next(until: scenario.duration) {
        model.handle(event)
        checkInvariants(model)
    }
    model.recorder.finish(at: model.simulation.now, counts: model.counts)
    return model
}

func checkInvariants(_ m: ManagementGroupModel) {
    let servers = m.config.servers.count
    var counted = Array(repeating: 0, count: servers)
    for c in m.consoles where c.phase != .free && c.phase != .reconnecting {
        counted[Int(c.server)] += 1
    }
    for s in 0..<servers {
        // The books match the consoles, and nobody is on a down server or over the cap.
        if counted[s] != Int(m.connections[s]) {
            Issue.record("server \(s): \(counted[s]) consoles bound but connections says \(m.connections[s])")
        }
        if counted[s] > 0 && !m.serverUp[s] {
            Issue.record("server \(s) is down with \(counted[s]) consoles connected at t=\(m.simulation.now)")
        }
        if counted[s] > m.config.servers[s].maxConsoles {
            Issue.record("server \(s) has \(counted[s]) consoles, above its cap")
        }
        if !m.serverInPool[s] && counted[s] > 0 {
            Issue.record("server \(s) is out of the console pool but has \(counted[s]) consoles")
        }
        // Workflow jobs run only on the workflow server, and never on a down one.
        let workflowJobs = m.stations[s].jobIDs.filter { Int($0) >= m.config.consoleCapacity }
        if !workflowJobs.isEmpty && (Int32(s) != m.workflowServer || !m.serverUp[s]) {
            Issue.record("server \(s) runs workflow jobs but the workflow server is \(m.workflowServer), up \(m.serverUp[s])")
        }
        if !m.serverUp[s] && m.stations[s].jobCount > 0 {
            Issue.record("down server \(s) still has \(m.stations[s].jobCount) jobs")
        }
    }
    let running = m.slots.filter(\.busy).count
    if running != m.config.workflowConcurrency - m.freeSlots.count {
        Issue.record("workflow slots out of step")
    }
    if !m.conservation.holds {
        Issue.record("conservation broken at t=\(m.simulation.now): \(m.conservation.summary)")
    }
}
