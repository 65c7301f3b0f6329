import SimulationKernel

/// The stations (servers' CPUs, the database, its storage) as the model drives them: each has
/// one completion event on a timer, re-armed after every change, and a finished job goes back
/// to the request or job it belongs to.
extension ManagementGroupModel {
    /// Re-arms the station's completion event after a change.
    @inline(__always)
    mutating func stationChanged(_ s: Int) {
        let now = simulation.now
        if let t = stations[s].nextCompletion(now: now) {
            // Below its core count a processor-sharing station serves every job at full
            // speed, so an arrival often leaves the next completion where it was: then the
            // pending event stands and the heap is not touched.
            if t != stationNextCompletion[s] || !simulation.isPending(stationTimers[s]) {
                stationNextCompletion[s] = t
                simulation.schedule(.stationCompletion(station: Int32(s)), at: t, class: .release, on: stationTimers[s])
            }
        } else {
            simulation.cancel(stationTimers[s])
        }
        recorder.stationChanged(s, busy: stations[s].busyServers, jobs: stations[s].jobCount, at: now)
    }

    var databaseStation: Int { config.servers.count }
    /// The database's storage; exists only when `config.hasStorage`.
    var storageStation: Int { config.servers.count + 1 }

    /// A station finished a job: pass it on to the request or workflow job it belongs to.
    mutating func completeService(at s: Int) {
        let job = stations[s].completeNext(now: simulation.now)
        stationChanged(s)
        switch config.job(job) {
        case .console(let c): advanceRequest(console: c)
        case .workflow(let slot): advanceWorkflowJob(slot: slot)
        case .scheduled(let j): advanceScheduledJob(j)
        case .promotionWork: break
        case .portal(let u): advancePortalRequest(user: u)
        case .pollQuery(let r): advancePollQuery(r)
        }
    }
}
