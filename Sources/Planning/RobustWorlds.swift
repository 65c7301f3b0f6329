import ScenarioSpec
import Stochastics

/// The plausible worlds every robust answer asks in: a Latin hypercube over the ranges of
/// the scenario's assumed inputs, drawn from stream `robust.design` of its seed. `check`,
/// `compare` and `size --robust` of one scenario therefore ask in the same worlds, and their
/// answers pair world by world.
public enum RobustWorlds {
    /// `count` worlds' inputs, in factor order.
    public static func inputs(of scenario: Scenario, factors: [SensitivityFactor], count: Int) -> [[Double]] {
        let stream = RandomStream(seed: scenario.seed, replication: 0, name: "robust.design")
        return LatinHypercube.points(count, dimensions: factors.count, stream: stream).map { u in
            u.indices.map { factors[$0].low + u[$0] * (factors[$0].high - factors[$0].low) }
        }
    }

    /// The scenario with its inputs set to `inputs`; throws when that is not a valid scenario.
    public static func world(_ scenario: Scenario, factors: [SensitivityFactor], inputs: [Double]) throws -> Scenario {
        var s = scenario
        for (f, v) in zip(factors, inputs) { f.quantity.set(&s, v) }
        do throws(ScenarioError) {
            try s.validate()
        } catch {
            throw PlanningError("a world of the plausible ranges is not a valid scenario: \(error.field): \(error.message)")
        }
        return s
    }
}
