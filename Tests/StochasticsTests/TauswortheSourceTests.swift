import Testing
import Stochastics

/// `TauswortheSource` computes taus2 and its variates in Swift; GSL's own functions on a twin
/// stream (same seed) must give the same numbers to the bit, draw after draw.
@Suite struct TauswortheSourceTests {
    static func twins(_ seed: UInt32) -> (swift: RandomStream, gsl: RandomStream) {
        (RandomStream(gslSeed: seed, generator: .tausworthe), RandomStream(gslSeed: seed, generator: .tausworthe))
    }

    static func expectSameBits(_ n: Int, seed: UInt32, _ ours: (TauswortheSource) -> Double,
                               _ theirs: (RandomStream) -> Double) {
        let (a, b) = twins(seed)
        let source = a.tausworthe
        var mismatches = 0
        for _ in 0..<n where ours(source).bitPattern != theirs(b).bitPattern { mismatches += 1 }
        #expect(mismatches == 0)
        // Both generators end in the same state.
        #expect(a.uniform() == b.uniform())
    }

    @Test(arguments: [0, 1, 7, 4_000_000_000] as [UInt32])
    func uniformsAndExponentialsMatchGSL(seed: UInt32) {
        Self.expectSameBits(50_000, seed: seed, { $0.uniform() }, { $0.uniform() })
        Self.expectSameBits(50_000, seed: seed, { $0.uniformPositive() }, { $0.uniformPositive() })
        Self.expectSameBits(50_000, seed: seed, { $0.exponential(mean: 15) }, { $0.exponential(mean: 15) })
    }

    /// Shapes below 1 (the u^(1/k) branch), at 1, and above; 200 000 normals reach the ziggurat's
    /// wedges and its tail layer many times.
    @Test(arguments: [0.3, 0.694, 1, 1.5625, 2.78, 4, 30])
    func gammasMatchGSL(shape: Double) {
        Self.expectSameBits(20_000, seed: 11, { $0.gamma(shape: shape, scale: 0.7) }, { $0.gamma(shape: shape, scale: 0.7) })
    }

    @Test func normalsMatchGSL() {
        Self.expectSameBits(200_000, seed: 3, { $0.gaussian(sigma: 1) }, { $0.gaussian(sigma: 1) })
        Self.expectSameBits(20_000, seed: 5, { $0.gaussian(sigma: 2.5) }, { $0.gaussian(sigma: 2.5) })
    }

    /// Draws through the source and through its stream interleave as one sequence, and a
    /// reseed of the stream restarts what the source draws.
    @Test func sourceSharesItsStreamsGenerator() throws {
        let alone = RandomStream(gslSeed: 99, generator: .tausworthe)
        let shared = RandomStream(gslSeed: 99, generator: .tausworthe)
        let source = shared.tausworthe
        let gamma = try Distribution.gamma(mean: 2, cv: 0.7)
        for i in 0..<400 {
            let expected = i % 3 == 0 ? alone.uniform() : gamma.sample(alone)
            let got = i % 3 == 0 ? (i % 2 == 0 ? source.uniform() : shared.uniform())
                : (i % 2 == 0 ? gamma.sample(source) : gamma.sample(shared))
            #expect(got.bitPattern == expected.bitPattern)
        }
        source.reseed(5)
        let restarted = RandomStream(gslSeed: 5, generator: .tausworthe)
        #expect((0..<50).map { _ in source.uniform() } == (0..<50).map { _ in restarted.uniform() })
    }
}
