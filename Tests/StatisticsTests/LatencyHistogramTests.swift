import Testing
@testable import Statistics
import Stochastics

@Suite struct LatencyHistogramTests {
    /// The documented bound: relative error at most 0.4 %, or 1 µs.
    static func withinBound(_ estimate: Double, _ exact: Double) -> Bool {
        abs(estimate - exact) <= max(0.004 * abs(exact), 1e-6)
    }

    /// Exact nearest-rank quantile of sorted values.
    static func exactQuantile(_ sorted: [Double], _ p: Double) -> Double {
        let rank = max(1, Int((p * Double(sorted.count)).rounded(.up)))
        return sorted[rank - 1]
    }

    static let probabilities = [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0]

    static let distributions: [(String, Distribution)] = {
        do {
            return [
                ("exponential 1 ms", try .exponential(mean: 0.001)),
                ("uniform 0–300 µs", try .uniform(low: 0, high: 0.0003)),
                ("lognormal 50 ms cv 2", try .lognormal(mean: 0.05, cv: 2)),
                ("gamma 2 s cv 0.3", try .gamma(mean: 2, cv: 0.3)),
                ("weibull 30 s shape 0.7", try .weibull(mean: 30, shape: 0.7)),
                ("uniform 0.2–9 ms", try .uniform(low: 0.0002, high: 0.009)),
            ]
        } catch {
            fatalError("\(error)")
        }
    }()

    @Test(arguments: distributions.indices)
    func quantilesWithinStatedErrorOfExactQuantiles(index: Int) {
        let (name, d) = Self.distributions[index]
        let stream = RandomStream(gslSeed: UInt32(100 + index))
        var h = LatencyHistogram()
        var xs: [Double] = []
        for _ in 0..<50_000 {
            let x = d.sample(stream)
            xs.append(x)
            h.record(x)
        }
        xs.sort()
        #expect(h.count == xs.count)
        #expect(h.max == xs.last!)
        #expect(abs(h.mean - xs.reduce(0, +) / Double(xs.count)) <= 1e-12 * h.mean)
        for p in Self.probabilities {
            let exact = Self.exactQuantile(xs, p)
            let estimate = h.quantile(p)
            #expect(Self.withinBound(estimate, exact), "\(name) p=\(p): \(estimate) vs exact \(exact)")
        }
        // Dense quantiles too: every permille.
        var worst = 0.0
        for k in 1...1000 {
            let p = Double(k) / 1000
            let exact = Self.exactQuantile(xs, p)
            let estimate = h.quantile(p)
            if !Self.withinBound(estimate, exact) {
                worst = max(worst, abs(estimate - exact) / exact)
            }
        }
        #expect(worst == 0, "\(name): worst relative error outside the bound \(worst)")
    }

    /// A sweep of single values from 0 to 100 s, each checked through the p=0.5 quantile of
    /// a histogram holding it and one much larger value (so the max does not clamp it).
    /// Covers bucket edges, where rounding to microseconds meets the bucket boundary.
    @Test func everyValueWithinStatedError() {
        var values: [Double] = []
        var x = 1e-7
        while x < 100 { values.append(x); x *= 1.003 }
        // Values just below and above power-of-two microsecond edges and bucket edges.
        for shift in 0...20 {
            for top in stride(from: 128, through: 256, by: 16) {
                let edge = Double(top << shift) * 1e-6
                for delta in [-0.49e-6, -0.3e-6, -1e-9, 0, 1e-9, 0.3e-6, 0.49e-6] { values.append(edge + delta) }
            }
        }
        var failures: [String] = []
        for v in values where v > 0 {
            var h = LatencyHistogram()
            h.record(v)
            h.record(1e6)
            let q = h.quantile(0.5)
            if !Self.withinBound(q, v) && failures.count < 5 {
                failures.append("\(v * 1e6) µs → \(q * 1e6) µs (error \(abs(q - v) * 1e6) µs, \(abs(q - v) / v * 100) %)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "; "))")
    }

    @Test func smallValuesAreExactToTheMicrosecond() {
        var h = LatencyHistogram()
        for us in 0..<256 { h.record(Double(us) * 1e-6) }
        for us in 0..<256 {
            let q = h.quantile(Double(us + 1) / 256)
            #expect(abs(q - Double(us) * 1e-6) < 1e-12, "\(us) µs")
        }
    }

    @Test func quantileEdgeCases() {
        var h = LatencyHistogram()
        #expect(h.quantile(0.5).isNaN)
        #expect(h.mean.isNaN)
        h.record(0.25)
        // One value: every quantile is that value (clamped to the exact max).
        for p in [0.001, 0.5, 1] { #expect(h.quantile(p) == 0.25) }
        // Negative values count as zero but the sum is exact.
        h.record(-1)
        #expect(h.count == 2)
        #expect(h.quantile(0.5) == 0)
        #expect(h.sum == -0.75)
        #expect(h.max == 0.25)
        // p = 1 is the top value's bucket, never above the exact maximum.
        for v in [0.001, 0.002, 3.7] { h.record(v) }
        #expect(Self.withinBound(h.quantile(1), 3.7))
        #expect(h.quantile(1) <= 3.7)
        #expect(h.max == 3.7)
    }

    /// Several quantiles in one walk give what one walk per quantile gives: many values, few
    /// values (several quantiles in one bucket), equal ps, and none.
    @Test(arguments: [0, 1, 3, 40, 20_000])
    func quantilesInOneWalkMatchOneAtATime(values: Int) {
        let stream = RandomStream(gslSeed: 77)
        var h = LatencyHistogram()
        for _ in 0..<values { h.record(stream.exponential(mean: 0.8)) }
        let ps: InlineArray<6, Double> = [0.01, 0.5, 0.5, 0.95, 0.99, 1]
        let together = h.quantiles(ps)
        for k in ps.indices {
            let alone = h.quantile(ps[k])
            #expect(together[k] == alone || (together[k].isNaN && alone.isNaN), "p = \(ps[k]) with \(values) values")
        }
        if values > 0 { #expect(together[0] <= together[3] && together[3] <= together[5]) }
    }

    /// Totals recorded alone, buckets merged from the parts later: the histogram of recording
    /// everything in full, equal to the bit; reset empties it even before any merge.
    @Test func totalsThenMergedBucketsEqualFullRecording() {
        let stream = RandomStream(gslSeed: 21)
        var parts = [LatencyHistogram(), LatencyHistogram(), LatencyHistogram()]
        var whole = LatencyHistogram(), totals = LatencyHistogram()
        for i in 0..<5_000 {
            let x = stream.lognormal(zeta: -1, sigma: 1.2)
            parts[i % 3 == 0 ? 0 : (i % 7 == 0 ? 1 : 2)].record(x)
            whole.record(x)
            totals.recordTotals(x)
        }
        #expect(totals != whole, "no buckets yet")
        for part in parts { totals.mergeBuckets(part) }
        #expect(totals == whole)
        var unmerged = LatencyHistogram()
        unmerged.recordTotals(0.3)
        unmerged.reset()
        #expect(unmerged == LatencyHistogram())
    }

    /// Buckets taken away and merged back leave what was recorded between: a run histogram
    /// whose warm-up ended inside a window equals one that recorded only after it.
    @Test func unmergedThenMergedBucketsCountOnlyWhatCameBetween() {
        let stream = RandomStream(gslSeed: 8)
        var window = LatencyHistogram(), run = LatencyHistogram(), after = LatencyHistogram()
        for _ in 0..<300 { window.record(stream.exponential(mean: 2)) }   // before the warm-up's end
        run.unmergeBuckets(window)
        for _ in 0..<700 {
            let x = stream.exponential(mean: 2)
            window.record(x)
            run.recordTotals(x)
            after.record(x)
        }
        run.mergeBuckets(window)
        for p in [0.5, 0.95, 0.99] { #expect(run.quantile(p) == after.quantile(p)) }
        #expect(run.count == after.count && run.sum == after.sum && run.max == after.max)
    }

    @Test func valuesBeyondTheTrackedRangeLandInTheTopBucket() {
        var h = LatencyHistogram()
        h.record(1e9)          // about 31 years
        h.record(3e9)
        #expect(h.count == 2)
        #expect(h.max == 3e9)
        #expect(h.counts.last == 2)
        // Both report the top bucket: beyond 2^43 µs (about 100 days) only the max is exact.
        #expect(h.quantile(0.5) == h.quantile(1))
        #expect(h.quantile(1) >= Double(UInt64(1) << 42) * 1e-6)
        #expect(h.quantile(1) <= Double(UInt64(1) << 43) * 1e-6)
        // Just below 2^43 µs values are still tracked within the bound.
        var g = LatencyHistogram()
        let big = Double(UInt64(1) << 43) * 1e-6 * 0.999
        g.record(big)
        g.record(1e10)
        #expect(Self.withinBound(g.quantile(0.5), big))
    }

    @Test func mergeEqualsRecordingEverythingInOne() {
        let stream = RandomStream(gslSeed: 8)
        var a = LatencyHistogram(), b = LatencyHistogram(), all = LatencyHistogram()
        for i in 0..<20_000 {
            let x = stream.lognormal(zeta: -4, sigma: 1.5)
            if i % 3 == 0 { a.record(x) } else { b.record(x) }
            all.record(x)
        }
        var merged = a
        merged.merge(b)
        #expect(merged.counts == all.counts)
        #expect(merged.count == all.count)
        #expect(merged.max == all.max)
        #expect(abs(merged.sum - all.sum) <= 1e-12 * all.sum)
        for p in Self.probabilities { #expect(merged.quantile(p) == all.quantile(p)) }
        // Merging an empty histogram changes nothing.
        var same = all
        same.merge(LatencyHistogram())
        #expect(same == all)
    }

    @Test func resetEmpties() {
        var h = LatencyHistogram()
        for x in [0.001, 0.5, 2.0, 40.0] { h.record(x) }
        h.reset()
        #expect(h == LatencyHistogram())
        #expect(h.count == 0)
        #expect(h.sum == 0)
        #expect(h.max == 0)
        #expect(h.quantile(0.5).isNaN)
        #expect(h.mean.isNaN)
        // After a reset it behaves as new.
        var fresh = LatencyHistogram()
        for x in [0.003, 0.004] { h.record(x); fresh.record(x) }
        #expect(h == fresh)
    }
}
