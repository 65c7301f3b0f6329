import SimulationKernel
import Stochastics

/// Self-Service Portal users: visits arrive by the portal's rate profile, log on, click
/// through a few requests on the portal's management server (CPU → database → storage →
/// CPU), and leave. Each visit draws from its own stream, seeded by its arrival index. Their
/// latencies are kept apart from the consoles'; their load is not.
extension ManagementGroupModel {
    /// One portal visit in progress, in a slot reused by later visits.
    struct PortalUser {
        var phase = Phase.free
        /// The request in flight is the visit's logon.
        var inLogon = false
        /// The request in flight.
        var request = RequestInFlight()
        var timer: TimerID
    }

    /// The portal's visits and streams; empty without a portal.
    struct PortalState {
        var users: ContiguousArray<PortalUser> = []
        var free: ContiguousArray<Int32> = []
        var streams: ContiguousArray<RandomStream> = []
        var arrivals: RandomStream?
        var visits = 0
    }

    /// Slots, streams and the first arrival; nothing without a portal.
    mutating func startPortal() {
        guard let spec = config.portal else { return }
        portal.arrivals = RandomStream(seed: config.seed, replication: replication, name: "portal.arrivals")
        portal.users.reserveCapacity(spec.maxUsers)
        for i in 0..<spec.maxUsers {
            portal.users.append(PortalUser(timer: simulation.makeTimer()))
            portal.streams.append(RandomStream(gslSeed: UInt32(i), name: "portal", generator: .tausworthe))
        }
        portal.free = ContiguousArray((0..<Int32(spec.maxUsers)).reversed())
        counts.portal = PortalCounts()
        scheduleNextPortalVisit(after: 0)
    }

    /// The next visit of the non-homogeneous Poisson process of the portal's profile (one
    /// unit-exponential draw per visit, spent across steps, as for console sessions).
    mutating func scheduleNextPortalVisit(after time: Double) {
        guard let spec = config.portal, let stream = portal.arrivals else { return }
        if let at = spec.steps.nextArrival(after: time, scale: 1, unitExponential: stream.exponential(mean: 1),
                                           end: config.duration) {
            simulation.schedule(.portalVisit, at: at, class: .arrival)
        }
    }

    /// A visit begins: it logs on (or clicks at once); refused when the portal's server is
    /// down or every slot is taken.
    mutating func portalVisitArrives() {
        guard let spec = config.portal else { return }
        scheduleNextPortalVisit(after: simulation.now)
        let index = portal.visits
        portal.visits += 1
        counts.portal!.visitsArrived += 1
        guard serverUp[spec.server], let slot = portal.free.popLast() else {
            counts.portal!.visitsRefused += 1
            return
        }
        let u = Int(slot)
        portal.streams[u].reseed(StreamSeed.derive(seed: config.seed, replication: replication,
                                                   stream: "portal.requests", index: index))
        if spec.logon != nil {
            sendPortal(user: u, requestClass: -1)
        } else {
            portalClick(user: u)
        }
    }

    /// The user's think time is over: a request of a class picked by weight.
    mutating func portalClick(user u: Int) {
        let k = config.portal!.requestMix.index(forUniform: portal.streams[u].uniform())
        sendPortal(user: u, requestClass: k)
    }

    /// Draws one request's demands and sends it to the portal's server: class `k` of the
    /// portal's, or its logon when `k` is -1.
    mutating func sendPortal(user u: Int, requestClass k: Int) {
        let r = k < 0 ? config.portalLogonRoute! : config.portalRoutes + k
        portal.users[u].request = config.drawRequest(route: r, stream: portal.streams[u], at: simulation.now)
        portal.users[u].inLogon = k < 0
        portal.users[u].phase = .serverBefore
        counts.portal!.requestsIssued += 1
        route(job: config.id(.portal(user: u)), to: .serverBefore, demand: portal.users[u].request.serverDemand,
              server: config.portal!.server)
    }

    /// A station finished its part of a portal request: send it on or answer it.
    mutating func advancePortalRequest(user u: Int) {
        if let (phase, demand) = config.nextStep(of: portal.users[u].request, after: portal.users[u].phase) {
            portal.users[u].phase = phase
            route(job: config.id(.portal(user: u)), to: phase, demand: demand, server: config.portal!.server)
        } else {
            answerPortal(user: u)
        }
    }

    /// The answer reaches the user: record it, trigger workflows (an incident opened), then
    /// think and click again, or leave (after at least one request beyond the logon).
    mutating func answerPortal(user u: Int) {
        let now = simulation.now
        let r = Int(portal.users[u].request.route)
        let network = config.routes[r].networkDelay
        let latency = now - portal.users[u].request.issuedAt + network
        let stream = portal.streams[u]
        counts.portal!.requestsCompleted += 1
        if portal.users[u].inLogon {
            recorder.portalLogonCompleted(latency: latency)
        } else {
            recorder.portalRequestCompleted(latency: latency)
        }
        triggerWorkflows(perRequest: config.routes[r].workflowsPerRequest, stream: stream)
        if portal.users[u].inLogon || stream.uniform() < config.portal!.goOn {
            portal.users[u].phase = .thinking
            let at = now + network + config.portal!.thinkTime.sample(stream)
            simulation.schedule(.portalClick(user: Int32(u)), at: at, class: .arrival, on: portal.users[u].timer)
        } else {
            endPortalVisit(user: u)
            counts.portal!.visitsCompleted += 1
        }
    }

    /// Returns the visit's slot.
    mutating func endPortalVisit(user u: Int) {
        portal.users[u].phase = .free
        simulation.cancel(portal.users[u].timer)
        portal.free.append(Int32(u))
    }

    /// The portal's server failed (its CPU jobs are already removed): every visit on it is cut
    /// off, its request in flight fails. Returns whether database or storage jobs were removed.
    mutating func interruptPortal(server s: Int) -> Bool {
        guard let spec = config.portal, spec.server == s else { return false }
        let now = simulation.now
        var databaseTouched = false
        for u in portal.users.indices where portal.users[u].phase != .free {
            switch portal.users[u].phase {
            case .database, .storage:
                let station = portal.users[u].phase == .storage ? storageStation : databaseStation
                _ = stations[station].remove(job: config.id(.portal(user: u)), now: now)
                databaseTouched = true
                counts.portal!.requestsFailed += 1
            case .serverBefore, .serverAfter:
                counts.portal!.requestsFailed += 1
            case .free, .thinking, .reconnecting, .idle:
                break
            }
            endPortalVisit(user: u)
            counts.portal!.visitsInterrupted += 1
        }
        return databaseTouched
    }

    /// Visits in progress and portal requests in flight, for the conservation report.
    var portalInProgress: (visits: Int, requests: Int) {
        var visits = 0, requests = 0
        for user in portal.users where user.phase != .free {
            visits += 1
            if user.phase != .thinking { requests += 1 }
        }
        return (visits, requests)
    }
}
