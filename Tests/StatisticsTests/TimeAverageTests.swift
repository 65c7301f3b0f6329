import Testing
import Statistics

@Suite struct TimeAverageTests {
    /// The step function 0 on [0,1), 2 on [1,3), 5 on [3,4), 1 from 4 on.
    static func stepFunction() -> TimeAverage {
        var t = TimeAverage()
        t.set(2, at: 1)
        t.set(5, at: 3)
        t.add(-4, at: 4)
        return t
    }

    @Test func handWorkedStepFunction() {
        let t = Self.stepFunction()
        #expect(t.value == 1)
        #expect(t.peak == 5)
        // Area to 6: 0·1 + 2·2 + 5·1 + 1·2 = 11.
        #expect(t.integral(at: 6) == 11)
        #expect(t.mean(at: 6) == 11.0 / 6)
        // At the instant of the last change: 0·1 + 2·2 + 5·1 = 9 over 4.
        #expect(t.integral(at: 4) == 9)
        #expect(t.mean(at: 4) == 9.0 / 4)
    }

    @Test func resetForgetsHistoryAndCarriesValue() {
        var t = Self.stepFunction()
        t.reset(at: 6)
        #expect(t.value == 1)
        #expect(t.peak == 1, "peak restarts from the current value")
        #expect(t.integral(at: 6) == 0)
        #expect(t.mean(at: 6) == 1, "no time has passed: the current value")
        t.set(3, at: 8)
        // From 6: 1·2 + 3·2 = 8 over 4.
        #expect(t.integral(at: 10) == 8)
        #expect(t.mean(at: 10) == 2)
        #expect(t.peak == 3)
        t.set(0, at: 10)
        #expect(t.mean(at: 14) == 1)
    }

    @Test func nonZeroStart() {
        var t = TimeAverage(value: 4, at: 10)
        #expect(t.mean(at: 10) == 4)
        #expect(t.peak == 4)
        t.set(2, at: 12)
        // 4·2 + 2·2 over [10, 14].
        #expect(t.mean(at: 14) == 3)
        #expect(t.integral(at: 14) == 12)
    }

    /// Queries are made at or after the last change, as the models do.
    @Test func meanFollowsTheCurrentValueAsTimeAdvances() {
        var t = TimeAverage(value: 2)
        t.set(4, at: 10)
        #expect(t.mean(at: 10) == 2)
        #expect(t.mean(at: 20) == 3)
        #expect(t.mean(at: 1010) == (20.0 + 4000) / 1010)
    }

    @Test func severalChangesAtTheSameInstant() {
        var t = TimeAverage()
        t.add(1, at: 1)
        t.add(1, at: 1)
        t.add(-1, at: 1)
        #expect(t.value == 1)
        #expect(t.peak == 2, "the momentary value counts towards the peak")
        #expect(t.mean(at: 3) == 2.0 / 3)
    }
}
