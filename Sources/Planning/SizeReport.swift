import ScenarioSpec

/// What `smsim size` writes: `size.csv` and the `--json` object.
extension SizeSearch {
    /// The metric columns of `size.csv`, for those who read it back (the report).
    public enum Column {
        public static let latencyP95 = Metric.latencyP95.csvName
        public static let latencyP95HalfWidth = "latency_p95_ci95"
        public static let peakUtilization = Metric.serverUtilizationPeak.csvName
        public static let peakUtilizationHalfWidth = Metric.serverUtilizationPeak.csvName + "_ci95"
    }

    /// `size.csv`: one row per simulated count, in count order.
    public static func csv(_ evaluations: [Evaluation], consoles: Int, down: Int, scenario: Scenario) -> String {
        var out = "scenario,consoles,down,servers,replications,holds,\(Column.latencyP95),\(Column.latencyP95HalfWidth),"
            + "\(Column.peakUtilization),\(Column.peakUtilizationHalfWidth),verdicts\n"
        for e in evaluations.sorted(by: { $0.servers < $1.servers }) {
            let p95 = e.report.estimate(.latencyP95), peak = e.report.estimate(.serverUtilizationPeak)
            func n(_ x: Double?) -> String { x.map { NumberFormat.csv($0) } ?? "" }
            let verdicts = e.verdicts.map { "\($0.name)=\($0.verdict.rawValue)" }.joined(separator: " ")
            out += "\(scenario.name),\(consoles),\(down),\(e.servers),\(e.report.replications.count),"
                + "\(e.holds ? 1 : 0),\(n(p95?.mean)),\(n(p95?.halfWidth)),\(n(peak?.mean)),\(n(peak?.halfWidth)),\(verdicts)\n"
        }
        return out
    }
}

/// `smsim size --json`.
public struct SizeJSON: Encodable {
    struct Value: Encodable {
        var mean: Double
        var ci95: Double?
    }
    struct Verdict: Encodable {
        var name: String
        var limit: Double
        var unit: String
        var mean: Double
        var ci95: Double?
        var verdict: String
    }
    struct Evaluation: Encodable {
        var servers: Int
        var holds: Bool
        var latencyP95Ms: Value?
        var serverUtilizationPeak: Value?
        var sessionsRefused: Value?
        var verdicts: [Verdict]
    }
    struct Ratio: Encodable {
        var low: Int
        var high: Int
    }

    var scenario: String
    var consoles: Int
    var down: Int
    /// The answer; absent when no count meets the objectives (then `unattainable` says why).
    var servers: Int?
    var unattainable: String?
    var estimate: Int?
    var floor: Int?
    var replications: Int
    var seed: UInt64
    var equivalentRatio: Ratio?
    var chosen: Evaluation?
    var below: Evaluation?
    var evaluations: [Evaluation]

    static func value(_ e: Planning.Evaluation, _ metric: Metric) -> Value? {
        e.report.estimate(metric).map { Value(mean: $0.mean, ci95: $0.halfWidth.isFinite ? $0.halfWidth : nil) }
    }

    static func evaluation(_ e: Planning.Evaluation) -> Evaluation {
        Evaluation(servers: e.servers, holds: e.holds, latencyP95Ms: value(e, .latencyP95),
                   serverUtilizationPeak: value(e, .serverUtilizationPeak), sessionsRefused: value(e, .sessionsRefused),
                   verdicts: e.verdicts.map {
                       Verdict(name: $0.name, limit: $0.limit, unit: $0.unit, mean: $0.estimate.mean,
                               ci95: $0.estimate.halfWidth.isFinite ? $0.estimate.halfWidth : nil, verdict: $0.verdict.rawValue)
                   })
    }

    public init(_ r: SizeSearch.Result, scenario: Scenario) {
        self.scenario = scenario.name
        consoles = r.consoles
        down = r.down
        servers = r.servers
        estimate = r.estimate
        floor = r.floor
        replications = scenario.replications
        seed = scenario.seed
        equivalentRatio = r.equivalentRatios.map { Ratio(low: $0.lowerBound, high: $0.upperBound) }
        chosen = Self.evaluation(r.chosen)
        below = r.below.map(Self.evaluation)
        evaluations = r.evaluations.map(Self.evaluation)
    }

    public init(_ none: SizeSearch.Unattainable, consoles: Int, down: Int, scenario: Scenario) {
        self.scenario = scenario.name
        self.consoles = consoles
        self.down = down
        unattainable = none.message
        replications = scenario.replications
        seed = scenario.seed
        evaluations = none.evaluations.map(Self.evaluation)
    }
}
