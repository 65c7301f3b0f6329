/// The catalogue of summary metrics: every figure a replication reports after warm-up, with
/// how it is named in `summary.csv`, measured, shown and judged. Code names a metric by its
/// case (`.latencyP95`), never by its CSV name, so a misspelt metric does not compile.
///
/// Adding a metric:
/// 1. add a case here, its CSV name as the raw value, and its one line in `definition`
///    (the compiler asks for it): label, unit, which direction is worse, where it applies;
/// 2. measure it in `Recorder.finish` (`Recorder+Summary.swift`) with `add(.newMetric, station, value)`
///    at each station kind its definition names (`MetricCatalogueTests` checks they agree).
/// It then appears in `summary.csv`, and in `sweep.csv` when it applies to station `all`.
/// For an SLO on it, add a case to `Objective` and its line in `Objective.reads`.
///
/// Cases are in the order of the group-wide (`all`) rows of `summary.csv`, which is also the
/// column order of `sweep.csv`; metrics kept only per server or for the database come first.
public enum Metric: String, CaseIterable, Sendable, Hashable {
    // Per server and for the database only.
    case utilization = "utilization"
    case utilizationPeak = "utilization_peak"
    case consolesPeak = "consoles_peak"
    case upFraction = "up_fraction"
    case queueLengthMean = "queue_length_mean"
    // Per scheduled job (connector, grooming, data warehouse job), over the whole run.
    case jobRunsCompleted = "job_runs_completed"
    case jobRunsSkipped = "job_runs_skipped"
    case jobRunSecondsMean = "job_run_s_mean"
    case jobRunSecondsMax = "job_run_s_max"
    case jobInitialSync = "job_initial_sync_s"
    // Workload figures, only in scenarios that use a workload feature (`Definition.workload`).
    case databaseHitRatio = "database_hit_ratio"
    case storageUtilization = "storage_utilization"
    case storageUtilizationPeak = "storage_utilization_peak"
    case storageQueueLengthMean = "storage_queue_length_mean"
    // Group-wide (station `all`), some also per server.
    case latencyMean = "latency_mean_ms"
    case latencyP50 = "latency_p50_ms"
    case latencyP95 = "latency_p95_ms"
    case latencyP99 = "latency_p99_ms"
    case requestsCompleted = "requests_completed"
    case requestsFailed = "requests_failed"
    case throughput = "throughput_per_s"
    case serverUtilizationPeak = "server_utilization_peak"
    case serverConsolesPeak = "server_consoles_peak"
    case consolesMean = "consoles_mean"
    case sessionsArrived = "sessions_arrived"
    case sessionsRefused = "sessions_refused"
    case sessionsAbandoned = "sessions_abandoned"
    case reconnections = "reconnections"
    case workflowJobsCompleted = "workflow_jobs_completed"
    case workflowLagMean = "workflow_lag_mean_s"
    case workflowLagP95 = "workflow_lag_p95_s"
    case workflowLagMax = "workflow_lag_max_s"
    case workflowBacklogMean = "workflow_backlog_mean"
    case workflowBacklogPeak = "workflow_backlog_peak"
    case workflowDrain = "workflow_drain_s"
    // Group-wide workload figures (and active consoles per server).
    case activeConsolesMean = "active_consoles_mean"
    case logonsCompleted = "logons_completed"
    case logonLatencyP95 = "logon_latency_p95_ms"
    case backgroundRequests = "background_requests"
    case timeServerCPU = "time_server_cpu_ms"
    case timeDatabaseCPU = "time_database_cpu_ms"
    case timeStorage = "time_storage_ms"
    case timeNetwork = "time_network_ms"
    case timeQueueing = "time_queueing_ms"
    // Self-Service Portal figures, only in scenarios with a portal (`Definition.portal`).
    case portalVisits = "portal_visits"
    case portalVisitsRefused = "portal_visits_refused"
    case portalRequestsCompleted = "portal_requests_completed"
    case portalLatencyMean = "portal_latency_mean_ms"
    case portalLatencyP95 = "portal_latency_p95_ms"
    case portalLogonP95 = "portal_logon_p95_ms"

    /// Everything known about a metric besides its name.
    public struct Definition: Sendable, Equatable {
        /// What a person calls it (`p95 latency`).
        public var label: String
        /// The unit of its value in `summary.csv`.
        public var unit: MetricUnit
        /// Which way is bad: `.higher` for latency, `.lower` for throughput.
        public var worse: Direction
        /// The station kinds it is recorded at.
        public var scope: Set<StationKind>
        /// Recorded only when the scenario uses a workload feature (SQL memory, idle periods,
        /// a logon request or a portal), so that older scenarios' outputs keep their columns.
        public var workload: Bool
        /// Recorded only when the scenario has a Self-Service Portal (a workload feature).
        public var portal: Bool

        init(_ label: String, _ unit: MetricUnit, worse: Direction, at scope: Set<StationKind>, workload: Bool = false,
             portal: Bool = false) {
            self.label = label
            self.unit = unit
            self.worse = worse
            self.scope = scope
            self.workload = workload || portal
            self.portal = portal
        }
    }

    /// The catalogue's table: one line per metric.
    public var definition: Definition {
        switch self {
        case .utilization: .init("utilization", .fraction, worse: .higher, at: [.server, .database])
        case .utilizationPeak: .init("peak utilization", .fraction, worse: .higher, at: [.server, .database])
        case .consolesPeak: .init("peak consoles", .count("consoles"), worse: .neither, at: [.server])
        case .upFraction: .init("time up", .fraction, worse: .lower, at: [.server, .database])
        case .queueLengthMean: .init("mean jobs", .count("jobs"), worse: .higher, at: [.database])
        case .jobRunsCompleted: .init("completed runs", .count("runs"), worse: .neither, at: [.job])
        case .jobRunsSkipped: .init("skipped runs", .count("runs"), worse: .higher, at: [.job])
        case .jobRunSecondsMean: .init("mean regular run", .seconds, worse: .higher, at: [.job])
        case .jobRunSecondsMax: .init("longest regular run", .seconds, worse: .higher, at: [.job])
        case .jobInitialSync: .init("initial sync", .seconds, worse: .higher, at: [.job])
        case .latencyMean: .init("mean latency", .milliseconds, worse: .higher, at: [.all])
        case .latencyP50: .init("median latency", .milliseconds, worse: .higher, at: [.all])
        case .latencyP95: .init("p95 latency", .milliseconds, worse: .higher, at: [.server, .all])
        case .latencyP99: .init("p99 latency", .milliseconds, worse: .higher, at: [.all])
        case .requestsCompleted: .init("completed requests", .count("requests"), worse: .neither, at: [.server, .all])
        case .requestsFailed: .init("failed requests", .count("requests"), worse: .higher, at: [.server, .all])
        case .throughput: .init("throughput", .perSecond, worse: .neither, at: [.all])
        case .serverUtilizationPeak: .init("peak utilization", .fraction, worse: .higher, at: [.all])
        case .serverConsolesPeak: .init("most consoles on one server", .count("consoles"), worse: .higher, at: [.all])
        case .consolesMean: .init("mean consoles", .count("consoles"), worse: .neither, at: [.server, .all])
        case .sessionsArrived: .init("arrived sessions", .count("sessions"), worse: .neither, at: [.all])
        case .sessionsRefused: .init("refused sessions", .count("sessions"), worse: .higher, at: [.all])
        case .sessionsAbandoned: .init("abandoned sessions", .count("sessions"), worse: .higher, at: [.all])
        case .reconnections: .init("reconnections", .count("reconnections"), worse: .higher, at: [.all])
        case .workflowJobsCompleted: .init("completed workflow jobs", .count("jobs"), worse: .neither, at: [.all])
        case .workflowLagMean: .init("mean workflow lag", .seconds, worse: .higher, at: [.all])
        case .workflowLagP95: .init("p95 workflow lag", .seconds, worse: .higher, at: [.all])
        case .workflowLagMax: .init("max workflow lag", .seconds, worse: .higher, at: [.all])
        case .workflowBacklogMean: .init("mean workflow backlog", .count("jobs"), worse: .higher, at: [.all])
        case .workflowBacklogPeak: .init("workflow backlog peak", .count("jobs"), worse: .higher, at: [.all])
        case .workflowDrain: .init("burst drain time", .seconds, worse: .higher, at: [.all])
        case .databaseHitRatio: .init("buffer-pool hit ratio", .fraction, worse: .lower, at: [.database], workload: true)
        case .storageUtilization: .init("storage utilization", .fraction, worse: .higher, at: [.database], workload: true)
        case .storageUtilizationPeak: .init("peak storage utilization", .fraction, worse: .higher, at: [.database], workload: true)
        case .storageQueueLengthMean: .init("mean storage jobs", .count("jobs"), worse: .higher, at: [.database], workload: true)
        case .activeConsolesMean: .init("mean active consoles", .count("consoles"), worse: .neither, at: [.server, .all], workload: true)
        case .logonsCompleted: .init("completed logons", .count("logons"), worse: .neither, at: [.all], workload: true)
        case .logonLatencyP95: .init("p95 logon time", .milliseconds, worse: .higher, at: [.all], workload: true)
        case .backgroundRequests: .init("background refreshes", .count("requests"), worse: .neither, at: [.all], workload: true)
        case .timeServerCPU: .init("server CPU per request", .milliseconds, worse: .higher, at: [.all], workload: true)
        case .timeDatabaseCPU: .init("database CPU per request", .milliseconds, worse: .higher, at: [.all], workload: true)
        case .timeStorage: .init("storage per request", .milliseconds, worse: .higher, at: [.all], workload: true)
        case .timeNetwork: .init("network per request", .milliseconds, worse: .higher, at: [.all], workload: true)
        case .timeQueueing: .init("queueing per request", .milliseconds, worse: .higher, at: [.all], workload: true)
        case .portalVisits: .init("portal visits", .count("visits"), worse: .neither, at: [.all], portal: true)
        case .portalVisitsRefused: .init("refused portal visits", .count("visits"), worse: .higher, at: [.all], portal: true)
        case .portalRequestsCompleted: .init("completed portal requests", .count("requests"), worse: .neither, at: [.all], portal: true)
        case .portalLatencyMean: .init("mean portal latency", .milliseconds, worse: .higher, at: [.all], portal: true)
        case .portalLatencyP95: .init("p95 portal latency", .milliseconds, worse: .higher, at: [.all], portal: true)
        case .portalLogonP95: .init("p95 portal logon time", .milliseconds, worse: .higher, at: [.all], portal: true)
        }
    }

    /// The name in `summary.csv` (`latency_p95_ms`).
    public var csvName: String { rawValue }
    public var label: String { definition.label }
    public var unit: MetricUnit { definition.unit }
    public var higherIsWorse: Bool { definition.worse == .higher }
    /// How a person is shown this metric's values and differences (unit, scale, number format).
    public var display: MetricDisplay { definition.unit.display }
    /// The objectives judged on this metric.
    public var objectives: [Objective] { Objective.allCases.filter { $0.reads.metric == self } }
    public func applies(at kind: StationKind) -> Bool { definition.scope.contains(kind) }

    /// The metrics recorded at station `all`, in `summary.csv` order: the columns of `sweep.csv`.
    /// Workload metrics are left out: a sweep's columns do not depend on the scenario.
    public static let groupWide: [Metric] = allCases.filter { $0.applies(at: .all) && !$0.definition.workload }

    /// The metric with this CSV name, if any.
    public init?(csvName: String) { self.init(rawValue: csvName) }
}

/// Which way of a metric is bad.
public enum Direction: Sendable {
    case higher, lower, neither
}

/// Where a metric is recorded: at each management server, at the database, once for the
/// group (station `all` in `summary.csv`), or at each scheduled job (a connector, grooming, a
/// data warehouse job; the station column holds the job's name).
public enum StationKind: Sendable, Hashable {
    case server, database, all, job

    /// The station name for a group-wide or database figure.
    public func station(database: String) -> String? {
        switch self {
        case .server, .job: nil
        case .database: database
        case .all: "all"
        }
    }
}

/// The unit a metric is recorded in.
public enum MetricUnit: Sendable, Equatable {
    case milliseconds, seconds, fraction, perSecond
    /// A count of things, named (`sessions`).
    case count(String)

    /// As shown to a person: fractions in percentage points (differences read naturally).
    public var display: MetricDisplay {
        switch self {
        case .milliseconds: MetricDisplay(unit: "ms")
        case .seconds: MetricDisplay(unit: "s")
        case .fraction: MetricDisplay(unit: "pp", scale: 100)
        case .perSecond: MetricDisplay(unit: "/s")
        case .count(let noun): MetricDisplay(unit: noun)
        }
    }

    /// The unit an objective's limit is written in (seconds, a bare fraction, a count) and
    /// the factor from this unit to it.
    public var limit: MetricDisplay {
        switch self {
        case .milliseconds: MetricDisplay(unit: "s", scale: 0.001)
        case .seconds: MetricDisplay(unit: "s")
        case .fraction: MetricDisplay(unit: "")
        case .perSecond: MetricDisplay(unit: "/s")
        case .count(let noun): MetricDisplay(unit: noun)
        }
    }
}

/// A unit for people: the symbol, the factor from the recorded unit, and the number format.
public struct MetricDisplay: Sendable, Equatable {
    public var unit: String
    public var scale: Double
    public var format: NumberFormat

    public init(unit: String, scale: Double = 1, format: NumberFormat = .table) {
        self.unit = unit
        self.scale = scale
        self.format = format
    }

    /// `1.23 ± 0.05` in this unit's scale and format (without the unit symbol).
    public func interval(_ mean: Double, _ halfWidth: Double) -> String {
        format.interval(mean * scale, halfWidth * scale)
    }
}
