import QueueingTheory
import ScenarioSpec
import Stations
import Stochastics

/// The scenario flattened into the arrays and numbers the event handlers read.
package struct ModelConfig: Sendable {
    /// A request class without its name and weight, its optional steps flattened into flags:
    /// the event loop reads it in place, and reading an optional distribution copies it.
    package struct RequestSpec: Sendable {
        var server: Distribution
        /// Meaningful only when `visitsDatabase`.
        var database: Distribution
        var visitsDatabase: Bool
        /// Meaningful only when `returnsToServer`.
        var serverAfter: Distribution
        var returnsToServer: Bool
        var workflowsPerRequest: Double
        /// Mean storage demand: page reads × miss ratio × read time / devices (0: none).
        var storageMean: Double
        /// Network time per request: round trips × latency.
        var networkDelay: Double

        init(_ r: RequestClass, storageSecondsPerRead: Double, networkLatency: Double) {
            let none = try! Distribution.deterministic(0)
            server = r.server
            database = r.database ?? none
            visitsDatabase = r.database != nil
            serverAfter = r.serverAfter ?? none
            returnsToServer = r.serverAfter != nil
            workflowsPerRequest = r.workflowsPerRequest
            storageMean = r.pageReads * storageSecondsPerRead
            networkDelay = Double(r.roundTrips) * networkLatency
        }
    }

    struct RecurringSpec: Sendable {
        var every: Double
        var offset: Double
        var jobs: Int
    }

    let seed: UInt64
    let duration: Double
    let warmup: Double
    let window: Double
    let layout: Layout
    var servers: [Layout.Server] { layout.servers }
    let databaseName: String
    let databaseCores: Int
    let databaseDiscipline: QueueDiscipline
    let consoleCapacity: Int
    /// Per server, its hard connection limit (`Int.max` without one).
    let connectionLimits: [Int]

    let peak: Int
    let start: Consoles.Start
    let profile: [Consoles.ProfileStep]
    let peakArrivalRate: Double
    let sessionLength: Distribution
    let thinkTime: Distribution
    let balancing: Consoles.LoadBalancing
    /// Per server, its share under `static` assignment (0 for servers without one).
    let shares: [Double]
    let networkLatency: Double
    /// The weighted classes, then the logon class (if any), which weights never pick.
    package let requests: [RequestSpec]
    /// Every request class a request in flight can follow, read in place by the route: the
    /// consoles' (`requests`, same indices), then the portal's classes, then its logon.
    let routes: [RequestSpec]
    /// Index in `routes` of the portal's first class, and of its logon (nil: none).
    let portalRoutes: Int
    let portalLogonRoute: Int?
    /// Index in `requests` of the initial load run on every connection.
    package let logonClass: Int?
    /// Index in `requests` of an idle console's background refresh, and its period.
    let refreshClass: Int?
    let refreshEvery: Double
    let activePeriod: Distribution?
    let idlePeriod: Distribution?

    /// Whether the database has a storage station (SQL memory given).
    package let hasStorage: Bool
    /// Buffer-pool hit ratio by Che's approximation (1 without a storage station).
    package let hitRatio: Double
    /// Seconds of storage time per page read: miss ratio × read time / devices.
    let storageSecondsPerRead: Double
    /// The request class each think time ends in, by the classes' weights.
    let requestMix: WeightedChoice

    let pollInterval: Double
    /// Jobs one poll takes at most: batch size × subscriptions (shared poll), or the batch
    /// size of one rule.
    let jobsPerPoll: Int
    /// Workflow rules polling on their own (`+WorkflowRules.swift`); 0: the old shared poll.
    let rules: Int
    /// One rule's poll query: database time, and its mean storage time (0: none).
    let pollQuery: Distribution?
    let pollQueryStorageMean: Double
    /// Portal user slots (station job ids are laid out after them).
    let portalSlots: Int
    let workflowConcurrency: Int
    /// Index 0: the subscription job; 1 + r: recurring job r.
    let jobs: [Workflows.Job]
    /// Mean storage demand of each entry of `jobs`.
    let jobStorageMeans: [Double]
    let recurring: [RecurringSpec]
    let bursts: [Workflows.Burst]
    /// Connectors, grooming and data warehouse jobs (`ManagementGroupModel+ScheduledJobs.swift`).
    let scheduledJobs: [ScheduledJobSpec]
    let scheduledJobNames: [String]

    let failures: Failures
    /// Server index per name.
    let serverIndex: [String: Int]
    /// The Self-Service Portal; nil without one.
    let portal: PortalSpec?

    package init(scenario: Scenario) {
        seed = scenario.seed
        duration = scenario.duration
        warmup = scenario.warmup
        window = scenario.window
        layout = scenario.layout
        databaseName = scenario.managementGroup.database.name
        databaseCores = scenario.managementGroup.database.cores
        databaseDiscipline = scenario.managementGroup.database.discipline
        consoleCapacity = scenario.consoleSlots
        connectionLimits = layout.servers.map { $0.connectionLimit ?? Int.max }

        let c = scenario.consoles
        peak = c.peak
        start = c.start
        profile = c.profile.isEmpty ? [Consoles.ProfileStep(from: 0, rate: 1)] : c.profile
        peakArrivalRate = Double(c.peak) / c.sessionLength.mean
        sessionLength = c.sessionLength
        thinkTime = c.thinkTime
        balancing = c.loadBalancing
        shares = layout.servers.map { server in c.shares.filter { $0.server == server.name }.reduce(0) { $0 + $1.share } }
        networkLatency = c.networkLatency
        activePeriod = c.activePeriod
        idlePeriod = c.idlePeriod

        let db = scenario.managementGroup.database
        if let hit = db.bufferPoolHitRatio {
            hasStorage = true
            hitRatio = hit
        } else {
            hasStorage = false
            hitRatio = 1
        }
        let perRead = (1 - hitRatio) * db.storage.effectiveReadTime / Double(db.storage.effectiveDevices)
        storageSecondsPerRead = perRead
        let latency = c.networkLatency
        func spec(_ r: RequestClass) -> RequestSpec {
            RequestSpec(r, storageSecondsPerRead: perRead, networkLatency: latency)
        }
        var specs = c.requests.map(spec)
        if let logon = c.logon {
            var l = spec(logon)
            l.workflowsPerRequest = 0
            logonClass = specs.count
            specs.append(l)
        } else {
            logonClass = nil
        }
        requests = specs
        if let refresh = c.idleRefresh {
            refreshClass = c.requests.firstIndex { $0.name == refresh.request }
            refreshEvery = refresh.every
        } else {
            refreshClass = nil
            refreshEvery = .infinity
        }
        requestMix = WeightedChoice(weights: c.requests.map(\.weight))

        let w = scenario.workflows
        pollInterval = w.pollInterval
        rules = w.rules ?? 0
        jobsPerPoll = w.rules == nil ? w.batchSize * max(1, w.subscriptions) : w.batchSize
        pollQuery = w.pollQuery?.database
        pollQueryStorageMean = (w.pollQuery?.pageReads ?? 0) * perRead
        workflowConcurrency = max(1, w.concurrency)
        jobs = [w.job] + w.recurring.map { $0.job ?? w.job }
        jobStorageMeans = jobs.map { $0.pageReads * perRead }
        recurring = w.recurring.map { RecurringSpec(every: $0.every, offset: $0.offset ?? $0.every, jobs: $0.jobs) }
        bursts = w.bursts
        scheduledJobs = scenario.scheduledJobs.map { ScheduledJobSpec($0, storageSecondsPerRead: perRead) }
        scheduledJobNames = scenario.scheduledJobs.map(\.name)
        failures = scenario.failures
        var index: [String: Int] = [:]
        for (i, s) in layout.servers.enumerated() { index[s.name] = i }
        serverIndex = index
        portal = scenario.portal.map { PortalSpec($0, server: index[$0.server] ?? 0, storageSecondsPerRead: perRead) }
        portalRoutes = specs.count
        portalLogonRoute = portal?.logon == nil ? nil : specs.count + portal!.requests.count
        routes = specs + (portal?.requests ?? []) + (portal?.logon.map { [$0] } ?? [])
        portalSlots = portal?.maxUsers ?? 0
    }

    /// Profile multiplier in force at time `t` (the profile repeats every 24 h) and the time
    /// at which the next step starts.
    func profileStep(at t: Double) -> (rate: Double, until: Double) { profile.step(at: t) }
}

extension Array where Element == Consoles.ProfileStep {
    /// The rate of a daily step profile in force at `t` (the steps repeat every 24 h) and the
    /// time at which the next step starts. Used by the consoles' profile and the portal's.
    func step(at t: Double) -> (rate: Double, until: Double) {
        let day = 86_400.0
        let dayStart = (t / day).rounded(.down) * day
        let offset = t - dayStart
        var rate = self[0].rate
        var until = dayStart + day
        for (i, step) in enumerated() where step.from <= offset {
            rate = step.rate
            until = i + 1 < count ? dayStart + self[i + 1].from : dayStart + day
        }
        return (rate, until)
    }

    /// The time of the next arrival after `time` of the non-homogeneous Poisson process whose
    /// rate is `scale` times the profile: `unitExponential` (one draw per arrival) is spent
    /// across the steps until it runs out. Nil when it does not run out before `end`. Used by
    /// console sessions and portal visits, so both arrive by the same arithmetic.
    func nextArrival(after time: Double, scale: Double, unitExponential: Double, end: Double) -> Double? {
        var remaining = unitExponential
        var t = time
        while t < end {
            let (multiplier, until) = step(at: t)
            let rate = multiplier * scale
            if rate > 0 && remaining <= rate * (until - t) { return t + remaining / rate }
            remaining -= rate * (until - t)
            t = until
        }
        return nil
    }
}
