import Testing
import Statistics
import Stochastics

@Suite struct TallyTests {
    /// Two-pass reference: mean, then the sum of squared deviations.
    static func twoPass(_ xs: [Double]) -> (mean: Double, variance: Double) {
        let mean = xs.reduce(0, +) / Double(xs.count)
        let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, ss / Double(xs.count - 1))
    }

    @Test(arguments: [0.0, 1e6, -250.0])
    func matchesTwoPassComputation(offset: Double) {
        let stream = RandomStream(gslSeed: 31)
        let xs = (0..<5000).map { _ in offset + stream.exponential(mean: 3) }
        let tally = Tally(xs)
        let reference = Self.twoPass(xs)
        #expect(tally.count == 5000)
        #expect(abs(tally.mean - reference.mean) <= 1e-12 * max(1, abs(reference.mean)))
        #expect(abs(tally.variance - reference.variance) <= 1e-9 * reference.variance)
        #expect(abs(tally.standardDeviation - reference.variance.squareRoot()) <= 1e-9 * reference.variance.squareRoot())
        #expect(tally.min == xs.min())
        #expect(tally.max == xs.max())
        #expect(abs(tally.sum - xs.reduce(0, +)) <= 1e-9 * max(1, abs(xs.reduce(0, +))))
    }

    @Test func incrementalEqualsSequenceInit() {
        var tally = Tally()
        let xs: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        for x in xs { tally.add(x) }
        #expect(tally == Tally(xs))
        #expect(tally.mean == 5)
        #expect(abs(tally.variance - 32.0 / 7) < 1e-12)
        #expect(tally.sum == 40)
        #expect(tally.min == 2 && tally.max == 9)
    }

    @Test func emptyAndSingleObservation() {
        let empty = Tally()
        #expect(empty.count == 0)
        #expect(empty.variance == 0)
        #expect(empty.sum == 0)
        #expect(empty.halfWidth().isNaN)
        let one = Tally([3.5])
        #expect(one.count == 1)
        #expect(one.mean == 3.5)
        #expect(one.variance == 0)
        #expect(one.min == 3.5 && one.max == 3.5)
        #expect(one.halfWidth().isNaN)
    }

    @Test func halfWidthUsesStudentT() {
        let tally = Tally([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        // sd = sqrt(55/6); t(0.975, 9) = 2.262157
        let expected = 2.262157 * (55.0 / 6).squareRoot() / 10.0.squareRoot()
        #expect(abs(tally.halfWidth() - expected) < 1e-5)
        #expect(tally.halfWidth(level: 0.99) > tally.halfWidth(level: 0.95))
    }

    /// A running mean is the tally's mean to the bit (batch means rely on it: their output did
    /// not change when the open batch stopped keeping a whole tally).
    @Test func runningMeanIsTheTallysMeanToTheBit() {
        let stream = RandomStream(gslSeed: 12)
        var tally = Tally()
        var running = RunningMean()
        for _ in 0..<10_000 {
            let x = stream.gamma(shape: 0.7, scale: 3)
            tally.add(x)
            running.add(x)
            #expect(running.mean.bitPattern == tally.mean.bitPattern)
        }
        #expect(running.count == tally.count)
    }
}
