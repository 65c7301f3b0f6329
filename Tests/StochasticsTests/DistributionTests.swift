import Testing
import Stochastics
import Statistics

@Suite struct DistributionTests {
    /// Sample mean and cv of `n` draws.
    static func moments(_ d: Distribution, n: Int = 200_000, seed: UInt32 = 2024) -> (mean: Double, cv: Double, min: Double) {
        let stream = RandomStream(gslSeed: seed)
        var tally = Tally()
        for _ in 0..<n { tally.add(d.sample(stream)) }
        return (tally.mean, tally.standardDeviation / tally.mean, tally.min)
    }

    static func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

    static let cases: [(String, Distribution)] = {
        do {
            return [
                ("exponential", try .exponential(mean: 2.5)),
                ("uniform", try .uniform(low: 1, high: 4)),
                ("uniform from 0", try .uniform(low: 0, high: 0.3)),
                ("truncatedNormal light", try .truncatedNormal(mean: 10, sd: 2)),
                ("truncatedNormal heavy", try .truncatedNormal(mean: 1, sd: 1.5)),
                ("lognormal", try .lognormal(mean: 3, cv: 0.6)),
                ("lognormal cv 1.5", try .lognormal(mean: 0.02, cv: 1.5)),
                ("gamma", try .gamma(mean: 4, cv: 0.5)),
                ("gamma cv 2", try .gamma(mean: 1, cv: 2)),
                ("erlang k 1", try .erlang(k: 1, mean: 2)),
                ("erlang k 4", try .erlang(k: 4, mean: 2)),
                ("weibull shape 1.5", try .weibull(mean: 100, shape: 1.5)),
                ("weibull shape 0.8", try .weibull(mean: 5, shape: 0.8)),
                ("empirical", try .empirical([0.5, 1, 1, 2, 7.5])),
            ]
        } catch {
            fatalError("test distributions must be valid: \(error)")
        }
    }()

    /// Sample mean and cv of 200 000 draws within 2 % of the stated `mean` and `cv`.
    @Test(arguments: cases.indices)
    func sampleMomentsMatchStatedMoments(index: Int) {
        let (name, d) = Self.cases[index]
        let m = Self.moments(d)
        #expect(Self.relativeError(m.mean, d.mean) < 0.02, "\(name): sample mean \(m.mean) vs \(d.mean)")
        #expect(Self.relativeError(m.cv, d.cv) < 0.02, "\(name): sample cv \(m.cv) vs \(d.cv)")
        #expect(m.min >= 0, "\(name): negative draw \(m.min)")
    }

    /// Every draw of a scaled distribution is `factor` times the unscaled draw from an
    /// identically seeded stream, and the stated moments scale (mean) or stay (cv).
    @Test(arguments: cases.indices)
    func scaledMultipliesEveryDraw(index: Int) {
        let (name, d) = Self.cases[index]
        let factor = 2.5
        let scaled = d.scaled(by: factor)
        #expect(Self.relativeError(scaled.mean, d.mean * factor) < 1e-12, "\(name)")
        #expect(scaled.cv == d.cv || Self.relativeError(scaled.cv, d.cv) < 1e-12, "\(name)")
        // Same family, described afresh from the scaled parameters.
        #expect(scaled.summary.prefix { $0 != "(" } == d.summary.prefix { $0 != "(" }, "\(name)")
        let a = RandomStream(gslSeed: 77), b = RandomStream(gslSeed: 77)
        for _ in 0..<2000 {
            let x = d.sample(a), y = scaled.sample(b)
            if abs(y - factor * x) > 1e-9 * max(1, abs(factor * x)) {
                Issue.record("\(name): scaled draw \(y) != \(factor) × \(x)")
                return
            }
        }
        // And the sample moments of the scaled family match its stated ones.
        let m = Self.moments(scaled, n: 50_000, seed: 5)
        #expect(Self.relativeError(m.mean, scaled.mean) < 0.03, "\(name): sample mean \(m.mean) vs \(scaled.mean)")
    }

    @Test func deterministicAlwaysReturnsItsValue() throws {
        let d = try Distribution.deterministic(4.25)
        #expect(d.mean == 4.25)
        #expect(d.cv == 0)
        let s = RandomStream(gslSeed: 1)
        #expect((0..<1000).allSatisfy { _ in d.sample(s) == 4.25 })
        let scaled = d.scaled(by: 2)
        #expect(scaled.mean == 8.5)
        #expect(scaled.cv == 0)
        #expect(scaled.sample(s) == 8.5)
        #expect(try Distribution.deterministic(0).sample(s) == 0)
    }

    @Test func truncatedNormalWithZeroSdIsDeterministic() throws {
        let d = try Distribution.truncatedNormal(mean: 3, sd: 0)
        #expect(d == (try Distribution.deterministic(3)))
        #expect(d.sample(RandomStream(gslSeed: 1)) == 3)
    }

    @Test func statedMomentsOfClosedForms() throws {
        #expect(try Distribution.exponential(mean: 3).cv == 1)
        #expect(abs(try Distribution.uniform(low: 0, high: 2).cv - 1 / 3.0.squareRoot()) < 1e-15)
        #expect(abs(try Distribution.erlang(k: 4, mean: 2).cv - 0.5) < 1e-15)
        #expect(try Distribution.gamma(mean: 2, cv: 0.3).cv == 0.3)
        // Weibull with shape 1 is exponential; shape 2 has cv sqrt(4/π − 1).
        #expect(abs(try Distribution.weibull(mean: 2, shape: 1).cv - 1) < 1e-12)
        #expect(abs(try Distribution.weibull(mean: 2, shape: 2).cv - (4 / Double.pi - 1).squareRoot()) < 1e-12)
        // Empirical: population moments of the listed values.
        let e = try Distribution.empirical([1, 3])
        #expect(e.mean == 2)
        #expect(e.cv == 0.5)
        #expect(try Distribution.empirical([0, 0]).cv == 0)
        // A normal truncated far from 0 keeps its moments.
        let n = try Distribution.truncatedNormal(mean: 100, sd: 1)
        #expect(abs(n.mean - 100) < 1e-9)
        #expect(abs(n.cv - 0.01) < 1e-9)
        // Half-normal: mean sd·√(2/π) when the normal's mean is ~0.
        let h = try Distribution.truncatedNormal(mean: 1e-9, sd: 1)
        #expect(abs(h.mean - (2 / Double.pi).squareRoot()) < 1e-6)
    }

    @Test func empiricalDrawsOnlyListedValuesUniformly() throws {
        let values = [0.5, 1, 2, 7.5]
        let d = try Distribution.empirical(values)
        let s = RandomStream(gslSeed: 9)
        var counts: [Double: Int] = [:]
        for _ in 0..<40_000 { counts[d.sample(s), default: 0] += 1 }
        #expect(Set(counts.keys) == Set(values))
        for v in values { #expect(abs(Double(counts[v]!) / 40_000 - 0.25) < 0.01, "value \(v)") }
    }

    @Test func invalidParametersThrow() {
        let invalid: [(String, () throws(DistributionError) -> Distribution)] = [
            ("exponential negative mean", { () throws(DistributionError) in try .exponential(mean: -1) }),
            ("exponential zero mean", { () throws(DistributionError) in try .exponential(mean: 0) }),
            ("exponential nan", { () throws(DistributionError) in try .exponential(mean: .nan) }),
            ("exponential infinite", { () throws(DistributionError) in try .exponential(mean: .infinity) }),
            ("deterministic negative", { () throws(DistributionError) in try .deterministic(-0.1) }),
            ("deterministic nan", { () throws(DistributionError) in try .deterministic(.nan) }),
            ("uniform low = high", { () throws(DistributionError) in try .uniform(low: 2, high: 2) }),
            ("uniform low > high", { () throws(DistributionError) in try .uniform(low: 3, high: 2) }),
            ("uniform negative low", { () throws(DistributionError) in try .uniform(low: -1, high: 2) }),
            ("uniform infinite high", { () throws(DistributionError) in try .uniform(low: 0, high: .infinity) }),
            ("truncatedNormal zero mean", { () throws(DistributionError) in try .truncatedNormal(mean: 0, sd: 1) }),
            ("truncatedNormal negative sd", { () throws(DistributionError) in try .truncatedNormal(mean: 1, sd: -1) }),
            ("lognormal zero cv", { () throws(DistributionError) in try .lognormal(mean: 1, cv: 0) }),
            ("lognormal negative mean", { () throws(DistributionError) in try .lognormal(mean: -1, cv: 1) }),
            ("gamma zero cv", { () throws(DistributionError) in try .gamma(mean: 1, cv: 0) }),
            ("gamma negative mean", { () throws(DistributionError) in try .gamma(mean: -2, cv: 1) }),
            ("erlang k = 0", { () throws(DistributionError) in try .erlang(k: 0, mean: 1) }),
            ("erlang k < 0", { () throws(DistributionError) in try .erlang(k: -2, mean: 1) }),
            ("erlang zero mean", { () throws(DistributionError) in try .erlang(k: 2, mean: 0) }),
            ("weibull zero shape", { () throws(DistributionError) in try .weibull(mean: 1, shape: 0) }),
            ("weibull negative mean", { () throws(DistributionError) in try .weibull(mean: -1, shape: 2) }),
            ("empirical empty", { () throws(DistributionError) in try .empirical([]) }),
            ("empirical negative value", { () throws(DistributionError) in try .empirical([1, -1]) }),
            ("empirical nan", { () throws(DistributionError) in try .empirical([.nan]) }),
        ]
        for (name, make) in invalid {
            do {
                let d = try make()
                Issue.record("\(name): expected DistributionError, got \(d.summary)")
            } catch {
                #expect(!error.message.isEmpty, "\(name)")
                #expect(error.description == error.message)
            }
        }
    }

    @Test func errorMessagesNameTheProblem() {
        #expect(throws: DistributionError(message: "erlang needs k ≥ 1 phases, got 0")) {
            try Distribution.erlang(k: 0, mean: 1)
        }
        #expect(throws: DistributionError.self) { try Distribution.empirical([]) }
    }

    @Test func summaries() throws {
        #expect(try Distribution.lognormal(mean: 3, cv: 0.6).summary == "lognormal(mean 3.0, cv 0.6)")
        #expect(try Distribution.exponential(mean: 2).summary == "exponential(mean 2.0)")
    }
}
