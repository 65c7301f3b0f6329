import CGSL

/// Confidence intervals for a mean from independent observations (replications or batch means).
public enum ConfidenceInterval {
    /// Student's t quantile `t_{(1+level)/2, count-1}` times sd/√count; `.nan` when count < 2.
    public static func halfWidth(standardDeviation: Double, count: Int, level: Double = 0.95) -> Double {
        guard count >= 2 else { return .nan }
        let t = gsl_cdf_tdist_Pinv((1 + level) / 2, Double(count - 1))
        return t * standardDeviation / Double(count).squareRoot()
    }
}

/// Mean, confidence half-width, minimum and maximum of a set of per-replication values.
public struct Estimate: Sendable, Equatable {
    public var mean: Double
    public var halfWidth: Double
    public var min: Double
    public var max: Double
    public var count: Int

    public init(mean: Double, halfWidth: Double, min: Double, max: Double, count: Int) {
        self.mean = mean
        self.halfWidth = halfWidth
        self.min = min
        self.max = max
        self.count = count
    }

    /// The estimate from independent values (one per replication), in their given order.
    public init<S: Sequence>(values: S, level: Double = 0.95) where S.Element == Double {
        let tally = Tally(values)
        self.init(mean: tally.count > 0 ? tally.mean : .nan, halfWidth: tally.halfWidth(level: level),
                  min: tally.count > 0 ? tally.min : .nan, max: tally.count > 0 ? tally.max : .nan, count: tally.count)
    }

    /// Whether `value` lies within mean ± halfWidth.
    public func covers(_ value: Double) -> Bool { abs(value - mean) <= halfWidth }
}

/// The method of batch means: one long run cut into consecutive batches whose means are
/// treated as independent observations, giving a confidence interval from a single run.
public struct BatchMeans: Sendable {
    public let batchSize: Int
    // Only the means of the open batch and of everything are needed: no spread, minimum or
    // maximum to keep up on every observation.
    @usableFromInline var current = RunningMean()
    /// One observation per completed batch.
    public var batches = Tally()
    /// Every observation, in or out of a completed batch.
    public var all = RunningMean()

    /// Batches of `batchSize` ≥ 1 observations each.
    public init(batchSize: Int) {
        precondition(batchSize >= 1, "batch size must be at least 1")
        self.batchSize = batchSize
    }

    /// Adds one observation.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func add(_ x: Double) {
        current.add(x)
        all.add(x)
        if current.count == batchSize {
            batches.add(current.mean)
            current = RunningMean()
        }
    }

    /// The estimate: grand mean of all observations, CI from the spread of batch means.
    public func estimate(level: Double = 0.95) -> Estimate {
        Estimate(mean: all.count > 0 ? all.mean : .nan, halfWidth: batches.halfWidth(level: level),
                 min: batches.min, max: batches.max, count: batches.count)
    }
}
