import SimulationKernel
import Stochastics

/// Consoles displaced by a server failure: they reconnect after a delay to a server with room,
/// retrying until they give up (abandoned) or their session ends.
extension ManagementGroupModel {
    /// Disconnects the consoles of failed server `s`: their database work is cancelled (the
    /// request fails) and each schedules a reconnection attempt, unless its user was closing
    /// the console anyway.
    mutating func disconnectConsoles(of s: Int, incident: Int32)
        -> (displaced: Int, failedRequests: Int, databaseTouched: Bool) {
        let now = simulation.now
        var displaced = 0
        var failedRequests = 0
        var databaseTouched = false
        for c in consoles.indices where consoles[c].server == Int32(s) && consoles[c].phase != .reconnecting {
            if consoles[c].phase == .database || consoles[c].phase == .storage {
                let station = consoles[c].phase == .storage ? storageStation : databaseStation
                _ = stations[station].remove(job: config.id(.console(c)), now: now)
                databaseTouched = true
                failedRequests += 1
            }
            setCounted(console: c, false)
            consoles[c].background = false
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
        return (displaced, failedRequests, databaseTouched)
    }

    /// A console whose server failed tries to connect again; it retries until `giveUpAfter`.
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
        }
    }

    /// The user gives up reconnecting: the session ends without completing.
    mutating func abandon(console c: Int) {
        let incident = Int(consoles[c].incident)
        releaseConsole(c)
        counts.sessionsAbandoned += 1
        recorder.displacedResolved(incident: incident, abandoned: true, at: simulation.now)
    }
}
