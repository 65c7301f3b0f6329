/// Percentiles of latencies in bounded memory: a log-linear histogram of microseconds.
///
/// Values below 256 µs are counted exactly; above, each power-of-two range is split into
/// 128 equal buckets, so a bucket is at most 1/128 of its lower edge wide. Percentiles
/// report the bucket midpoint: **relative error at most 0.4 % (1/256), or 1 µs**. Values up to
/// 2^43 µs (about 100 days) are tracked; larger ones count in the top bucket. Memory is fixed
/// (under 40 KB); recording is O(1) with no allocation; two histograms merge by adding counts.
public struct LatencyHistogram: Sendable, Equatable {
    @usableFromInline static let linearLimit: UInt64 = 256
    @usableFromInline static let subBuckets = 128
    @usableFromInline static let maxShift = 35
    @usableFromInline static let bucketCount = 256 + maxShift * 128

    @usableFromInline var counts: [UInt32]
    /// Number of recorded values.
    public var count: Int = 0
    /// Exact sum of recorded values, in seconds.
    public var sum: Double = 0
    /// Exact largest value recorded, in seconds.
    public var max: Double = 0
    /// Lowest and highest buckets touched since the last reset: quantiles and resets only
    /// walk this range (a window's latencies span a few hundred buckets, not thousands).
    @usableFromInline var lowestBucket = Int.max
    @usableFromInline var highestBucket = -1

    public init() { counts = Array(repeating: 0, count: Self.bucketCount) }

    @inlinable
    static func bucket(ofMicros v: UInt64) -> Int {
        if v < linearLimit { return Int(v) }
        let msb = 63 - v.leadingZeroBitCount
        let shift = msb - 7
        if shift > maxShift { return bucketCount - 1 }
        let top = Int(v >> UInt64(shift))          // 128...255
        return 256 + (shift - 1) * subBuckets + (top - 128)
    }

    /// Midpoint of a bucket, in microseconds.
    ///
    /// A bucket holds the whole microsecond counts top·width … top·width + width − 1, i.e. the
    /// values rounded into [top·width − ½, top·width + width − ½), whose centre is
    /// top·width + (width − 1)/2. (top·width + width/2, half a microsecond higher, breaks the
    /// 0.4 % bound between 256 µs and about 8 ms.)
    static func midpoint(ofBucket index: Int) -> Double {
        if index < 256 { return Double(index) }
        let shift = (index - 256) / subBuckets + 1
        let top = 128 + (index - 256) % subBuckets
        let width = Double(UInt64(1) << UInt64(shift))
        return Double(top) * width + (width - 1) / 2
    }

    /// Records one latency in seconds (negative values count as 0).
    /// - Complexity: O(1).
    @inlinable
    public mutating func record(_ seconds: Double) {
        record(seconds, bucket: Self.bucket(ofSeconds: seconds))
    }

    /// The bucket a latency in seconds falls in, for `record(_:bucket:)`: a value recorded in
    /// several histograms is bucketed once.
    @inlinable @inline(__always)
    public static func bucket(ofSeconds seconds: Double) -> Int {
        bucket(ofMicros: seconds > 0 ? UInt64(min(seconds * 1e6 + 0.5, 9e15)) : 0)
    }

    /// Records one latency whose bucket is `bucket(ofSeconds: seconds)`.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func record(_ seconds: Double, bucket b: Int) {
        counts[b] &+= 1
        if b < lowestBucket { lowestBucket = b }
        if b > highestBucket { highestBucket = b }
        count += 1
        sum += seconds
        if seconds > max { max = seconds }
    }

    /// Mean of the recorded values (exact); `.nan` when empty.
    public var mean: Double { count > 0 ? sum / Double(count) : .nan }

    /// The `p`-quantile (0 < p ≤ 1) in seconds by nearest rank; `.nan` when empty.
    /// - Complexity: O(buckets in use); call per window, not per event.
    public func quantile(_ p: Double) -> Double { quantiles([p])[0] }

    /// Several quantiles, `ps` in increasing order, in one walk over the buckets: each is the
    /// value `quantile(_:)` gives.
    public func quantiles<let n: Int>(_ ps: InlineArray<n, Double>) -> InlineArray<n, Double> {
        var result = InlineArray<n, Double>(repeating: count > 0 ? max : .nan)
        guard count > 0, lowestBucket <= highestBucket else { return result }
        func rank(_ k: Int) -> Int { Swift.max(1, Int((ps[k] * Double(count)).rounded(.up))) }
        guard n > 0 else { return result }
        var next = 0
        var target = rank(0)
        var seen = 0
        for i in lowestBucket...highestBucket where counts[i] > 0 {
            seen += Int(counts[i])
            while seen >= target {
                result[next] = Swift.min(Self.midpoint(ofBucket: i) / 1e6, max)
                next += 1
                if next == n { return result }
                precondition(ps[next] >= ps[next - 1], "quantiles are asked in increasing order")
                target = rank(next)
            }
        }
        return result
    }

    /// Counts one latency in the totals only (count, sum, maximum), not in a bucket: for a
    /// histogram whose buckets are the sum of others' and come later with `mergeBuckets`. Until
    /// then its quantiles are not meaningful.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func recordTotals(_ seconds: Double) {
        count += 1
        sum += seconds
        if seconds > max { max = seconds }
    }

    /// Adds another histogram's bucket counts to this one, leaving the totals alone: the other
    /// half of `recordTotals`. A histogram of values recorded with `recordTotals` whose buckets
    /// are then merged from histograms that recorded the same values in full is the histogram
    /// of recording them all in full, to the bit.
    public mutating func mergeBuckets(_ other: LatencyHistogram) {
        guard other.lowestBucket <= other.highestBucket else { return }
        for i in other.lowestBucket...other.highestBucket { counts[i] &+= other.counts[i] }
        lowestBucket = Swift.min(lowestBucket, other.lowestBucket)
        highestBucket = Swift.max(highestBucket, other.highestBucket)
    }

    /// Takes another histogram's bucket counts away from this one (wrapping: a bucket may
    /// read as a huge count until the same counts are merged back), leaving the totals alone:
    /// for a histogram that will merge `other` later and must not count what it holds now.
    public mutating func unmergeBuckets(_ other: LatencyHistogram) {
        guard other.lowestBucket <= other.highestBucket else { return }
        for i in other.lowestBucket...other.highestBucket { counts[i] &-= other.counts[i] }
        lowestBucket = Swift.min(lowestBucket, other.lowestBucket)
        highestBucket = Swift.max(highestBucket, other.highestBucket)
    }

    /// Adds another histogram's counts to this one.
    public mutating func merge(_ other: LatencyHistogram) {
        guard other.count > 0 else { return }
        mergeBuckets(other)
        count += other.count
        sum += other.sum
        max = Swift.max(max, other.max)
    }

    /// Empties the histogram, keeping its memory.
    public mutating func reset() {
        // Over the buckets touched, which a histogram with totals only (`recordTotals`) may lack.
        if lowestBucket <= highestBucket {
            for i in lowestBucket...highestBucket { counts[i] = 0 }
        }
        lowestBucket = Int.max
        highestBucket = -1
        count = 0
        sum = 0
        max = 0
    }
}
