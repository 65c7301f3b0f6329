import Stations
import Stochastics

/// A management group, its load and its failures: everything one `smsim run` simulates.
///
/// Times are in seconds. Scenarios are read from YAML by `ScenarioLoader`, which validates
/// every field; code that builds a `Scenario` directly (tests, sweeps) should call
/// `validate()` before simulating it.
public struct Scenario: Sendable {
    public var name: String
    public var seed: UInt64 = 1
    /// Simulated time per replication.
    public var duration: Double
    /// Statistics before this time are discarded from the summary.
    public var warmup: Double = 0
    /// Width of one time-series window.
    public var window: Double = 300
    /// Seconds after midnight at which the simulated day starts (`startsAt: 07:00`), for clock
    /// time in reports and plots; nil: hours since the start. Changes no simulated figure.
    public var startsAt: Double?
    public var replications: Int = 10
    public var managementGroup: ManagementGroup
    public var consoles: Consoles
    public var workflows: Workflows
    public var failures: Failures = Failures()
    public var slo: ServiceLevelObjectives = ServiceLevelObjectives()
    /// Data warehouse jobs reading the Service Manager database (kind `warehouse`).
    public var dataWarehouse: [ScheduledJob] = []
    /// The Self-Service Portal's users; nil: no portal.
    public var portal: Portal?
    /// This file's own plausible ranges, replacing the declared ones (`Scenario+AssumptionRanges.swift`);
    /// read only by robust answers, so it changes no single run.
    public var assumptions: [AssumptionOverride] = []

    /// Every scheduled job: connectors, grooming, then the data warehouse's jobs.
    public var scheduledJobs: [ScheduledJob] { workflows.connectors + workflows.grooming + dataWarehouse }

    public init(name: String, duration: Double, managementGroup: ManagementGroup, consoles: Consoles, workflows: Workflows) {
        self.name = name
        self.duration = duration
        self.managementGroup = managementGroup
        self.consoles = consoles
        self.workflows = workflows
    }
}

/// How work shares a station's cores: `ps` (processor sharing) or `fcfs`.
public typealias Discipline = QueueDiscipline

public struct ManagementGroup: Sendable {
    public struct InitialServer: Sendable {
        public var name = "MS01"
        /// Service Manager's guidance: 4 cores per management server.
        public var cores = 4
        public var acceptsConsoles: ConsoleAdmission = .auto
        /// A hard limit on connections (a load balancer's or a policy's): the next console is
        /// refused. Service Manager itself refuses nobody; nil (the default) is no limit. The
        /// guidance's "up to 60 consoles" is an objective (`slo.maxConsolesPerServer`), not this.
        public var connectionLimit: Int?
        public var discipline: Discipline = .processorSharing
        public init() {}
    }

    /// Whether the initial server is in the console pool.
    public enum ConsoleAdmission: String, Sendable, CaseIterable {
        /// Yes with fewer than two additional servers, no with two or more (the guidance).
        case auto
        case yes
        case no
    }

    public struct AdditionalServers: Sendable {
        /// An explicit number of additional servers; overrides `consolesPerServer`.
        public var count: Int?
        /// The sizing ratio: count = ceil(peak consoles / consolesPerServer). Guidance: 40–50.
        public var consolesPerServer: Int?
        public var cores = 4
        /// A hard limit on each additional server's connections; nil (the default): none.
        /// As for the initial server, the guidance is an objective, not this.
        public var connectionLimit: Int?
        /// Names are prefix + two-digit number, continuing after the initial server (MS02, MS03…).
        public var namePrefix = "MS"
        public var discipline: Discipline = .processorSharing
        public init() {}
    }

    public struct Database: Sendable {
        public var name = "SQL"
        /// Guidance: 8 cores for the Service Manager database server.
        public var cores = 8
        public var discipline: Discipline = .processorSharing
        /// SQL Server memory, GiB; nil: every page read hits the buffer pool (no storage station).
        public var memory: Double?
        /// Memory outside the buffer pool (OS, plan cache), GiB. Assumption.
        public var reservedMemory = 2.0
        /// Rows in the Service Manager database (2.5 M at 20 000 computers, 6 M at 50 000);
        /// not given with `inventory`.
        public var rows = 0.0
        /// What the database holds, counted (`DatabaseInventory.swift`); nil: `rows × bytesPerRow`.
        public var inventory: Inventory?
        /// Data, indexes and history per row, bytes. Assumption.
        public var bytesPerRow = 4096.0
        /// Zipf exponent of page popularity. Assumption.
        public var popularity = 0.9
        public var storage = Storage()
        public init() {}
    }

    /// The database's data volume: drives that serve random page reads.
    public struct Storage: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            /// 15 000-rpm drives in RAID 1+0: 5.5 ms per random read, 8 drives.
            case hdd15k
            /// Solid-state drives: 0.1 ms per random read, 4 devices.
            case ssd
        }
        public var kind = Kind.hdd15k
        /// Drives (or SSD devices) serving reads in parallel; nil: the kind's default.
        public var devices: Int?
        /// Time for one random 8-KiB read, seconds; nil: the kind's default.
        public var readTime: Double?
        public init() {}

        public var effectiveDevices: Int { devices ?? (kind == .hdd15k ? 8 : 4) }
        public var effectiveReadTime: Double { readTime ?? (kind == .hdd15k ? 0.0055 : 0.0001) }
    }

    public var initialServer = InitialServer()
    public var additionalServers = AdditionalServers()
    public var database = Database()
    public init() {}
}

public struct Consoles: Sendable {
    public enum Start: String, Sendable, CaseIterable {
        /// The steady-state population is connected at time 0.
        case steady
        /// Nobody is connected at time 0.
        case empty
        /// Exactly `peak` consoles are connected for the whole run and no session arrives or
        /// ends: a closed population, the textbook model that MVA solves.
        case fixed
    }

    public enum LoadBalancing: String, Sendable, CaseIterable {
        case roundRobin = "round-robin"
        case leastConnections = "least-connections"
        case random
        /// No load balancer: each analyst connects to the server set in the console's
        /// connection dialog, by the shares in `Consoles.shares`.
        case `static`
    }

    /// One step of the daily login profile: from `from` seconds after the start of the run,
    /// sessions arrive at `rate` × the peak rate.
    public struct ProfileStep: Sendable, Equatable {
        public var from: Double
        public var rate: Double
        public init(from: Double, rate: Double) {
            self.from = from
            self.rate = rate
        }
    }

    /// Consoles connected at the peak (the population when the profile's rate is 1).
    public var peak: Int
    public var start: Start = .steady
    /// Piecewise-constant multipliers of the peak arrival rate; repeats every 24 h.
    public var profile: [ProfileStep] = [ProfileStep(from: 0, rate: 1)]
    public var sessionLength: Distribution
    public var thinkTime: Distribution
    public var loadBalancing: LoadBalancing = .leastConnections
    /// Round-trip network time, seconds; a request pays it once per round trip.
    public var networkLatency: Double = 0
    public var requests: [RequestClass]
    /// With `static` assignment: the servers the analysts picked and their shares (shares need
    /// not add up to 1; several entries for one server, say one per team, add up).
    public var shares: [ServerShare] = []
    /// Active periods (think, request, think…) alternate with idle periods (console open,
    /// analyst elsewhere); nil: always active.
    public var activePeriod: Distribution?
    public var idlePeriod: Distribution?
    /// Background refresh of an idle console's view: every `every` seconds it sends one
    /// request of class `request`. nil: idle consoles send nothing.
    public var idleRefresh: IdleRefresh?
    /// The initial load (management packs, views, forms) run on every connection, first
    /// logon or reconnection; nil: connecting costs nothing. Its weight and workflows are unused.
    public var logon: RequestClass?

    public struct IdleRefresh: Sendable {
        public var every: Double
        public var request: String
        public init(every: Double, request: String) {
            self.every = every
            self.request = request
        }
    }

    public init(peak: Int, sessionLength: Distribution, thinkTime: Distribution, requests: [RequestClass]) {
        self.peak = peak
        self.sessionLength = sessionLength
        self.thinkTime = thinkTime
        self.requests = requests
    }
}

/// Under `static` assignment, a share of the analysts (a team, say) that connects to one server.
public struct ServerShare: Sendable {
    public var server: String
    public var share: Double
    /// A label for the analysts (a team's name).
    public var team: String?
    public init(server: String, share: Double, team: String? = nil) {
        self.server = server
        self.share = share
        self.team = team
    }
}

/// A kind of console request: open a view, open a form, save a work item, search…
public struct RequestClass: Sendable {
    public var name: String
    /// Relative frequency; weights need not sum to 1.
    public var weight: Double
    /// CPU demand on the console's management server before the database.
    public var server: Distribution
    /// Database demand; nil for requests answered from the server's cache.
    public var database: Distribution?
    /// CPU demand on the management server after the database (rendering the result).
    public var serverAfter: Distribution?
    /// Mean workflow jobs triggered per request (e.g. 3.5 for a saved work item): the
    /// integer part always, one more with probability of the fraction.
    public var workflowsPerRequest: Double = 0
    /// Mean logical 8-KiB page reads in the database; misses become storage reads.
    public var pageReads: Double = 0
    /// Network round trips between console and server; each costs `networkLatency`.
    public var roundTrips = 1

    public init(name: String, weight: Double, server: Distribution, database: Distribution? = nil,
                serverAfter: Distribution? = nil, workflowsPerRequest: Double = 0) {
        self.name = name
        self.weight = weight
        self.server = server
        self.database = database
        self.serverAfter = serverAfter
        self.workflowsPerRequest = workflowsPerRequest
    }
}

/// Service level objectives; nil means not set.
public struct ServiceLevelObjectives: Sendable {
    /// Console latency, seconds.
    public var p95Latency: Double?
    public var p99Latency: Double?
    /// Peak window utilization of any management server.
    public var maxUtilization: Double?
    /// Peak window utilization of the database.
    public var maxDatabaseUtilization: Double?
    /// Workflow lag, seconds.
    public var p95WorkflowLag: Double?
    /// Sessions abandoned after failing to reconnect, per replication.
    public var maxAbandonedSessions: Double?
    /// Self-Service Portal request latency (logons excluded), seconds.
    public var portalP95Latency: Double?
    /// Most consoles connected to any one management server at any time: the deployment
    /// guidance's "each additional management server can host up to 60 consoles" (S-TOPO)
    /// read as a planning objective.
    public var maxConsolesPerServer: Double?
    public init() {}

    public var isEmpty: Bool { Objective.allCases.allSatisfy { self[$0] == nil } }
}
