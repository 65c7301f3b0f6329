import SimulationKernel
import Stochastics

/// Console sessions: arrivals through the daily profile, the load balancer, session ends.
extension ManagementGroupModel {
    /// Schedules the next session arrival of the non-homogeneous Poisson process whose rate
    /// is the profile's multiplier times the peak rate (peak consoles / mean session length,
    /// by Little's law). One unit-exponential draw per arrival, spent across profile steps,
    /// so the arrival times do not depend on anything else in the model.
    mutating func scheduleNextSessionArrival(after time: Double) {
        if let at = config.profile.nextArrival(after: time, scale: config.peakArrivalRate,
                                               unitExponential: arrivalStream.exponential(mean: 1), end: config.duration) {
            simulation.schedule(.sessionArrival, at: at, class: .arrival)
        }
    }

    /// A new session arrives: draw its length, book the next arrival and connect it.
    mutating func sessionArrives() {
        let now = simulation.now
        let length = config.sessionLength.sample(sessionLengthStream)
        scheduleNextSessionArrival(after: now)
        beginSession(endingAt: now + length, fresh: true)
    }

    /// Connects the consoles that would be connected at time 0 had the profile's first rate
    /// been running for ever: sessions that started in a long look-back window and have not
    /// ended yet (exact for the M/G/∞ population of sessions).
    mutating func connectInitialPopulation() {
        let rate = config.profileStep(at: 0).rate * config.peakArrivalRate
        guard rate > 0 else { return }
        let lookBack = 20 * config.sessionLength.mean * max(1, config.sessionLength.cv)
        var age = 0.0
        var remaining: [Double] = []
        while true {
            age += initialPopulationStream.exponential(mean: 1 / rate)
            if age > lookBack { break }
            let length = config.sessionLength.sample(initialPopulationStream)
            if length > age { remaining.append(length - age) }
        }
        for r in remaining { beginSession(endingAt: r) }
    }

    /// A new session asks the load balancer for a server; refused if none has room.
    mutating func beginSession(endingAt end: Double, fresh: Bool = false) {
        let index = sessionsStarted
        sessionsStarted += 1
        counts.sessionsArrived += 1
        guard let server = chooseServer(), let slot = freeConsoles.popLast() else {
            counts.sessionsRefused += 1
            return
        }
        let c = Int(slot)
        // Each session draws its think times, request classes and demands from its own
        // stream, seeded by its arrival index: the same session makes the same requests in
        // every configuration (common random numbers).
        consoleSources[c].reseed(StreamSeed.derive(seed: config.seed, replication: replication,
                                                   stream: "sessions.requests", index: index))
        consoles[c].sessionEnd = end
        startActivity(console: c, fresh: fresh)
        connect(console: c, to: server)
    }

    /// Binds a console to a server; it loads its caches first (the logon request, if the
    /// scenario has one: on the first connection and on every reconnection), then works.
    mutating func connect(console c: Int, to server: Int) {
        consoles[c].server = Int32(server)
        consoles[c].phase = .thinking
        connections[server] += 1
        recorder.connectionsChanged(server, to: Int(connections[server]), at: simulation.now)
        setCounted(console: c, true)
        if let logon = config.logonClass {
            send(requestClass: logon, console: c)
        } else {
            resumeActivity(console: c)
        }
    }

    /// Schedules the console's next step (a think time ending, a reconnection attempt), or its
    /// session end instead if that comes first. The session-end draw is the same either way,
    /// so the random numbers used do not depend on which event wins.
    mutating func scheduleActivity(_ event: Event, at time: Double, class sameTime: SameTimeClass, console c: Int) {
        let end = consoles[c].sessionEnd
        if end <= time {
            simulation.schedule(.sessionEnd(console: Int32(c)), at: max(end, simulation.now), class: .release,
                                on: consoles[c].activityTimer)
        } else {
            simulation.schedule(event, at: time, class: sameTime, on: consoles[c].activityTimer)
        }
    }

    /// The load balancer's choice among servers that are up, in the pool and below their cap.
    mutating func chooseServer() -> Int? {
        let n = config.servers.count
        func eligible(_ s: Int) -> Bool {
            serverUp[s] && serverInPool[s] && Int(connections[s]) < config.connectionLimits[s]
        }
        switch config.balancing {
        case .leastConnections:
            var best: Int?
            for s in 0..<n where eligible(s) {
                if best == nil || connections[s] < connections[best!] { best = s }
            }
            return best
        case .roundRobin:
            for step in 0..<n {
                let s = (roundRobinNext + step) % n
                if eligible(s) {
                    roundRobinNext = (s + 1) % n
                    return s
                }
            }
            return nil
        case .random:
            var count = 0
            for s in 0..<n where eligible(s) { count += 1 }
            guard count > 0 else { return nil }
            var pick = balancerStream.index(below: count)
            for s in 0..<n where eligible(s) {
                if pick == 0 { return s }
                pick -= 1
            }
            return nil
        case .static:
            return staticChoice()
        }
    }

    /// The session's time is up while the console was idle (thinking or reconnecting); a
    /// console with a request in flight leaves when the answer arrives (`answer`).
    mutating func sessionEnds(console c: Int) {
        assert(consoles[c].phase == .thinking || consoles[c].phase == .reconnecting || consoles[c].phase == .idle)
        leave(console: c)
    }

    /// The session ends normally (its time is up, or its user was closing the console when
    /// its server failed): it counts as completed.
    mutating func leave(console c: Int) {
        if consoles[c].incident >= 0 {
            recorder.displacedResolved(incident: Int(consoles[c].incident), abandoned: false, at: simulation.now)
        }
        releaseConsole(c)
        counts.sessionsCompleted += 1
    }

    /// Ends the console's session, whichever way it ended (`leave`, `abandon`): drops its
    /// connection if it holds one, cancels its pending event and returns its slot.
    mutating func releaseConsole(_ c: Int) {
        setCounted(console: c, false)
        consoles[c].activeUntil = .infinity
        consoles[c].background = false
        let server = Int(consoles[c].server)
        if server >= 0 && consoles[c].phase != .reconnecting {
            connections[server] -= 1
            recorder.connectionsChanged(server, to: Int(connections[server]), at: simulation.now)
        }
        consoles[c].incident = -1
        consoles[c].server = -1
        consoles[c].phase = .free
        consoles[c].sessionEnd = .infinity
        simulation.cancel(consoles[c].activityTimer)
        freeConsoles.append(Int32(c))
    }
}
