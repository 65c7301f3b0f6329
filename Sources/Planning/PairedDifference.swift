import Statistics

/// The difference of one metric between two configurations run with the same seed and
/// replication numbers (common random numbers), estimated two ways.
///
/// - Paired: Student's t interval over the per-replication differences b_i − a_i. Because
///   replication i of both configurations sees the same sessions and requests, much of the
///   noise cancels and the interval is narrow.
/// - Unpaired (Welch): the interval one would get treating the two sets of replications as
///   independent samples: t with the Welch–Satterthwaite degrees of freedom (rounded down, the
///   conservative choice) times √(s_a²/n_a + s_b²/n_b). Shown beside the paired one so the
///   user sees what pairing bought.
public struct PairedDifference: Sendable, Equatable {
    public var metric: PlanningMetric
    /// Mean of configuration a (the baseline) and b over their finite values.
    public var meanA: Double
    public var meanB: Double
    /// Mean of the per-replication differences b − a (replications where both are finite).
    public var difference: Double
    /// 95 % half-width of the paired interval; NaN with fewer than two pairs.
    public var pairedHalfWidth: Double
    /// 95 % half-width of the Welch interval; NaN with fewer than two values on a side.
    public var unpairedHalfWidth: Double
    /// Replications with a finite value in both configurations.
    public var pairs: Int

    /// Pairs replication i of `a` with replication i of `b`.
    public init(metric: PlanningMetric, a: [Double], b: [Double]) {
        precondition(a.count == b.count, "paired samples need the same replications")
        self.metric = metric
        let finiteA = a.filter(\.isFinite), finiteB = b.filter(\.isFinite)
        meanA = Estimate(values: finiteA).mean
        meanB = Estimate(values: finiteB).mean
        let differences = zip(a, b).compactMap { x, y in x.isFinite && y.isFinite ? y - x : nil }
        let paired = Estimate(values: differences)
        difference = paired.mean
        pairedHalfWidth = paired.halfWidth
        pairs = differences.count
        unpairedHalfWidth = Self.welchHalfWidth(finiteA, finiteB)
    }

    /// Half-width of the 95 % Welch interval for mean(b) − mean(a).
    public static func welchHalfWidth(_ a: [Double], _ b: [Double], level: Double = 0.95) -> Double {
        guard a.count >= 2, b.count >= 2 else { return .nan }
        let ta = Tally(a), tb = Tally(b)
        let va = ta.variance / Double(ta.count), vb = tb.variance / Double(tb.count)
        let variance = va + vb
        guard variance > 0 else { return 0 }
        let df = variance * variance / (va * va / Double(ta.count - 1) + vb * vb / Double(tb.count - 1))
        let whole = max(1, Int(df.rounded(.down)))
        return studentT(degreesOfFreedom: whole, level: level) * variance.squareRoot()
    }

    /// The two-sided Student t quantile t_{(1+level)/2, df}.
    static func studentT(degreesOfFreedom df: Int, level: Double) -> Double {
        // halfWidth(sd, count) = t_{count−1} · sd / √count, so sd = √count gives t itself.
        let count = df + 1
        return ConfidenceInterval.halfWidth(standardDeviation: Double(count).squareRoot(), count: count, level: level)
    }
}
