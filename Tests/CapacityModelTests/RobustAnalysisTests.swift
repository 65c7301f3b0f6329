@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
import QueueingTheory
import Statistics
import Stochastics
import XCTest

/// The robust estimate against problems whose answer is known exactly, and what decides it.
final class RobustAnalysisTests: XCTestCase {
    func testWilsonIntervalMatchesItsFormula() {
        let none = WilsonInterval(successes: 0, trials: 10)
        XCTAssertEqual(none.low, 0)
        XCTAssertEqual(none.high, 3.8414588 / 13.8414588, accuracy: 1e-6)
        let most = WilsonInterval(successes: 124, trials: 128)
        XCTAssertEqual(most.proportion, 0.96875)
        XCTAssertEqual(most.low, 0.92244, accuracy: 1e-4)
        XCTAssertEqual(most.high, 0.98778, accuracy: 1e-4)
        XCTAssertLessThan(most.low, most.proportion)
    }

    /// Mean wait in queue of an M/M/c with service rate `mu`; infinite when unstable.
    static func meanWait(lambda: Double, mu: Double, c: Int) -> Double {
        guard lambda < Double(c) * mu, let q = try? MMcQueue(arrivalRate: lambda, serviceRate: mu, servers: c) else { return .infinity }
        return q.meanWait
    }

    /// The arrival rate at which the mean wait reaches `limit` (it rises with the rate).
    static func criticalRate(mu: Double, c: Int, limit: Double) -> Double {
        var lo = 0.0, hi = Double(c) * mu
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if meanWait(lambda: mid, mu: mu, c: c) <= limit { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// M/M/4, μ = 1, λ uniform on [2, 3.8]: the probability that the mean wait is at most
    /// 0.5 s is exact (Erlang C), (λ* − 2)/1.8. Over 100 designs of 64 worlds, the Wilson
    /// interval covers it at least 93 times.
    func testIntervalCoversTheExactErlangCProbability() {
        let (a, b, c, limit) = (2.0, 3.8, 4, 0.5)
        let exact = (Self.criticalRate(mu: 1, c: c, limit: limit) - a) / (b - a)
        XCTAssertGreaterThan(exact, 0.2)
        XCTAssertLessThan(exact, 0.9)
        var covered = 0
        for seed in 1...100 {
            let r = RobustAnalysis(lows: [a], highs: [b], count: 64,
                                   stream: RandomStream(seed: UInt64(seed), replication: 0, name: "robust.design")) { _, x in
                let w = Self.meanWait(lambda: x[0], mu: 1, c: c)
                return RobustOutcome(values: [w], holds: [w <= limit])
            }
            if r.interval.low <= exact && exact <= r.interval.high { covered += 1 }
        }
        XCTAssertGreaterThanOrEqual(covered, 93)
    }

    /// Two uncertain inputs, λ on [2, 3.8] and μ on [0.8, 1.2]: the exact probability is an
    /// integral over μ of the share of λ below λ*(μ); the interval still covers it.
    func testIntervalCoversTheExactProbabilityWithTwoInputs() {
        let (a, b, c, limit) = (2.0, 3.8, 4, 0.5)
        let steps = 2000
        var exact = 0.0
        for k in 0..<steps {
            let mu = 0.8 + 0.4 * (Double(k) + 0.5) / Double(steps)
            exact += min(1, max(0, (Self.criticalRate(mu: mu, c: c, limit: limit) - a) / (b - a))) / Double(steps)
        }
        var covered = 0, pointsInside = 0
        for seed in 1...100 {
            let r = RobustAnalysis(lows: [a, 0.8], highs: [b, 1.2], count: 64,
                                   stream: RandomStream(seed: UInt64(seed), replication: 0, name: "robust.design")) { _, x in
                let w = Self.meanWait(lambda: x[0], mu: x[1], c: c)
                return RobustOutcome(values: [w], holds: [w <= limit])
            }
            if r.interval.low <= exact && exact <= r.interval.high { covered += 1 }
            if abs(r.interval.proportion - exact) < 0.1 { pointsInside += 1 }
        }
        XCTAssertGreaterThanOrEqual(covered, 93)
        XCTAssertGreaterThan(pointsInside, 90)
    }

    func testDecidersNameTheInputAndSideThatFails() {
        let stream = RandomStream(seed: 7, replication: 0, name: "t")
        let inputs = LatinHypercube.points(200, dimensions: 3, stream: stream)
        let fails = inputs.map { $0[1] > 0.7 && $0[2] < 0.5 }
        let d = RobustDeciders(inputs: inputs, fails: fails)
        XCTAssertEqual(Set(d.cuts.prefix(2).map(\.factor)), [1, 2])
        let one = d.cuts.first { $0.factor == 1 }!
        XCTAssertTrue(one.above)
        XCTAssertEqual(one.threshold, 0.7, accuracy: 0.06)
        XCTAssertFalse(d.cuts.first { $0.factor == 2 }!.above)
        XCTAssertEqual(d.box?.rate ?? 0, 1, accuracy: 0.15)
        XCTAssertFalse(d.cuts.contains { $0.factor == 0 })
    }

    func testLatinHypercubePutsOnePointInEachStratum() {
        let points = LatinHypercube.points(50, dimensions: 4, stream: RandomStream(seed: 3, replication: 0, name: "t"))
        for d in 0..<4 {
            XCTAssertEqual(Set(points.map { Int($0[d] * 50) }).count, 50)
        }
    }
}
