import ScenarioSpec

/// A figure of one replication, e.g. (.latencyP95, "all", 812.4).
public struct MetricValue: Sendable, Equatable {
    public var metric: Metric
    public var station: String
    public var value: Double
}
