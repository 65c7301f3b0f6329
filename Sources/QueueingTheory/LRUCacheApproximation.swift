import Foundation

/// Hit ratio of an LRU cache of `capacity` items over `items` items whose popularity follows
/// a Zipf-like law (item of rank i referenced with probability ∝ i^−α), references
/// independent (the independent reference model; Fagin 1977), by Che's approximation
/// (Che, Tung & Wang 2002): every cached item stays in the cache for the same characteristic
/// time T, the root of Σᵢ (1 − e^(−λᵢT)) = capacity, and the hit ratio is
/// Σᵢ pᵢ (1 − e^(−λᵢT)). Fricker, Robert & Roberts (2012) show the approximation is
/// accurate once the cache holds more than a few hundred items.
///
/// The sum over millions of items is taken exactly over the 1 000 most popular items and
/// over `buckets` logarithmically spaced rank ranges beyond them, each range's popularity
/// spread evenly over its items.
public struct LRUCacheApproximation: Sendable, Equatable {
    /// A set of items that takes a fixed share of all references, spread over its own
    /// items by the same Zipf-like law (a database's hot pages and its cold ones).
    public struct Segment: Sendable, Equatable {
        public var items: Double
        /// Fraction of all references that go to this segment's items.
        public var share: Double
        public init(items: Double, share: Double) {
            self.items = items
            self.share = share
        }
    }

    /// All items, every segment's.
    public let items: Double
    public let capacity: Double
    public let skew: Double
    /// One segment with every reference for a single popularity law.
    public let segments: [Segment]

    public init(items: Double, capacity: Double, skew: Double) throws(TheoryError) {
        try self.init(segments: [Segment(items: items, share: 1)], capacity: capacity, skew: skew)
    }

    /// Items in segments, each with its share of the references (the shares add up to 1;
    /// a segment with share 0 takes no references and never stays in the cache).
    public init(segments: [Segment], capacity: Double, skew: Double) throws(TheoryError) {
        guard !segments.isEmpty else { throw TheoryError("at least one segment is needed") }
        for s in segments {
            guard s.items >= 1, s.items.isFinite else { throw TheoryError("items must be at least 1, got \(s.items)") }
            guard s.share >= 0, s.share <= 1 else { throw TheoryError("a segment's share must be in [0, 1], got \(s.share)") }
        }
        let shares = segments.reduce(0) { $0 + $1.share }
        guard abs(shares - 1) < 1e-9 else { throw TheoryError("the segments' shares must add up to 1, got \(shares)") }
        guard capacity >= 0, capacity.isFinite else { throw TheoryError("capacity must be zero or positive, got \(capacity)") }
        guard skew >= 0, skew.isFinite else { throw TheoryError("skew must be zero or positive, got \(skew)") }
        items = segments.reduce(0) { $0 + $1.items }
        self.capacity = capacity
        self.skew = skew
        self.segments = segments
    }

    /// Fraction of references that find their item in the cache, in [0, 1].
    /// - Complexity: O(segments × buckets × 200) (bisection on T).
    public func hitRatio(buckets: Int = 4000) -> Double {
        if capacity >= items { return 1 }
        if capacity <= 0 { return 0 }
        var size: [Double] = []
        var p: [Double] = []
        for segment in segments where segment.share > 0 {
            let (s, mass) = Self.buckets(segment.items, skew: skew, buckets: buckets)
            let total = mass.reduce(0, +)
            size += s
            p += mass.map { $0 / total * segment.share }
        }
        // Items of segments without references never enter the cache.
        if segments.contains(where: { $0.share == 0 }), capacity >= size.reduce(0, +) { return 1 }
        let rate = zip(p, size).map { $0 / $1 }
        func occupied(_ t: Double) -> Double {
            var sum = 0.0
            for k in rate.indices { sum += size[k] * -expm1(-rate[k] * t) }
            return sum
        }
        var low = 0.0, high = 1.0
        while occupied(high) < capacity { high *= 2 }
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if occupied(mid) < capacity { low = mid } else { high = mid }
            if high - low <= 1e-12 * high { break }
        }
        let t = (low + high) / 2
        var hit = 0.0
        for k in rate.indices { hit += p[k] * -expm1(-rate[k] * t) }
        return min(1, max(0, hit))
    }

    /// The buckets of one popularity law over `items` ranks: their sizes and unnormalised masses.
    /// The first `exact` ranks are buckets of one item with their exact weight i^−α;
    /// beyond them, log-spaced rank ranges [lo, hi) weigh ∫ x^−α over [lo − ½, hi − ½),
    /// the midpoint (Euler–Maclaurin) estimate of Σ i^−α, accurate once lo is large.
    static func buckets(_ items: Double, skew: Double, buckets: Int) -> (size: [Double], mass: [Double]) {
        let exact = Swift.min(items, 1000)
        var size: [Double] = []
        var mass: [Double] = []
        for i in stride(from: 1.0, through: exact, by: 1) {
            size.append(1)
            mass.append(pow(i, -skew))
        }
        if items > exact {
            let first = exact + 1, top = items + 1
            let ratio = log(top / first)
            var lo = first
            for k in 1...buckets {
                let hi = k == buckets ? top : Swift.max(lo + 1, (first * exp(ratio * Double(k) / Double(buckets))).rounded())
                if hi > top || lo >= top { break }
                size.append(hi - lo)
                let a = lo - 0.5, b = hi - 0.5
                mass.append(abs(skew - 1) < 1e-12 ? log(b / a) : (pow(b, 1 - skew) - pow(a, 1 - skew)) / (1 - skew))
                lo = hi
            }
        }
        return (size, mass)
    }
}
