/// A service level objective a scenario's `slo` block can set, and the metric it judges.
/// The raw value is the key in the scenario file and the name in verdicts (`p95Latency`).
/// Cases are in the order verdicts are listed.
public enum Objective: String, CaseIterable, Sendable, Codable {
    case p95Latency
    case p99Latency
    case maxUtilization
    case maxDatabaseUtilization
    case p95WorkflowLag
    case maxAbandonedSessions
    case portalP95Latency
    case maxConsolesPerServer

    /// The metric the objective judges and where: the one place an objective meets its metric.
    public var reads: (metric: Metric, at: StationKind) {
        switch self {
        case .p95Latency: (.latencyP95, .all)
        case .p99Latency: (.latencyP99, .all)
        case .maxUtilization: (.serverUtilizationPeak, .all)
        case .maxDatabaseUtilization: (.utilizationPeak, .database)
        case .p95WorkflowLag: (.workflowLagP95, .all)
        case .maxAbandonedSessions: (.sessionsAbandoned, .all)
        case .portalP95Latency: (.portalLatencyP95, .all)
        case .maxConsolesPerServer: (.serverConsolesPeak, .all)
        }
    }

    public var metric: Metric { reads.metric }

    /// What the objective asks, in a planner's words, before its limit: "95 % of console
    /// requests answered within" 4 s.
    public var meaning: String {
        switch self {
        case .p95Latency: "95 % of console requests answered within"
        case .p99Latency: "99 % of console requests answered within"
        case .maxUtilization: "busiest 5-minute window of any management server at most"
        case .maxDatabaseUtilization: "busiest 5-minute window of the database at most"
        case .p95WorkflowLag: "95 % of workflows start within"
        case .maxAbandonedSessions: "consoles giving up after a failure at most"
        case .portalP95Latency: "95 % of Self-Service Portal requests answered within"
        case .maxConsolesPerServer: "consoles on any one management server at most"
        }
    }

    /// A short name for lists in sentences ("p95 console latency, peak server utilization").
    public var title: String {
        switch self {
        case .p95Latency: "p95 console latency"
        case .p99Latency: "p99 console latency"
        case .maxUtilization: "peak server utilization"
        case .maxDatabaseUtilization: "peak database utilization"
        case .p95WorkflowLag: "p95 workflow lag"
        case .maxAbandonedSessions: "abandoned sessions"
        case .portalP95Latency: "p95 portal latency"
        case .maxConsolesPerServer: "consoles per server"
        }
    }

    /// The unit the limit is written in (`s`, `` for a fraction, `sessions`) and the factor
    /// from the metric's recorded unit to it.
    public var limitUnit: MetricDisplay { metric.unit.limit }

    /// Whether the limit is a duration (written `2s`, `1500ms` in scenarios and options).
    public var isDuration: Bool { limitUnit.unit == "s" }

    /// The station whose value is judged, in a group whose database is called `database`.
    public func station(database: String) -> String {
        reads.at.station(database: database) ?? "all"
    }
}

extension ServiceLevelObjectives {
    /// The limit set for `objective`, in its limit unit; nil when not set.
    public subscript(objective: Objective) -> Double? {
        get {
            switch objective {
            case .p95Latency: p95Latency
            case .p99Latency: p99Latency
            case .maxUtilization: maxUtilization
            case .maxDatabaseUtilization: maxDatabaseUtilization
            case .p95WorkflowLag: p95WorkflowLag
            case .maxAbandonedSessions: maxAbandonedSessions
            case .portalP95Latency: portalP95Latency
            case .maxConsolesPerServer: maxConsolesPerServer
            }
        }
        set {
            switch objective {
            case .p95Latency: p95Latency = newValue
            case .p99Latency: p99Latency = newValue
            case .maxUtilization: maxUtilization = newValue
            case .maxDatabaseUtilization: maxDatabaseUtilization = newValue
            case .p95WorkflowLag: p95WorkflowLag = newValue
            case .maxAbandonedSessions: maxAbandonedSessions = newValue
            case .portalP95Latency: portalP95Latency = newValue
            case .maxConsolesPerServer: maxConsolesPerServer = newValue
            }
        }
    }

    /// The objectives set, in verdict order.
    public var objectives: [Objective] { Objective.allCases.filter { self[$0] != nil } }
}
