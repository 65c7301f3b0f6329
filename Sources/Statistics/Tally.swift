/// Count, mean, variance, minimum and maximum of a stream of observations
/// (Welford's one-pass update, numerically stable).
public struct Tally: Sendable, Equatable {
    public var count: Int = 0
    public var mean: Double = 0
    @usableFromInline var m2: Double = 0
    public var min: Double = .infinity
    public var max: Double = -.infinity

    public init() {}

    /// Creates a tally of `values`.
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for v in values { add(v) }
    }

    /// Adds one observation.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func add(_ x: Double) {
        count += 1
        let delta = RunningMean.update(&mean, count: count, with: x)
        m2 += delta * (x - mean)
        if x < min { min = x }
        if x > max { max = x }
    }

    /// Sample variance (n − 1 denominator); 0 with fewer than two observations.
    public var variance: Double { count > 1 ? m2 / Double(count - 1) : 0 }
    public var standardDeviation: Double { variance.squareRoot() }
    /// Sum of the observations.
    public var sum: Double { mean * Double(count) }

    /// Half-width of the confidence interval for the mean at `level` (Student's t,
    /// assuming independent observations); `.nan` with fewer than two observations.
    public func halfWidth(level: Double = 0.95) -> Double {
        ConfidenceInterval.halfWidth(standardDeviation: standardDeviation, count: count, level: level)
    }
}

/// Count and mean of a stream of observations, the mean updated exactly as `Tally` updates it
/// (the same bits), without the spread, minimum and maximum: for sums that only need a mean.
public struct RunningMean: Sendable, Equatable {
    public var count = 0
    public var mean = 0.0

    public init() {}

    /// Adds one observation.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func add(_ x: Double) {
        count += 1
        _ = Self.update(&mean, count: count, with: x)
    }

    /// Welford's step: moves `mean` to include `x` as observation number `count`; returns
    /// x minus the old mean.
    @inlinable @inline(__always)
    public static func update(_ mean: inout Double, count: Int, with x: Double) -> Double {
        let delta = x - mean
        mean += delta / Double(count)
        return delta
    }
}
