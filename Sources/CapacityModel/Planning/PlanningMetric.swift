/// A summary metric that planning commands compare, sweep or judge, with how to show it.
public struct PlanningMetric: Sendable, Equatable {
    /// The name in `summary.csv` (`latency_p95_ms`).
    public var metric: String
    /// The station in `summary.csv` (`all`, or the database's name).
    public var station: String
    /// What a person calls it (`p95 latency`).
    public var label: String
    /// The unit shown to a person (`ms`, `pp`, `s`).
    public var unit: String
    /// Factor from the CSV unit to the shown unit (100 for fractions shown in percentage points).
    public var displayScale: Double

    public init(metric: String, station: String = "all", label: String, unit: String, displayScale: Double = 1) {
        self.metric = metric
        self.station = station
        self.label = label
        self.unit = unit
        self.displayScale = displayScale
    }

    /// The metrics an SLO can be set on, plus mean latency and mean database utilization:
    /// what `smsim compare` reports.
    public static func sloRelevant(databaseName: String) -> [PlanningMetric] {
        [
            PlanningMetric(metric: "latency_p95_ms", label: "p95 latency", unit: "ms"),
            PlanningMetric(metric: "latency_p99_ms", label: "p99 latency", unit: "ms"),
            PlanningMetric(metric: "latency_mean_ms", label: "mean latency", unit: "ms"),
            PlanningMetric(metric: "server_utilization_peak", label: "peak utilization", unit: "pp", displayScale: 100),
            PlanningMetric(metric: "utilization", station: databaseName, label: "database utilization", unit: "pp", displayScale: 100),
            PlanningMetric(metric: "utilization_peak", station: databaseName, label: "database peak utilization", unit: "pp",
                           displayScale: 100),
            PlanningMetric(metric: "workflow_lag_p95_s", label: "p95 workflow lag", unit: "s"),
            PlanningMetric(metric: "sessions_abandoned", label: "abandoned sessions", unit: "sessions"),
        ]
    }

    /// The metrics behind the objectives set in `slo`, in the order `RunReport.evaluate` judges them.
    public static func judged(by slo: ServiceLevelObjectives, databaseName: String) -> [PlanningMetric] {
        var out: [PlanningMetric] = []
        if slo.p95Latency != nil { out.append(PlanningMetric(metric: "latency_p95_ms", label: "p95 latency", unit: "ms")) }
        if slo.p99Latency != nil { out.append(PlanningMetric(metric: "latency_p99_ms", label: "p99 latency", unit: "ms")) }
        if slo.maxUtilization != nil {
            out.append(PlanningMetric(metric: "server_utilization_peak", label: "peak utilization", unit: "pp", displayScale: 100))
        }
        if slo.maxDatabaseUtilization != nil {
            out.append(PlanningMetric(metric: "utilization_peak", station: databaseName, label: "database peak utilization",
                                      unit: "pp", displayScale: 100))
        }
        if slo.p95WorkflowLag != nil { out.append(PlanningMetric(metric: "workflow_lag_p95_s", label: "p95 workflow lag", unit: "s")) }
        if slo.maxAbandonedSessions != nil {
            out.append(PlanningMetric(metric: "sessions_abandoned", label: "abandoned sessions", unit: "sessions"))
        }
        return out
    }

    /// This metric's value in each replication of `report`, in replication order (NaN where
    /// the replication has no value, e.g. a workflow lag with no workflow job).
    public func values(in report: RunReport) -> [Double] {
        report.replications.map { values(in: $0) }
    }

    func values(in replication: ReplicationResult) -> Double {
        replication.summary.first { $0.metric == metric && $0.station == station }?.value ?? .nan
    }
}
