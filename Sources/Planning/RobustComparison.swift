import RunOutput
import ScenarioSpec
import Statistics

/// `smsim compare --robust`: consoles-per-server ratios compared in the same plausible worlds.
///
/// For each ratio, the probability that every objective holds (the share of worlds, Wilson
/// 95 % interval); for each ratio after the first, the probability that it is no worse than
/// the first by more than a tolerance on the p95 console latency (its p95 at most (1 +
/// tolerance) times the first's), and what decides each. The worlds are those of `check
/// --robust` (`RobustWorlds`), and every world runs every ratio with the scenario's seed, so
/// the ratios pair world by world and replication by replication. Every world is simulated at
/// every ratio: the tolerance compares simulated values, which the MVA screen does not give.
public struct RobustComparison: Sendable {
    public var scenarioName: String
    public var ratios: [Int]
    public var factors: [RobustInput]
    public var objectives: [Objective]
    public var limits: [Double]
    /// A fraction: 0.1 allows the higher ratio's p95 to be 10 % above the first's.
    public var tolerance: Double
    public var replications: Int
    /// The inputs of the worlds asked (a shard's, or all), in design order.
    public var inputs: [[Double]]
    /// Each world's place in the design, from 0.
    public var worldIndices: [Int]
    /// [ratio][world].
    public var outcomes: [[RobustOutcome]]
    /// The mean p95 console latency, seconds, [ratio][world].
    public var p95: [[Double]]
    /// Per ratio: every objective holds.
    public var holds: [WilsonInterval]
    /// Per ratio after the first: its p95 within the tolerance of the first's.
    public var within: [WilsonInterval]
    public var holdDeciders: [RobustDeciders]
    public var withinDeciders: [RobustDeciders]

    /// - Parameters:
    ///   - scenario: consoles and servers down as asked; the ratio is what varies.
    ///   - ratios: at least two, the first the baseline.
    ///   - progress: (simulations done, worlds × ratios).
    ///   - shard: only the worlds of this shard.
    public init(scenario: Scenario, ratios: [Int], worlds: Int, tolerance: Double, shard: Shard? = nil,
                simulate: (Scenario) throws -> RunReport, progress: (Int, Int) -> Void = { _, _ in }) throws {
        guard worlds >= 2 else { throw PlanningError("--points must be at least 2, got \(worlds)") }
        guard tolerance >= 0, tolerance.isFinite else { throw PlanningError("--tolerance must be 0 or more, got \(tolerance)") }
        _ = try PairedComparison.variants(of: scenario, ratios: ratios)
        let factors = SensitivityFactor.assumed(for: scenario)
        guard !factors.isEmpty else { throw PlanningError("scenario '\(scenario.name)' has no assumed input with a range to vary") }
        let objectives = scenario.slo.objectives
        guard !objectives.isEmpty else { throw PlanningError("scenario '\(scenario.name)' has no slo block: nothing to hold") }
        let limits = objectives.map { scenario.slo[$0]! }
        let database = scenario.managementGroup.database.name
        let design = RobustWorlds.inputs(of: scenario, factors: factors, count: worlds)
        let worldIndices = design.indices.filter { shard?.contains(pointIndex: $0) ?? true }
        let inputs = worldIndices.map { design[$0] }
        var outcomes = [[RobustOutcome]](repeating: [], count: ratios.count)
        var p95 = [[Double]](repeating: [], count: ratios.count)
        var done = 0
        for (w, x) in inputs.enumerated() {
            let world = try RobustWorlds.world(scenario, factors: factors, inputs: x)
            for (k, ratio) in ratios.enumerated() {
                let variant: Scenario
                do {
                    variant = try world.variant(ratio: ratio)
                } catch let e as PlanningError {
                    throw PlanningError("world \(worldIndices[w] + 1), ratio \(ratio): \(e.message)")
                }
                let report = try simulate(variant)
                let verdicts = report.evaluate(scenario.slo, databaseName: database)
                let values = objectives.map { o in verdicts.first { $0.objective == o }?.estimate.mean ?? .nan }
                outcomes[k].append(RobustOutcome(values: values, holds: zip(values, limits).map { $0 <= $1 }))
                p95[k].append(report.estimate(.latencyP95)?.mean ?? .nan)
                done += 1
                progress(done, inputs.count * ratios.count)
            }
        }
        self.init(scenarioName: scenario.name, ratios: ratios, factors: factors.map(RobustInput.init), objectives: objectives,
                  limits: limits, tolerance: tolerance, replications: scenario.replications, inputs: inputs, worldIndices: worldIndices,
                  outcomes: outcomes, p95: p95)
    }

    /// The comparison its shards' joined record holds.
    public init(record r: RobustRecord) {
        let ratios = r.ratios ?? []
        self.init(scenarioName: r.scenarioName, ratios: ratios, factors: r.inputs, objectives: r.objectives, limits: r.limits,
                  tolerance: r.tolerance ?? 0, replications: r.replications, inputs: r.worlds.map(\.inputs), worldIndices: r.worlds.map(\.index),
                  outcomes: ratios.indices.map { k in r.worlds.map { w in
                      RobustOutcome(values: w.values[k], holds: zip(w.values[k], r.limits).map { $0 <= $1 }) } },
                  p95: ratios.indices.map { k in r.worlds.map { $0.p95?[k] ?? .nan } })
    }

    /// Every world's outcome at every ratio given: the probabilities and what decides them follow.
    init(scenarioName: String, ratios: [Int], factors: [RobustInput], objectives: [Objective], limits: [Double], tolerance: Double,
         replications: Int, inputs: [[Double]], worldIndices: [Int], outcomes: [[RobustOutcome]], p95: [[Double]]) {
        self.scenarioName = scenarioName
        self.ratios = ratios
        self.factors = factors
        self.objectives = objectives
        self.limits = limits
        self.tolerance = tolerance
        self.replications = replications
        self.inputs = inputs
        self.worldIndices = worldIndices
        self.outcomes = outcomes
        self.p95 = p95
        holds = outcomes.map { o in WilsonInterval(successes: o.filter(\.allHold).count, trials: inputs.count) }
        let withinFlags = (1..<ratios.count).map { k in inputs.indices.map { Self.within(p95[k][$0], of: p95[0][$0], tolerance: tolerance) } }
        within = withinFlags.map { f in WilsonInterval(successes: f.filter { $0 }.count, trials: inputs.count) }
        holdDeciders = outcomes.map { o in RobustDeciders(inputs: inputs, fails: o.map { !$0.allHold }) }
        withinDeciders = withinFlags.map { f in RobustDeciders(inputs: inputs, fails: f.map { !$0 }) }
    }

    /// `b` is no worse than `a` by more than `tolerance` (both finite).
    static func within(_ b: Double, of a: Double, tolerance: Double) -> Bool {
        a.isFinite && b.isFinite && b <= a * (1 + tolerance)
    }

    /// Whether the world's p95 at ratio `k` (after the first) is within the tolerance.
    public func isWithin(_ k: Int, world: Int) -> Bool { Self.within(p95[k][world], of: p95[0][world], tolerance: tolerance) }
}
