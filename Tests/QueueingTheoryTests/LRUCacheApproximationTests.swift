import Foundation
import Testing
import QueueingTheory

@Suite struct LRUCacheApproximationTests {
    /// The figures Documentation/Design.md quotes (Test 1 and Test 2 of Service Manager's
    /// published performance tests), computed independently with a per-bucket script.
    @Test func publishedDatabaseSizes() throws {
        let page = 8192.0, gib = 1_073_741_824.0
        func miss(rows: Double, memory: Double) throws -> Double {
            let cache = try LRUCacheApproximation(items: rows * 4096 / page, capacity: (memory - 2) * gib / page, skew: 0.9)
            return 1 - cache.hitRatio()
        }
        #expect(abs(try miss(rows: 2.5e6, memory: 8) - 0.0826) < 0.001)
        #expect(abs(try miss(rows: 6e6, memory: 8) - 0.2216) < 0.001)
        #expect(abs(try miss(rows: 6e6, memory: 16) - 0.0854) < 0.001)
        #expect(try miss(rows: 6e6, memory: 32) == 0)
    }

    @Test func edgesAndMonotonicity() throws {
        #expect(try LRUCacheApproximation(items: 100, capacity: 0, skew: 1).hitRatio() == 0)
        #expect(try LRUCacheApproximation(items: 100, capacity: 100, skew: 1).hitRatio() == 1)
        // Uniform popularity: the hit ratio is the cached fraction.
        #expect(abs(try LRUCacheApproximation(items: 10_000, capacity: 2_500, skew: 0).hitRatio() - 0.25) < 1e-3)
        var last = 0.0
        for c in stride(from: 1_000.0, through: 90_000, by: 10_000) {
            let h = try LRUCacheApproximation(items: 100_000, capacity: c, skew: 0.8).hitRatio()
            #expect(h > last)
            last = h
        }
        #expect(throws: TheoryError.self) { try LRUCacheApproximation(items: 0, capacity: 1, skew: 1) }
    }

    /// Che's approximation against a simulated LRU cache under independent Zipf references.
    @Test func agreesWithSimulatedLRU() throws {
        let items = 400, capacity = 60, skew = 0.9
        var cumulative: [Double] = []
        var sum = 0.0
        for i in 1...items { sum += pow(Double(i), -skew); cumulative.append(sum) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var lastUse = [Int](repeating: -1, count: items)
        var cached: [Int] = []
        var hits = 0, references = 0
        for t in 0..<300_000 {
            let u = uniform() * sum
            var lo = 0, hi = items - 1
            while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < u { lo = mid + 1 } else { hi = mid } }
            let item = lo
            if lastUse[item] >= 0 && cached.contains(item) {
                if t >= 50_000 { hits += 1 }
            } else {
                if cached.count == capacity {
                    var victim = 0
                    for k in cached.indices where lastUse[cached[k]] < lastUse[cached[victim]] { victim = k }
                    cached.swapAt(victim, cached.count - 1)
                    cached.removeLast()
                }
                cached.append(item)
            }
            if t >= 50_000 { references += 1 }
            lastUse[item] = t
        }
        let simulated = Double(hits) / Double(references)
        let che = try LRUCacheApproximation(items: Double(items), capacity: Double(capacity), skew: skew).hitRatio()
        #expect(abs(simulated - che) < 0.01, "simulated LRU \(simulated), Che \(che)")
    }
}

@Suite struct LRUCacheSegmentTests {
    /// One segment with every reference is the single law, bit for bit.
    @Test func oneSegmentIsTheSingleLaw() throws {
        let single = try LRUCacheApproximation(items: 3e6, capacity: 7.8e5, skew: 0.9).hitRatio()
        let one = try LRUCacheApproximation(segments: [.init(items: 3e6, share: 1)], capacity: 7.8e5, skew: 0.9).hitRatio()
        #expect(single == one)
    }

    /// A cold segment that takes a small share of the references costs little cache: the hit
    /// ratio lies between the hot segment's alone (scaled by its share) and the whole set
    /// read by one law; more cold items lower it.
    @Test func coldItemsTakeLittleOfTheCache() throws {
        let hot = 1e6, capacity = 8e5
        func hit(cold: Double, share: Double) throws -> Double {
            try LRUCacheApproximation(segments: [.init(items: hot, share: 1 - share), .init(items: cold, share: share)],
                                      capacity: capacity, skew: 0.9).hitRatio()
        }
        let mixed = try hit(cold: 2e6, share: 0.05)
        let flat = try LRUCacheApproximation(items: hot + 2e6, capacity: capacity, skew: 0.9).hitRatio()
        let hotOnly = try LRUCacheApproximation(items: hot, capacity: capacity, skew: 0.9).hitRatio()
        #expect(mixed > flat)
        #expect(mixed < hotOnly)
        #expect(mixed > 0.9 * hotOnly)
        #expect(try hit(cold: 4e6, share: 0.05) < mixed)
        // Unreferenced items never occupy the cache.
        #expect(try hit(cold: 2e6, share: 0) == hotOnly)
        #expect(throws: TheoryError.self) { try LRUCacheApproximation(segments: [.init(items: 10, share: 0.5)], capacity: 1, skew: 1) }
    }
}
