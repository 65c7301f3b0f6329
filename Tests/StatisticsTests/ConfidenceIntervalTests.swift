import Testing
import Statistics
import Stochastics

@Suite struct ConfidenceIntervalTests {
    /// Student's t quantiles from the standard table: (count n, level, t_{(1+level)/2, n−1}).
    @Test(arguments: [
        (10, 0.95, 2.262157),
        (2, 0.95, 12.706205),
        (5, 0.99, 4.604095),
        (20, 0.95, 2.093024),
        (30, 0.90, 1.699127),
        (31, 0.95, 2.042272),
        (121, 0.95, 1.979930),
    ] as [(Int, Double, Double)])
    func tQuantileMatchesTable(count: Int, level: Double, t: Double) {
        // With sd = √n the half-width is exactly the t quantile.
        let hw = ConfidenceInterval.halfWidth(standardDeviation: Double(count).squareRoot(), count: count, level: level)
        #expect(abs(hw - t) < 1e-5, "n=\(count) level=\(level): \(hw) vs \(t)")
    }

    @Test func halfWidthScalesWithSdAndNeedsTwoObservations() {
        #expect(ConfidenceInterval.halfWidth(standardDeviation: 1, count: 1).isNaN)
        #expect(ConfidenceInterval.halfWidth(standardDeviation: 1, count: 0).isNaN)
        let one = ConfidenceInterval.halfWidth(standardDeviation: 1, count: 10)
        let three = ConfidenceInterval.halfWidth(standardDeviation: 3, count: 10)
        #expect(abs(three - 3 * one) < 1e-12)
        #expect(ConfidenceInterval.halfWidth(standardDeviation: 0, count: 10) == 0)
    }

    /// Over 2000 independent samples of size 10 from a normal with known mean, the 95 %
    /// interval covers the mean 93–97 % of the time.
    @Test func coverageOfNinetyFivePercentInterval() {
        let stream = RandomStream(seed: 2024, replication: 0, name: "coverage")
        let mean = 5.0, sd = 2.0
        var covered = 0
        var covered80 = 0
        let trials = 2000
        for _ in 0..<trials {
            let sample = (0..<10).map { _ in mean + stream.gaussian(sigma: sd) }
            if Estimate(values: sample).covers(mean) { covered += 1 }
            if Estimate(values: sample, level: 0.8).covers(mean) { covered80 += 1 }
        }
        let rate = Double(covered) / Double(trials)
        #expect(rate >= 0.93 && rate <= 0.97, "coverage \(rate)")
        let rate80 = Double(covered80) / Double(trials)
        #expect(rate80 >= 0.77 && rate80 <= 0.83, "80 % coverage \(rate80)")
    }

    @Test func estimateFromValues() {
        let e = Estimate(values: [3, 1, 2])
        #expect(e.mean == 2)
        #expect(e.min == 1)
        #expect(e.max == 3)
        #expect(e.count == 3)
        // sd = 1, t(0.975, 2) = 4.302653.
        #expect(abs(e.halfWidth - 4.302653 / 3.0.squareRoot()) < 1e-5)
        #expect(e.covers(2 + e.halfWidth))
        #expect(!e.covers(2 + e.halfWidth * 1.0001))
        #expect(e.covers(2 - e.halfWidth))
        #expect(!e.covers(2 - e.halfWidth * 1.0001))

        let empty = Estimate(values: [Double]())
        #expect(empty.count == 0)
        #expect(empty.mean.isNaN && empty.min.isNaN && empty.max.isNaN && empty.halfWidth.isNaN)
        #expect(!empty.covers(0))
    }
}
