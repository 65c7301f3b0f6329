import GroupSimulation
import ScenarioSpec
import Statistics

/// The identity every output row carries, so files from different runs can be concatenated
/// and still told apart.
public struct RunIdentity: Sendable, Equatable {
    public var scenario: String
    /// Consoles per additional server, when the server count came from a ratio.
    public var ratio: Int?
    /// Additional management servers.
    public var servers: Int
    /// Additional servers down for the whole run.
    public var down: Int

    public init(scenario: Scenario) {
        self.scenario = scenario.name
        let layout = scenario.layout
        ratio = layout.ratio
        servers = layout.additionalCount
        down = scenario.failures.down
    }

    var csvFields: String { "\(csvField(scenario)),\(ratio.map(String.init) ?? ""),\(servers),\(down)" }
    static let csvHeader = "scenario,ratio,servers,down"
}

/// One summary metric across replications.
public struct SummaryRow: Sendable, Equatable {
    public var metric: Metric
    public var station: String
    public var estimate: Estimate

    public init(metric: Metric, station: String, estimate: Estimate) {
        self.metric = metric
        self.station = station
        self.estimate = estimate
    }
}

/// Replications gathered into the figures a planner reads.
public struct RunReport: Sendable {
    public var identity: RunIdentity
    public var replications: [ReplicationResult]
    public var summary: [SummaryRow]
    /// Wall time of the simulation, filled in by the caller (not part of any CSV).
    public var wallSeconds = 0.0

    /// Aggregates per-replication metrics in replication order (the same bytes whatever
    /// the order the replications finished in).
    public init(scenario: Scenario, replications: [ReplicationResult]) {
        identity = RunIdentity(scenario: scenario)
        self.replications = replications.sorted { $0.replication < $1.replication }
        summary = Self.aggregate(self.replications)
    }

    static func aggregate(_ results: [ReplicationResult]) -> [SummaryRow] {
        guard let first = results.first else { return [] }
        return first.summary.indices.map { i in
            let values = results.map { $0.summary[i].value }.filter { $0.isFinite }
            return SummaryRow(metric: first.summary[i].metric, station: first.summary[i].station,
                              estimate: Estimate(values: values))
        }
    }

    /// The estimate of `metric` at `station`, if recorded.
    public func estimate(_ metric: Metric, station: String = "all") -> Estimate? {
        summary.first { $0.metric == metric && $0.station == station }?.estimate
    }

    /// Whether every replication balanced its books.
    public var conserved: Bool { replications.allSatisfy { $0.conservation.holds } }
    public var events: Int { replications.reduce(0) { $0 + $1.events } }
}
