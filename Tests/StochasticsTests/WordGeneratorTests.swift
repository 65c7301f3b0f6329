import CGSL
import Testing
import Stochastics

/// The generators stepped in Swift (`WordGenerators.swift`) against GSL's own functions on a
/// twin stream (same generator, same seed): the same numbers to the bit, draw after draw.
@Suite struct WordGeneratorTests {
    typealias Draw = (RandomDraws) -> Double
    typealias GSLDraw = (UnsafeMutablePointer<gsl_rng>) -> Double

    static let generators: [RandomStream.Generator] = [.mersenneTwister, .tausworthe]

    /// `n` draws through `ours` on the stream itself (mt19937) or its `TauswortheSource`
    /// (taus2), and through GSL's function on the twin; then both generators must be in the
    /// same state.
    static func expectSameBits(_ n: Int, seed: UInt32, _ generator: RandomStream.Generator,
                               _ ours: Draw, _ theirs: GSLDraw) {
        let a = RandomStream(gslSeed: seed, generator: generator)
        let b = RandomStream(gslSeed: seed, generator: generator)
        let source: RandomDraws = generator == .tausworthe ? a.tausworthe : a
        var mismatches = 0
        for _ in 0..<n where ours(source).bitPattern != theirs(b.rng).bitPattern { mismatches += 1 }
        #expect(mismatches == 0, "\(generator)")
        #expect(gsl_rng_get(a.rng) == gsl_rng_get(b.rng), "\(generator)")
    }

    /// 3 000 draws run the Mersenne Twister's 624-word regeneration several times.
    @Test(arguments: generators, [0, 1, 7, 4_000_000_000] as [UInt32])
    func uniformsAndExponentialsMatchGSL(generator: RandomStream.Generator, seed: UInt32) {
        Self.expectSameBits(30_000, seed: seed, generator, { $0.uniform() }, { gsl_rng_uniform($0) })
        Self.expectSameBits(30_000, seed: seed, generator, { $0.uniformPositive() }, { gsl_rng_uniform_pos($0) })
        Self.expectSameBits(30_000, seed: seed, generator, { $0.exponential(mean: 15) }, { gsl_ran_exponential($0, 15) })
    }

    /// Shapes below 1 (the u^(1/k) branch), at 1, and above.
    @Test(arguments: generators, [0.3, 0.694, 1, 1.5625, 2.78, 4, 30])
    func gammasMatchGSL(generator: RandomStream.Generator, shape: Double) {
        Self.expectSameBits(20_000, seed: 11, generator, { $0.gamma(shape: shape, scale: 0.7) },
                            { gsl_ran_gamma($0, shape, 0.7) })
    }

    /// 200 000 normals reach the ziggurat's wedges and its tail layer many times.
    @Test(arguments: generators)
    func normalsMatchGSL(generator: RandomStream.Generator) {
        Self.expectSameBits(200_000, seed: 3, generator, { $0.gaussian(sigma: 1) }, { gsl_ran_gaussian_ziggurat($0, 1) })
        Self.expectSameBits(20_000, seed: 5, generator, { $0.gaussian(sigma: 2.5) }, { gsl_ran_gaussian_ziggurat($0, 2.5) })
    }

    /// Draws through a source and through its stream interleave as one sequence, with GSL's
    /// own variates (lognormal) between them, and a reseed of the stream restarts the source.
    @Test func sourceSharesItsStreamsGenerator() throws {
        let alone = RandomStream(gslSeed: 99, generator: .tausworthe)
        let shared = RandomStream(gslSeed: 99, generator: .tausworthe)
        let source = shared.tausworthe
        let gamma = try Distribution.gamma(mean: 2, cv: 0.7)
        let lognormal = try Distribution.lognormal(mean: 2, cv: 0.7)
        for i in 0..<400 {
            let expected = i % 3 == 0 ? alone.uniform() : (i % 5 == 0 ? lognormal.sample(alone) : gamma.sample(alone))
            let got = i % 3 == 0 ? (i % 2 == 0 ? source.uniform() : shared.uniform())
                : i % 5 == 0 ? (i % 2 == 0 ? lognormal.sample(source) : lognormal.sample(shared))
                : (i % 2 == 0 ? gamma.sample(source) : gamma.sample(shared))
            #expect(got.bitPattern == expected.bitPattern)
        }
        source.reseed(5)
        let restarted = RandomStream(gslSeed: 5, generator: .tausworthe)
        #expect((0..<50).map { _ in source.uniform() } == (0..<50).map { _ in restarted.uniform() })
    }
}
