import Testing
import Statistics
import Stochastics

@Suite struct BatchMeansTests {
    @Test func batchesOfThree() {
        var b = BatchMeans(batchSize: 3)
        for x in 1...10 { b.add(Double(x)) }
        #expect(b.batchSize == 3)
        #expect(b.batches.count == 3)               // (1,2,3) (4,5,6) (7,8,9); 10 is a partial batch
        #expect(b.batches.mean == 5)                // batch means 2, 5, 8
        #expect(b.batches.min == 2 && b.batches.max == 8)
        #expect(b.all.count == 10)
        #expect(b.all.mean == 5.5)
        let e = b.estimate()
        #expect(e.mean == 5.5, "grand mean of every observation")
        #expect(e.count == 3)
        #expect(e.min == 2 && e.max == 8)
        // sd of (2, 5, 8) = 3; t(0.975, 2) = 4.302653.
        #expect(abs(e.halfWidth - 4.302653 * 3 / 3.0.squareRoot()) < 1e-5)
    }

    @Test func batchSizeOneMakesEveryObservationABatch() {
        var b = BatchMeans(batchSize: 1)
        for x in [4.0, 6, 8] { b.add(x) }
        #expect(b.batches == Tally([4, 6, 8]))
        #expect(b.estimate().mean == 6)
    }

    @Test func tooFewBatchesGiveNoInterval() {
        var b = BatchMeans(batchSize: 5)
        for x in 0..<7 { b.add(Double(x)) }
        #expect(b.batches.count == 1)
        #expect(b.estimate().halfWidth.isNaN)
        #expect(b.estimate().mean == 3)
    }

    /// Batch means of independent data give an interval that usually covers the true mean
    /// and whose width shrinks like 1/√(observations).
    @Test func intervalOnIndependentData() {
        let stream = RandomStream(gslSeed: 4)
        var small = BatchMeans(batchSize: 100), large = BatchMeans(batchSize: 1600)
        for _ in 0..<3000 { small.add(stream.exponential(mean: 2)) }
        for _ in 0..<48_000 { large.add(stream.exponential(mean: 2)) }
        #expect(small.estimate().covers(2))
        #expect(large.estimate().covers(2))
        let ratio = small.estimate().halfWidth / large.estimate().halfWidth
        #expect(ratio > 2 && ratio < 8, "expected about 4, got \(ratio)")
    }
}
