import RunOutput
import ScenarioSpec
import Statistics
import Stochastics

/// `smsim check --robust`: the probability that every objective of a scenario holds when its
/// assumed inputs lie anywhere in their plausible ranges, what decides it, and one row per
/// world for plotting.
///
/// Every world is the scenario with its inputs moved and the same seed and replications, so
/// worlds differ only in their inputs (common random numbers). An objective holds in a world
/// when the mean over the replications meets its limit.
public struct RobustCheck: Sendable {
    public var scenarioName: String
    public var factors: [RobustInput]
    public var objectives: [Objective]
    /// In each objective's limit unit.
    public var limits: [Double]
    public var analysis: RobustAnalysis
    public var deciders: RobustDeciders
    public var replications: Int

    public init(scenario: Scenario, worlds: Int, screen: Bool, shard: Shard? = nil, simulate: (Scenario) throws -> RunReport,
                progress: (Int, Int) -> Void = { _, _ in }) throws {
        guard worlds >= 2 else { throw PlanningError("--points must be at least 2, got \(worlds)") }
        let factors = SensitivityFactor.assumed(for: scenario)
        guard !factors.isEmpty else { throw PlanningError("scenario '\(scenario.name)' has no assumed input with a range to vary") }
        let objectives = scenario.slo.objectives
        guard !objectives.isEmpty else { throw PlanningError("scenario '\(scenario.name)' has no slo block: nothing to hold") }
        let limits = objectives.map { scenario.slo[$0]! }
        let database = scenario.managementGroup.database.name
        scenarioName = scenario.name
        self.factors = factors.map(RobustInput.init)
        self.objectives = objectives
        self.limits = limits
        replications = scenario.replications
        let world: @Sendable ([Double]) throws -> Scenario = { x in try RobustWorlds.world(scenario, factors: factors, inputs: x) }
        let indices: @Sendable ([Double]) -> [[Double]?] = { x in
            guard let s = try? world(x), let load = RobustLoad(s) else { return objectives.map { _ in nil } }
            return objectives.map(load.indices)
        }
        analysis = try RobustAnalysis(
            lows: factors.map(\.low), highs: factors.map(\.high), count: worlds,
            stream: RandomStream(seed: scenario.seed, replication: 0, name: "robust.design"),
            screen: screen ? RobustScreen(indices: indices, plainTail: RobustLoad.plainCount) : nil, shard: shard,
            evaluate: { _, x in
                let report = try simulate(try world(x))
                let verdicts = report.evaluate(scenario.slo, databaseName: database)
                let values = objectives.map { o in verdicts.first { $0.objective == o }?.estimate.mean ?? .nan }
                return RobustOutcome(values: values, holds: zip(values, limits).map { $0 <= $1 })
            }, progress: progress)
        deciders = RobustDeciders(inputs: analysis.worlds.map(\.inputs), fails: analysis.worlds.map { !$0.holds })
    }

    /// "fails in 62 % of worlds where open-view server demand > 1.41 s (12 % elsewhere)".
    public func sentence(_ cut: RobustDeciders.Cut) -> String {
        "fails in \(Self.percent(cut.inside)) of worlds where \(condition(cut)) (\(Self.percent(cut.outside)) elsewhere)"
    }

    /// "open-view server demand > 1.41 s".
    public func condition(_ cut: RobustDeciders.Cut) -> String { Self.condition(cut, factors: factors) }

    static func condition(_ cut: RobustDeciders.Cut, factors: [RobustInput]) -> String {
        let f = factors[cut.factor]
        return "\(f.label) \(cut.above ? ">" : "<") \(AssumptionTable.text(cut.threshold, f.unit, digits: 3))"
    }

    static func percent(_ x: Double) -> String { NumberFormat.literal((x * 100).rounded()) + " %" }

    /// The answer in a planner's words, a line each.
    public var lines: [String] {
        let a = analysis, i = a.interval
        var out = ["every objective holds in \(a.holding) of \(a.worlds.count) plausible worlds: "
                   + "P = \(NumberFormat.table(i.proportion)) (95 % Wilson interval \(NumberFormat.table(i.low))–\(NumberFormat.table(i.high)))"]
        out.append("\(factors.count) inputs varied over their plausible ranges (smsim lint --assumptions), \(replications) replication(s) a world, "
                   + "common random numbers; \(a.simulated) worlds simulated, \(a.screened) decided by the MVA screen"
                   + (a.checked > 0 ? " (\(a.checked) of those simulated as a check: \(a.disagreements) disagreed)" : ""))
        for (j, o) in objectives.enumerated() {
            let simulated = a.worlds.compactMap(\.outcome)
            let failed = simulated.filter { !$0.holds[j] }.count
            let values = simulated.map { $0.values[j] }.filter(\.isFinite).sorted()
            let spread = values.isEmpty ? "" : ", simulated values \(NumberFormat.table(values.first!))–\(NumberFormat.table(values.last!))"
            let unit = o.limitUnit.unit.isEmpty ? "" : " " + o.limitUnit.unit
            out.append("  \(o.rawValue) ≤ \(NumberFormat.table(limits[j]))\(unit): fails in \(failed) of \(simulated.count) simulated worlds\(spread)")
        }
        if deciders.cuts.isEmpty {
            out.append(a.holding == a.worlds.count ? "what decides it: nothing in the ranges; every world holds"
                       : a.holding == 0 ? "what decides it: nothing in the ranges; every world fails"
                       : "what decides it: no single input separates holding from failing by 10 points or more")
        } else {
            out.append("what decides it (per-input conditional failure rates):")
            for cut in deciders.cuts.prefix(3) { out.append("  " + sentence(cut)) }
            if let box = deciders.box {
                out.append("  together: fails when \(condition(deciders.cuts[0])) and \(condition(deciders.cuts[1])): "
                           + "\(Self.percent(box.rate)) of the \(box.worlds) worlds there fail, \(Self.percent(box.failuresHeld)) of all failures")
            }
        }
        return out
    }

    /// One row per world: its inputs (factor fields as headers), each objective's value, how
    /// it was decided, and whether every objective held (1) or not (0).
    public var csv: String {
        var rows = [(["world"] + factors.map(\.field) + objectives.map(\.rawValue) + ["decided", "holds"]).joined(separator: ",")]
        for w in analysis.worlds {
            let values = w.outcome?.values ?? objectives.map { _ in Double.nan }
            rows.append(([String(w.index + 1)] + w.inputs.map { NumberFormat.csv($0) } + values.map { NumberFormat.csv($0) }
                         + [w.decision.rawValue, w.holds ? "1" : "0"]).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
