import RunOutput
import ScenarioSpec

/// Configurations of one scenario that differ only in their consoles-per-server ratio, run
/// with the same seed and replications, each compared with the first (`smsim compare`).
public struct PairedComparison: Sendable {
    /// One configuration and its results.
    public struct Configuration: Sendable {
        public var ratio: Int
        public var scenario: Scenario
        public var report: RunReport
        public init(ratio: Int, scenario: Scenario, report: RunReport) {
            self.ratio = ratio
            self.scenario = scenario
            self.report = report
        }
        /// Additional management servers.
        public var servers: Int { scenario.layout.additionalCount }
    }

    /// A configuration against the baseline.
    public struct Pair: Sendable {
        public var a: Configuration
        public var b: Configuration
        public var differences: [PairedDifference]

        /// The difference in `metric` at `station`, if compared.
        public func difference(_ metric: Metric, station: String = "all") -> PairedDifference? {
            differences.first { $0.metric.metric == metric && $0.metric.station == station }
        }
    }

    public var configurations: [Configuration]
    public var pairs: [Pair]

    /// The variants of `scenario` at each ratio (with `consoles` peak consoles if given), in
    /// the given order; the first is the baseline. Throws a `PlanningError` for fewer than two
    /// ratios, a repeated ratio or an invalid variant.
    public static func variants(of scenario: Scenario, ratios: [Int], consoles: Int? = nil) throws -> [(ratio: Int, scenario: Scenario)] {
        guard ratios.count >= 2 else {
            throw PlanningError("a comparison needs at least two ratios, e.g. --ratios 40,50; got \(ratios.count)")
        }
        if let repeated = ratios.enumerated().first(where: { i, r in ratios[..<i].contains(r) }) {
            throw PlanningError("ratio \(repeated.element) is given twice")
        }
        return try ratios.map { ratio in
            do {
                return (ratio, try scenario.variant(consoles: consoles, ratio: ratio))
            } catch let error as PlanningError {
                throw PlanningError("ratio \(ratio): \(error.message)")
            }
        }
    }

    /// Compares each configuration with the first on `metrics`. Every report must hold the
    /// same replication numbers (same seed and count), which is what makes the pairing valid.
    public init(configurations: [Configuration], metrics: [PlanningMetric]) throws {
        guard let base = configurations.first else { throw PlanningError("nothing to compare") }
        let replications = base.report.replications.map(\.replication)
        for c in configurations {
            guard c.report.replications.map(\.replication) == replications, c.scenario.seed == base.scenario.seed else {
                throw PlanningError("ratio \(c.ratio) was not run with the same seed and replications as ratio \(base.ratio); "
                                    + "a paired comparison needs both")
            }
        }
        self.configurations = configurations
        pairs = configurations.dropFirst().map { b in
            Pair(a: base, b: b, differences: metrics.map { m in
                PairedDifference(metric: m, a: m.values(in: base.report), b: m.values(in: b.report))
            })
        }
    }

    public static let csvHeader = "scenario,ratio_a,ratio_b,servers_a,servers_b,replications,metric,station,"
        + "mean_a,mean_b,diff,paired_ci95,unpaired_ci95"

    /// `compare.csv`: one row per metric per pair, in the CSV units of `summary.csv`.
    public func csv() -> String {
        var out = Self.csvHeader + "\n"
        for pair in pairs {
            let prefix = "\(csvField(pair.a.scenario.name)),\(pair.a.ratio),\(pair.b.ratio),\(pair.a.servers),\(pair.b.servers),"
                + "\(pair.a.report.replications.count)"
            for d in pair.differences {
                out += "\(prefix),\(csvField(d.metric.metric.csvName)),\(csvField(d.metric.station)),\(NumberFormat.csv(d.meanA)),"
                    + "\(NumberFormat.csv(d.meanB)),\(NumberFormat.csv(d.difference)),\(NumberFormat.csv(d.pairedHalfWidth)),"
                    + "\(NumberFormat.csv(d.unpairedHalfWidth))\n"
            }
        }
        return out
    }
}
