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
        var requestClass: Int32 = 0
        var issuedAt = 0.0
        var serverDemand = 0.0
        var databaseDemand = 0.0
        var afterDemand = 0.0
        var storageDemand = 0.0
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
        var remaining = stream.exponential(mean: 1)
        var t = time
        while t < config.duration {
            let (rate, until) = spec.rate(at: t)
            if rate > 0 && remaining <= rate * (until - t) {
                simulation.schedule(.portalVisit, at: t + remaining / rate, class: .arrival)
                return
            }
            remaining -= rate * (until - t)
            t = until
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

    /// The request spec of class `k` of the portal (-1: its logon).
    @inline(__always)
    func portalRequest(_ k: Int32) -> ModelConfig.RequestSpec {
        k < 0 ? config.portal!.logon! : config.portal!.requests[Int(k)]
    }

    /// Draws one request's demands and sends it to the portal's server.
    mutating func sendPortal(user u: Int, requestClass k: Int) {
        let spec = portalRequest(Int32(k))
        let stream = portal.streams[u]
        let now = simulation.now
        let serverDemand = spec.server.sample(stream)
        portal.users[u].inLogon = k < 0
        portal.users[u].requestClass = Int32(k)
        portal.users[u].serverDemand = serverDemand
        portal.users[u].databaseDemand = spec.visitsDatabase ? spec.database.sample(stream) : 0
        portal.users[u].afterDemand = spec.returnsToServer ? spec.serverAfter.sample(stream) : 0
        portal.users[u].storageDemand = spec.storageMean > 0 ? stream.exponential(mean: spec.storageMean) : 0
        portal.users[u].issuedAt = now
        portal.users[u].phase = .serverBefore
        counts.portal!.requestsIssued += 1
        let server = config.portal!.server
        stations[server].arrive(job: config.id(.portal(user: u)), demand: serverDemand, now: now)
        stationChanged(server)
    }

    /// A station finished its part of a portal request: send it on or answer it.
    mutating func advancePortalRequest(user u: Int) {
        let now = simulation.now
        let spec = portalRequest(portal.users[u].requestClass)
        let id = config.id(.portal(user: u))
        let phase = portal.users[u].phase
        if phase == .serverBefore && spec.visitsDatabase {
            portal.users[u].phase = .database
            stations[databaseStation].arrive(job: id, demand: portal.users[u].databaseDemand, now: now)
            stationChanged(databaseStation)
            return
        }
        if (phase == .serverBefore || phase == .database) && portal.users[u].storageDemand > 0 {
            portal.users[u].phase = .storage
            stations[storageStation].arrive(job: id, demand: portal.users[u].storageDemand, now: now)
            stationChanged(storageStation)
            return
        }
        if phase != .serverAfter && spec.returnsToServer {
            portal.users[u].phase = .serverAfter
            let server = config.portal!.server
            stations[server].arrive(job: id, demand: portal.users[u].afterDemand, now: now)
            stationChanged(server)
            return
        }
        answerPortal(user: u, spec: spec)
    }

    /// The answer reaches the user: record it, trigger workflows (an incident opened), then
    /// think and click again, or leave (after at least one request beyond the logon).
    mutating func answerPortal(user u: Int, spec: ModelConfig.RequestSpec) {
        let now = simulation.now
        let latency = now - portal.users[u].issuedAt + spec.networkDelay
        let stream = portal.streams[u]
        counts.portal!.requestsCompleted += 1
        if portal.users[u].inLogon {
            recorder.portalLogonCompleted(latency: latency)
        } else {
            recorder.portalRequestCompleted(latency: latency)
        }
        let perRequest = spec.workflowsPerRequest
        if perRequest > 0 {
            let whole = perRequest.rounded(.down)
            let extra = stream.uniform() < perRequest - whole ? 1 : 0
            triggerWorkflows(Int(whole) + extra, at: now)
        }
        if portal.users[u].inLogon || stream.uniform() < config.portal!.goOn {
            portal.users[u].phase = .thinking
            let at = now + spec.networkDelay + config.portal!.thinkTime.sample(stream)
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

/// What the portal's visits counted.
public struct PortalCounts: Sendable, Equatable, Codable {
    public var visitsArrived = 0
    public var visitsCompleted = 0
    /// Arrived while the portal's server was down or every slot (`maxUsers`) was taken.
    public var visitsRefused = 0
    /// Cut off by a failure of the portal's server.
    public var visitsInterrupted = 0
    public var requestsIssued = 0
    public var requestsCompleted = 0
    public var requestsFailed = 0
    public init() {}
}

#if DEBUG
extension ManagementGroupModel {
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
