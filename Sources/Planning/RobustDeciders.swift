/// What decides a robust answer: for each input, the cut that best separates the worlds where
/// the answer failed from those where it held (per-factor conditional failure rates), and
/// the box of the two strongest cuts together.
///
/// For every input and every cut at a fifth to four fifths of its sampled values, the failure
/// rate among worlds on each side; the input's cut is the one with the largest difference,
/// on the side that fails more. Inputs are ranked by that difference. This is one step of
/// patient rule induction (PRIM) per input, not the full peeling: it names the inputs a
/// planner should measure first, in the words "fails when think time < 9.2 s".
public struct RobustDeciders: Sendable {
    public struct Cut: Sendable {
        /// Index into the factors.
        public var factor: Int
        public var threshold: Double
        /// true: fails more above the threshold.
        public var above: Bool
        /// Failure rate on the failing side and on the other.
        public var inside: Double
        public var outside: Double
        public var insideCount: Int
    }

    /// Strongest first; only cuts whose sides differ by at least 10 points and by three
    /// standard errors of a difference between two shares.
    public var cuts: [Cut]
    /// The two strongest cuts together: failure rate inside the box, worlds in it, and the
    /// share of all failures it holds.
    public var box: (rate: Double, worlds: Int, failuresHeld: Double)?

    public init(inputs: [[Double]], fails: [Bool]) {
        let n = fails.count
        let failures = fails.filter { $0 }.count
        guard n >= 10, failures > 0, failures < n, let dims = inputs.first?.count else {
            cuts = []
            box = nil
            return
        }
        var cuts: [Cut] = []
        for d in 0..<dims {
            let order = (0..<n).sorted { inputs[$0][d] < inputs[$1][d] }
            var best: Cut?
            var failedBelow = 0
            for k in 1..<n {
                if fails[order[k - 1]] { failedBelow += 1 }
                guard k * 5 >= n, k * 5 <= 4 * n else { continue }
                let below = Double(failedBelow) / Double(k), above = Double(failures - failedBelow) / Double(n - k)
                let threshold = (inputs[order[k - 1]][d] + inputs[order[k]][d]) / 2
                let cut = above > below
                    ? Cut(factor: d, threshold: threshold, above: true, inside: above, outside: below, insideCount: n - k)
                    : Cut(factor: d, threshold: threshold, above: false, inside: below, outside: above, insideCount: k)
                if best == nil || cut.inside - cut.outside > best!.inside - best!.outside { best = cut }
            }
            // A difference chance alone would rarely give, after choosing the best of many cuts.
            if let best {
                let p = Double(failures) / Double(n), small = Double(best.insideCount), large = Double(n - best.insideCount)
                let noise = 3 * (p * (1 - p) * (1 / small + 1 / large)).squareRoot()
                if best.inside - best.outside >= max(0.1, noise) { cuts.append(best) }
            }
        }
        cuts.sort { ($0.inside - $0.outside, -$0.factor) > ($1.inside - $1.outside, -$1.factor) }
        self.cuts = cuts
        if cuts.count >= 2 {
            let (a, b) = (cuts[0], cuts[1])
            func inside(_ c: Cut, _ x: [Double]) -> Bool { c.above ? x[c.factor] > c.threshold : x[c.factor] <= c.threshold }
            let members = (0..<n).filter { inside(a, inputs[$0]) && inside(b, inputs[$0]) }
            let failed = members.filter { fails[$0] }.count
            box = members.isEmpty ? nil : (Double(failed) / Double(members.count), members.count, Double(failed) / Double(failures))
        } else {
            box = nil
        }
    }
}
