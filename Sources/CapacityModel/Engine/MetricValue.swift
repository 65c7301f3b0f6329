/// A named figure of one replication, e.g. ("latency_p95_ms", "all", 812.4).
public struct MetricValue: Sendable, Equatable {
    public var metric: String
    public var station: String
    public var value: Double
}
