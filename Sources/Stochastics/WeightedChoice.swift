/// A pick among a few alternatives in proportion to their weights (request classes by mix).
public struct WeightedChoice: Sendable, Equatable {
    /// Running sums of the weights; the last is their total.
    public let cumulative: [Double]

    /// - Parameter weights: zero or positive, at least one; their total need not be 1.
    public init(weights: [Double]) {
        precondition(!weights.isEmpty, "a choice needs at least one alternative")
        var sum = 0.0
        cumulative = weights.map { sum += $0; return sum }
    }

    /// The alternative a uniform draw `u` in [0, 1) selects: the first whose running sum
    /// exceeds `u` × total (the last one if rounding leaves none).
    ///
    /// The running sums never decrease, so the number of them (all but the last) that are at
    /// most the pick is that first index. Counting them runs the same number of compares every
    /// time with no branch on the pick; a search that stops at the first larger sum would
    /// branch on which class came up, which is exactly what a branch predictor cannot guess.
    /// - Complexity: O(alternatives).
    @inlinable @inline(__always)
    public func index(forUniform u: Double) -> Int {
        cumulative.withUnsafeBufferPointer { sums in
            let pick = u * sums[sums.count - 1]
            var k = 0
            for j in 0..<(sums.count - 1) { k &+= pick >= sums[j] ? 1 : 0 }
            return k
        }
    }
}
