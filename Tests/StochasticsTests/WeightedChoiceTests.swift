import Testing
import Stochastics

/// The branch-free pick must choose exactly what a first-larger-sum search chooses.
@Suite struct WeightedChoiceTests {
    /// The search it replaces: the first running sum above the pick, at most the last index.
    static func linearSearch(_ cumulative: [Double], _ u: Double) -> Int {
        let pick = u * cumulative[cumulative.count - 1]
        var k = 0
        while k < cumulative.count - 1 && pick >= cumulative[k] { k += 1 }
        return k
    }

    /// Seeded random weight vectors, zero weights and repeated running sums included, against
    /// uniform draws and the draws that land exactly on a running sum.
    @Test func agreesWithLinearSearch() {
        let stream = RandomStream(gslSeed: 2026)
        var checked = 0
        for _ in 0..<2_000 {
            let n = 1 + stream.index(below: 8)
            let weights = (0..<n).map { _ in stream.uniform() < 0.5 && n > 1 ? 0 : stream.flat(0.001, 5) }
            guard weights.contains(where: { $0 > 0 }) else { continue }
            let choice = WeightedChoice(weights: weights)
            let total = choice.cumulative[n - 1]
            var draws = (0..<50).map { _ in stream.uniform() }
            draws += [0, 1.0.nextDown] + choice.cumulative.map { $0 / total }.filter { $0 < 1 }
            for u in draws {
                let got = choice.index(forUniform: u)
                #expect(got == Self.linearSearch(choice.cumulative, u), "weights \(weights), u \(u)")
                #expect(weights[got] > 0 || got == n - 1, "a zero-weight class was picked")
                checked += 1
            }
        }
        #expect(checked > 100_000)
    }

    /// Picks land in proportion to the weights (within 5 standard errors).
    @Test func frequenciesFollowWeights() {
        let weights = [0.55, 0.30, 0.128, 0.022]
        let choice = WeightedChoice(weights: weights)
        var counts = [Int](repeating: 0, count: weights.count)
        let n = 200_000
        for i in 0..<n { counts[choice.index(forUniform: (Double(i) + 0.5) / Double(n))] += 1 }
        for (k, w) in weights.enumerated() {
            let p = Double(counts[k]) / Double(n)
            #expect(abs(p - w) < 5 * (w * (1 - w) / Double(n)).squareRoot())
        }
    }
}
