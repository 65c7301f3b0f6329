import ScenarioSpec
import SimulationKernel
import Stations
import Statistics
import Stochastics

/// One replication of a Service Manager management group as a discrete-event model.
///
/// Consoles connect to management servers through a load balancer and stay bound to them;
/// each console thinks, then sends a request that takes CPU on its server, time in the
/// shared database and optionally CPU again. Saves trigger workflow jobs that subscriptions
/// pick up on each poll and that run only on the server holding the workflow role.
/// Failures take servers and the database away and give them back
/// (`ManagementGroupModel+Failures.swift`); displaced consoles reconnect
/// (`+Reconnection.swift`) and the workflow role moves (`+WorkflowRole.swift`).
/// Debug builds can check the model's invariants after any event (`+Invariants.swift`).
///
/// All state lives in this value; events are an enum of integer ids, so the event loop
/// allocates nothing once the queues have grown to their working size. The consoles and the
/// stations are `FixedArray`s (written without copy-on-write checks): a replication's model is
/// never copied, and a copy would share them.
public struct ManagementGroupModel: DiscreteEventModel {
    /// The model's events, each with its handler (see `handle(_:)`).
    public enum Event {
        /// A new session arrives through the daily profile (`sessionArrives`).
        case sessionArrival
        /// A console's session time is up while it is idle (`sessionEnds`).
        case sessionEnd(console: Int32)
        /// A console's think time is over: it sends a request (`issueRequest`).
        case thinkEnd(console: Int32)
        /// A displaced console tries to connect again (`attemptReconnect`).
        case reconnect(console: Int32)
        /// A station finishes its next job (`completeService`).
        case stationCompletion(station: Int32)
        /// A subscription poll picks up triggered workflow jobs (`poll`).
        case poll
        /// A workflow rule polls the database (`rulePoll`).
        case rulePoll(rule: Int32)
        /// Recurring engine work is due (`runRecurring`).
        case recurring(index: Int32)
        /// A scheduled burst of workflow jobs (`runBurst`).
        case burst(index: Int32)
        /// A connector's, grooming's or data warehouse job's regular run is due (`runScheduledJob`).
        case scheduledRun(job: Int32)
        /// A connector's initial full synchronisation is due (`runInitialSync`).
        case initialSync(job: Int32)
        /// A planned failure from the scenario (`runScheduledFailure`).
        case scheduledFailure(index: Int32)
        /// A random server failure (`runRandomFailure`).
        case randomFailure(server: Int32)
        /// A server's repair is due (`repairServer`).
        case serverRepair(server: Int32, random: Bool)
        /// The database's repair is due (`repairDatabase`).
        case databaseRepair
        /// An operator promotes a server to the workflow role (`promote`).
        case promotion
        /// The promotion procedure on a server is over: it takes the workflow role (`finishPromotion`).
        case promotionDone(server: Int32)
        /// A reporting window ends (`endWindow`).
        case windowEnd
        /// The warm-up ends: run statistics start from here (`Recorder.endWarmup`).
        case warmupEnd
        /// A console's active period is over: its analyst leaves it open and idle (`startIdle`).
        case idleStart(console: Int32)
        /// An idle console's analyst is back (`endIdle`).
        case idleEnd(console: Int32)
        /// An idle console refreshes its view in the background (`refreshIdleView`).
        case refresh(console: Int32)
        /// A Self-Service Portal visit begins (`portalVisitArrives`).
        case portalVisit
        /// A portal user's think time is over (`portalClick`).
        case portalClick(user: Int32)
    }

    enum Phase: UInt8 {
        case free, thinking, serverBefore, database, storage, serverAfter, reconnecting
        /// Connected but in an idle period (no think time running).
        case idle
    }

    struct Console {
        var server: Int32 = -1
        var phase = Phase.free
        /// When the user closes the console. Not an event of its own: whichever of the
        /// console's think time or reconnection would run past it is replaced by the session
        /// end (see `scheduleActivity`), so each console keeps one pending event.
        var sessionEnd = Double.infinity
        /// The request in flight (meaningful in the request phases).
        var request = RequestInFlight()
        /// End of the current active period (infinity without active/idle periods).
        var activeUntil = Double.infinity
        /// End of the current idle period.
        var idleUntil = 0.0
        /// Counted among its server's active consoles.
        var counted = false
        /// The request in flight is an idle console's background refresh.
        var background = false
        var disconnectedAt = 0.0
        /// The failure that displaced this console, while it is reconnecting.
        var incident: Int32 = -1
        var activityTimer: TimerID
    }

    public var simulation: Simulation<Event>
    let config: ModelConfig
    let replication: Int

    // Streams: one per random source, named so that adding one leaves the others unchanged.
    let arrivalStream: RandomStream
    let sessionLengthStream: RandomStream
    let initialPopulationStream: RandomStream
    let balancerStream: RandomStream
    let workflowStream: RandomStream
    let failureStream: RandomStream
    /// The consoles' streams, owned here; the hot path draws through their `consoleSources`.
    let consoleStreams: ContiguousArray<RandomStream>
    let consoleSources: FixedArray<TauswortheSource>

    // Stations: the management servers, then the database.
    var stations: FixedArray<Station>
    var stationTimers: ContiguousArray<FrequentTimerID>
    /// The time each station's pending completion event is set for.
    var stationNextCompletion: FixedArray<Double>
    var serverUp: ContiguousArray<Bool>
    var serverInPool: ContiguousArray<Bool>
    var connections: ContiguousArray<Int32>
    /// Consoles per server in an active period (equal to `connections` without idle periods).
    var activeConsoles: ContiguousArray<Int32>
    var roundRobinNext = 0

    // Consoles.
    var consoles: FixedArray<Console>
    var freeConsoles: ContiguousArray<Int32>
    var sessionsStarted = 0

    // Workflows.
    var workflowServer: Int32
    var triggered = RingBuffer<PendingJob>(capacity: 4096)
    var ready = RingBuffer<PendingJob>(capacity: 1024)
    var slots: ContiguousArray<WorkflowSlot>
    var freeSlots: ContiguousArray<Int32>
    /// Workflow rules polling on their own (`+WorkflowRules.swift`; empty without `rules`).
    var ruleState: WorkflowRuleState
    /// Connectors, grooming, data warehouse jobs (`+ScheduledJobs.swift`), each with its own stream.
    var scheduledJobs: ContiguousArray<ScheduledJobState>
    let scheduledStreams: ContiguousArray<RandomStream>

    // Failures.
    let reconnectStream: RandomStream
    let promotionStream: RandomStream
    /// Outstanding failures per server; a server is up when its count is 0.
    var serverDownCount: ContiguousArray<Int32>
    var databaseDownCount = 0
    var promotionPending = false
    /// The server going through the promotion procedure, or -1.
    var promotingServer: Int32 = -1
    /// The server whose loss started the current promotion, for fail-back.
    var originalWorkflowServer: Int32 = 0

    /// Self-Service Portal visits (`+Portal.swift`).
    var portal = PortalState()

    public internal(set) var recorder: Recorder
    public internal(set) var counts = Counts()
    public internal(set) var incidents: [Incident] = []

    /// Builds replication `replication` of a validated scenario.
    public init(scenario: Scenario, replication: Int) {
        self.init(scenario: scenario, config: ModelConfig(scenario: scenario), replication: replication)
    }

    /// Builds a replication from the scenario's flattened form, computed once for all its
    /// replications (the buffer pool's hit ratio is the costly part).
    package init(scenario: Scenario, config: ModelConfig, replication: Int) {
        self.config = config
        self.replication = replication
        let seed = scenario.seed
        func stream(_ name: String) -> RandomStream { RandomStream(seed: seed, replication: replication, name: name) }
        arrivalStream = stream("sessions.arrivals")
        sessionLengthStream = stream("sessions.length")
        initialPopulationStream = stream("sessions.initial")
        balancerStream = stream("load-balancer")
        workflowStream = stream("workflows.jobs")
        failureStream = stream("failures.random")
        reconnectStream = stream("failures.reconnect")
        promotionStream = stream("failures.promotion")

        let serverCount = config.servers.count
        simulation = Simulation(capacity: config.consoleCapacity + config.portalSlots + config.rules + 64)
        var stationList = config.servers.map { Station(servers: $0.cores, discipline: $0.discipline) }
        stationList.append(Station(servers: config.databaseCores, discipline: config.databaseDiscipline))
        stationTimers = []
        if config.hasStorage {
            // One server whose rate is the array's reads per second (demands are pre-divided).
            stationList.append(Station(servers: 1, discipline: .processorSharing))
        }
        stations = FixedArray(stationList)
        stationNextCompletion = FixedArray(repeating: -1, count: stations.count)
        for _ in stations.indices { stationTimers.append(simulation.makeFrequentTimer()) }
        serverUp = ContiguousArray(repeating: true, count: serverCount)
        serverInPool = ContiguousArray(config.servers.map(\.acceptsConsoles))
        connections = ContiguousArray(repeating: 0, count: serverCount)
        activeConsoles = ContiguousArray(repeating: 0, count: serverCount)

        var consoleList: [Console] = []
        consoleList.reserveCapacity(config.consoleCapacity)
        for _ in 0..<config.consoleCapacity { consoleList.append(Console(activityTimer: simulation.makeTimer())) }
        consoles = FixedArray(consoleList)
        // Reseeded per session; taus2 keeps 500 consoles' generators in a few KB of cache.
        consoleStreams = ContiguousArray((0..<config.consoleCapacity).map {
            RandomStream(gslSeed: UInt32($0), name: "console", generator: .tausworthe)
        })
        consoleSources = FixedArray(consoleStreams.map(\.tausworthe))
        freeConsoles = ContiguousArray((0..<Int32(config.consoleCapacity)).reversed())

        workflowServer = 0
        slots = ContiguousArray(repeating: WorkflowSlot(), count: config.workflowConcurrency)
        freeSlots = ContiguousArray((0..<Int32(config.workflowConcurrency)).reversed())
        ruleState = WorkflowRuleState(rules: config.rules, stream: config.rules > 0 ? stream("workflows.rules") : nil)
        serverDownCount = ContiguousArray(repeating: 0, count: serverCount)
        scheduledJobs = ContiguousArray(repeating: ScheduledJobState(), count: config.scheduledJobs.count)
        scheduledStreams = ContiguousArray(config.scheduledJobNames.map { stream("scheduled." + $0) })
        if !config.scheduledJobs.isEmpty { counts.scheduledWork = ScheduledWorkCounts() }
        recorder = Recorder(config: config)
    }

    /// Runs the replication to the end of the scenario.
    public mutating func run() {
        start()
        run(until: config.duration)
        recorder.finish(at: simulation.now, counts: counts)
    }

    /// Schedules the first events and connects the starting population.
    mutating func start() {
        scheduleFailures()
        switch config.start {
        case .steady:
            connectInitialPopulation()
            scheduleNextSessionArrival(after: 0)
        case .empty:
            scheduleNextSessionArrival(after: 0)
        case .fixed:
            for _ in 0..<config.peak { beginSession(endingAt: .infinity) }
        }
        if config.rules > 0 {
            startWorkflowRules()
        } else if config.pollInterval > 0 {
            simulation.schedule(.poll, at: config.pollInterval, class: .service)
        }
        for (i, r) in config.recurring.enumerated() where r.offset <= config.duration {
            simulation.schedule(.recurring(index: Int32(i)), at: r.offset, class: .service)
        }
        for (i, b) in config.bursts.enumerated() {
            simulation.schedule(.burst(index: Int32(i)), at: b.at, class: .service)
        }
        scheduleScheduledJobs()
        startPortal()
        simulation.schedule(.windowEnd, at: min(config.window, config.duration), class: .observation)
        if config.warmup > 0 { simulation.schedule(.warmupEnd, at: config.warmup, class: .observation) }
    }

    /// Dispatches one event to its handler; the clock already reads the event's time.
    public mutating func handle(_ event: Event) {
        switch event {
        case .thinkEnd(let c): issueRequest(console: Int(c))
        case .stationCompletion(let s): completeService(at: Int(s))
        case .sessionArrival: sessionArrives()
        case .sessionEnd(let c): sessionEnds(console: Int(c))
        case .reconnect(let c): attemptReconnect(console: Int(c))
        case .poll: poll()
        case .rulePoll(let r): rulePoll(Int(r))
        case .recurring(let r): runRecurring(Int(r))
        case .burst(let b): runBurst(Int(b))
        case .scheduledRun(let j): runScheduledJob(Int(j))
        case .initialSync(let j): runInitialSync(Int(j))
        case .scheduledFailure(let i): runScheduledFailure(Int(i))
        case .randomFailure(let s): runRandomFailure(Int(s))
        case .serverRepair(let s, let random): repairServer(Int(s), random: random)
        case .databaseRepair: repairDatabase()
        case .promotion: promote()
        case .promotionDone(let s): finishPromotion(Int(s))
        case .windowEnd: endWindow()
        case .warmupEnd: recorder.endWarmup(at: simulation.now)
        case .idleStart(let c): startIdle(console: Int(c))
        case .idleEnd(let c): endIdle(console: Int(c))
        case .refresh(let c): refreshIdleView(console: Int(c))
        case .portalVisit: portalVisitArrives()
        case .portalClick(let u): portalClick(user: Int(u))
        }
    }

    /// A reporting window is over: the recorder writes its rows, and the next window starts.
    mutating func endWindow() {
        recorder.closeWindow(at: simulation.now, workflowServer: Int(workflowServer))
        if simulation.now < config.duration {
            simulation.schedule(.windowEnd, at: min(simulation.now + config.window, config.duration), class: .observation)
        }
    }
}
