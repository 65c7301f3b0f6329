import Foundation

/// The Wilson score interval of a binomial proportion: `successes` out of `trials`.
///
/// Unlike the normal ("Wald") interval it stays inside [0, 1] and keeps close to its nominal
/// coverage when the proportion is near 0 or 1, which is where robust answers usually are
/// ("holds in 124 of 128 worlds"). E. B. Wilson, JASA 22, 1927.
public struct WilsonInterval: Sendable, Equatable {
    public var successes: Int
    public var trials: Int
    public var low: Double
    public var high: Double

    /// `z`: the standard normal quantile of the confidence (1.96 for 95 %).
    public init(successes: Int, trials: Int, z: Double = 1.959963984540054) {
        self.successes = successes
        self.trials = trials
        guard trials > 0 else {
            low = 0
            high = 1
            return
        }
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        low = max(0, centre - half)
        high = min(1, centre + half)
    }

    /// The observed share, successes / trials (NaN without trials).
    public var proportion: Double { trials > 0 ? Double(successes) / Double(trials) : .nan }
}
