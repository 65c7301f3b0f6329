import RunOutput
import ScenarioSpec
import Statistics
import Stochastics

/// What `smsim sensitivity` measures the effect on.
public enum SensitivityMetric: String, Sendable, CaseIterable {
    case p95Latency
    case maxUtilization
    /// Additional servers `smsim size` finds for the scenario's consoles and objectives.
    case servers

    /// The summary metric behind it (none for `servers`, which is a search result).
    public var planningMetric: PlanningMetric? {
        switch self {
        case .p95Latency: PlanningMetric(.latencyP95)
        case .maxUtilization: PlanningMetric(.serverUtilizationPeak)
        case .servers: nil
        }
    }

    public var label: String { planningMetric?.label ?? "additional servers needed" }
    public var unit: String { planningMetric?.unit ?? "servers" }
    public var scale: Double { planningMetric?.displayScale ?? 1 }

    /// The metric's value per replication of a run of `scenario` (one value for `servers`).
    func values(_ scenario: Scenario, simulate: (Scenario) throws -> RunReport) throws -> [Double] {
        if let m = planningMetric { return m.values(in: try simulate(scenario)) }
        let search = try SizeSearch(scenario: scenario, consoles: scenario.consoles.peak, down: scenario.failures.down, slo: scenario.slo)
        do {
            return [Double(try search.run(simulate: simulate).servers)]
        } catch let e as SizeSearch.Unattainable {
            throw PlanningError("size search: \(e.message)")
        }
    }
}

/// One factor at a time: the scenario at its base values, then each factor at its low and
/// its high value with everything else at base. Every run uses the same seed and
/// replications (common random numbers), so each effect is a paired difference per
/// replication with a Student t interval.
public struct OneAtATime: Sendable {
    public struct Row: Sendable {
        public var factor: SensitivityFactor
        /// low − base and high − base.
        public var low: PairedDifference
        public var high: PairedDifference
        /// high − low: the effect, whose size orders the tornado.
        public var effect: PairedDifference
    }

    public var metric: SensitivityMetric
    public var base: [Double]
    /// Largest |effect| first.
    public var rows: [Row]

    public init(scenario: Scenario, factors: [SensitivityFactor], metric: SensitivityMetric,
                simulate: (Scenario) throws -> RunReport, progress: (Int, Int) -> Void = { _, _ in }) throws {
        self.metric = metric
        let total = 1 + 2 * factors.count
        let pm = metric.planningMetric ?? PlanningMetric(.latencyP95)
        base = try metric.values(scenario, simulate: simulate)
        progress(1, total)
        var rows: [Row] = []
        for (i, f) in factors.enumerated() {
            let lowValues = try metric.values(try f.apply(f.low, to: scenario), simulate: simulate)
            progress(2 + 2 * i, total)
            let highValues = try metric.values(try f.apply(f.high, to: scenario), simulate: simulate)
            progress(3 + 2 * i, total)
            rows.append(Row(factor: f, low: PairedDifference(metric: pm, a: base, b: lowValues),
                            high: PairedDifference(metric: pm, a: base, b: highValues),
                            effect: PairedDifference(metric: pm, a: lowValues, b: highValues)))
        }
        // Stable order: by |effect|, ties in factor order.
        self.rows = rows.enumerated().sorted { a, b in
            let x = abs(a.element.effect.difference), y = abs(b.element.effect.difference)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }
}

/// Morris elementary effects over all factors at once: each factor scaled from its low
/// (0) to its high (1) value; an effect is the change in the metric's mean over the
/// replications for a move of 2/3 of that range, expressed per whole range.
public struct MorrisSensitivity: Sendable {
    public var metric: SensitivityMetric
    public var factors: [SensitivityFactor]
    public var screening: MorrisScreening
    public var trajectories: Int
    /// Factor indices, largest μ* first.
    public var order: [Int]

    public init(scenario: Scenario, factors: [SensitivityFactor], metric: SensitivityMetric, trajectories: Int,
                simulate: (Scenario) throws -> RunReport, progress: (Int, Int) -> Void = { _, _ in }) throws {
        self.metric = metric
        self.factors = factors
        self.trajectories = trajectories
        let design = RandomStream(seed: scenario.seed, replication: 0, name: "sensitivity.morris")
        let total = trajectories * (factors.count + 1)
        screening = try MorrisScreening(inputs: factors.count, trajectories: trajectories, uniform: { design.uniform() }) { points in
            try points.enumerated().map { n, x in
                var s = scenario
                for (f, u) in zip(factors, x) { s = try f.apply(f.low + u * (f.high - f.low), to: s) }
                let values = try metric.values(s, simulate: simulate).filter(\.isFinite)
                progress(n + 1, total)
                return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
            }
        }
        let mu = screening.effects.map(\.absoluteMean)
        order = mu.indices.sorted { mu[$0] != mu[$1] ? mu[$0] > mu[$1] : $0 < $1 }
    }
}
