/// Elementary effects screening (Morris, "Factorial sampling plans for preliminary
/// computational experiments", Technometrics 33(2), 1991), with the absolute-mean measure μ*
/// of Campolongo, Cariboni and Saltelli (2007): which of many inputs matter, for r(k + 1)
/// evaluations of a model with k inputs instead of a full design.
///
/// Each input is scaled to [0, 1] and takes one of `levels` values. A trajectory starts at
/// a random grid point and moves one input at a time, in random order, by Δ =
/// levels / (2(levels − 1)), up or down as the grid allows; each move gives one elementary
/// effect (f(x + Δeᵢ) − f(x)) / Δ of the input moved. Over r trajectories every input has r
/// effects: their mean μ (direction), mean absolute value μ* (importance, the ranking) and
/// standard deviation σ (non-linearity or interaction).
public struct MorrisScreening: Sendable {
    /// The measures of one input.
    public struct Effect: Sendable, Equatable {
        public var mean: Double
        public var absoluteMean: Double
        /// 95 % half-width of μ* (Student's t over the r absolute effects).
        public var absoluteMeanHalfWidth: Double
        public var standardDeviation: Double
        public var effects: [Double]
    }

    public var effects: [Effect]
    /// Every point evaluated, in order: r trajectories of k + 1 points.
    public var points: [[Double]]

    /// The design alone: r trajectories of k + 1 points in [0, 1]^k, deterministic for a
    /// given uniform source (`uniform()` in [0, 1)).
    public static func design(inputs k: Int, trajectories r: Int, levels p: Int = 4,
                              uniform: () -> Double) -> [[Double]] {
        precondition(k >= 1 && r >= 1 && p >= 2 && p % 2 == 0, "Morris needs k ≥ 1 inputs, r ≥ 1 trajectories, an even number of levels")
        let delta = Double(p) / Double(2 * (p - 1))
        let step = 1 / Double(p - 1)
        var out: [[Double]] = []
        for _ in 0..<r {
            // Start on the lower half of the grid so that +Δ stays inside; then flip a coin per input.
            var x = (0..<k).map { _ in Double(min(p / 2 - 1, Int(uniform() * Double(p / 2)))) * step }
            var up = (0..<k).map { _ in uniform() < 0.5 }
            for i in 0..<k where !up[i] { x[i] += delta } // start high, move down
            var order = Array(0..<k)
            for i in stride(from: k - 1, to: 0, by: -1) {
                let j = min(i, Int(uniform() * Double(i + 1)))
                order.swapAt(i, j)
            }
            out.append(x)
            for i in order {
                x[i] += up[i] ? delta : -delta
                up[i].toggle()
                out.append(x)
            }
        }
        return out
    }

    /// Evaluates `f` at every design point (in order) and computes the measures.
    public init(inputs k: Int, trajectories r: Int, levels p: Int = 4, uniform: () -> Double,
                f: ([[Double]]) throws -> [Double]) rethrows {
        let points = Self.design(inputs: k, trajectories: r, levels: p, uniform: uniform)
        self.points = points
        let y = try f(points)
        precondition(y.count == points.count, "one value per point")
        let delta = Double(p) / Double(2 * (p - 1))
        var perInput = [[Double]](repeating: [], count: k)
        for t in 0..<r {
            for s in 0..<k {
                let a = t * (k + 1) + s, b = a + 1
                guard let i = (0..<k).first(where: { points[a][$0] != points[b][$0] }) else { continue }
                let sign = points[b][i] > points[a][i] ? 1.0 : -1.0
                perInput[i].append(sign * (y[b] - y[a]) / delta)
            }
        }
        effects = perInput.map { e in
            let plain = Tally(e), absolute = Tally(e.map(abs))
            return Effect(mean: plain.mean, absoluteMean: absolute.mean, absoluteMeanHalfWidth: absolute.halfWidth(),
                          standardDeviation: plain.standardDeviation, effects: e)
        }
    }
}
