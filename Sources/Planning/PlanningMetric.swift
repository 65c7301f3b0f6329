import GroupSimulation
import RunOutput
import ScenarioSpec
import Statistics

/// A catalogue metric at one station (`all`, or the database): what planning commands
/// compare, sweep, watch or judge.
public struct PlanningMetric: Sendable, Equatable {
    public var metric: Metric
    /// The station in `summary.csv` (`all`, or the database's name).
    public var station: String

    public init(_ metric: Metric, station: String = "all") {
        self.metric = metric
        self.station = station
    }

    /// `metric` where `kind` puts it in a group whose database is called `database`.
    public init(_ metric: Metric, at kind: StationKind, database: String) {
        self.init(metric, station: kind.station(database: database) ?? "all")
    }

    /// What a person calls it (`p95 latency`, `database peak utilization`).
    public var label: String { station == "all" ? metric.label : "database \(metric.label)" }
    /// The unit shown to a person (`ms`, `pp`, `s`).
    public var unit: String { metric.display.unit }
    /// Factor from the CSV unit to the shown unit (100 for fractions shown in percentage points).
    public var displayScale: Double { metric.display.scale }

    /// The metrics an SLO can be set on, plus mean latency and mean database utilization:
    /// what `smsim compare` reports.
    public static func sloRelevant(databaseName: String) -> [PlanningMetric] {
        [
            PlanningMetric(.latencyP95), PlanningMetric(.latencyP99), PlanningMetric(.latencyMean),
            PlanningMetric(.serverUtilizationPeak), PlanningMetric(.utilization, station: databaseName),
            PlanningMetric(.utilizationPeak, station: databaseName), PlanningMetric(.workflowLagP95),
            PlanningMetric(.sessionsAbandoned),
        ]
    }

    /// The metrics behind the objectives set in `slo`, in the order `RunReport.evaluate` judges them.
    public static func judged(by slo: ServiceLevelObjectives, databaseName: String) -> [PlanningMetric] {
        slo.objectives.map { PlanningMetric(objective: $0, databaseName: databaseName) }
    }

    /// The metric `objective` judges.
    public init(objective: Objective, databaseName: String) {
        self.init(objective.metric, at: objective.reads.at, database: databaseName)
    }

    /// This metric's value in each replication of `report`, in replication order (NaN where
    /// the replication has no value, e.g. a workflow lag with no workflow job).
    public func values(in report: RunReport) -> [Double] {
        report.replications.map { values(in: $0) }
    }

    func values(in replication: ReplicationResult) -> Double {
        replication.summary.first { $0.metric == metric && $0.station == station }?.value ?? .nan
    }

    /// Its estimate in `report`, if recorded.
    public func estimate(in report: RunReport) -> Estimate? {
        report.estimate(metric, station: station)
    }
}
