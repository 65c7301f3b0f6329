import CGSL

/// One independent source of random numbers: a GSL generator, Mersenne Twister (mt19937)
/// unless asked otherwise.
///
/// A class because it owns a C resource. Give every random source in a model its own
/// stream (see `StreamSeed`); never share one between replications or threads.
public final class RandomStream {
    /// The GSL algorithm behind a stream.
    public enum Generator: Sendable {
        /// mt19937: period 2^19937 − 1, 2.5 KB of state, slow to seed (624 words).
        case mersenneTwister
        /// taus2 (L'Ecuyer's maximally equidistributed Tausworthe): period about 2^88,
        /// 3 words of state, cheap to seed. For families of many small streams (one per
        /// console session), whose state would otherwise crowd the cache.
        case tausworthe
    }

    public let rng: UnsafeMutablePointer<gsl_rng>
    /// The stream's name, for diagnostics.
    public let name: String
    /// The generator stepped in Swift (`WordGenerators.swift`) for the frequent variates.
    @usableFromInline let words: Words

    @usableFromInline enum Words {
        case mersenneTwister(MersenneTwisterSource)
        case tausworthe(TauswortheSource)
    }

    /// A stream seeded from (scenario seed, replication, name).
    public convenience init(seed: UInt64, replication: Int, name: String) {
        self.init(gslSeed: StreamSeed.derive(seed: seed, replication: replication, stream: name), name: name)
    }

    /// A stream with an explicit GSL seed.
    public init(gslSeed: UInt32, name: String = "", generator: Generator = .mersenneTwister) {
        smsim_gsl_quiet()
        let type = generator == .mersenneTwister ? smsim_rng_mt19937() : smsim_rng_taus2()
        guard let rng = gsl_rng_alloc(type) else {
            fatalError("GSL could not allocate a random number generator (out of memory)")
        }
        gsl_rng_set(rng, UInt(gslSeed))
        self.rng = rng
        self.name = name
        words = generator == .mersenneTwister ? .mersenneTwister(MersenneTwisterSource(rng: rng))
            : .tausworthe(TauswortheSource(rng: rng))
    }

    deinit { gsl_rng_free(rng) }

    /// Uniform on [0, 1).
    @inlinable public func uniform() -> Double {
        switch words {
        case .mersenneTwister(let g): g.uniform()
        case .tausworthe(let g): g.uniform()
        }
    }

    /// Uniform on (0, 1).
    @inlinable public func uniformPositive() -> Double {
        switch words {
        case .mersenneTwister(let g): g.uniformPositive()
        case .tausworthe(let g): g.uniformPositive()
        }
    }

    /// Exponential with the given mean.
    @inlinable public func exponential(mean: Double) -> Double {
        switch words {
        case .mersenneTwister(let g): g.exponential(mean: mean)
        case .tausworthe(let g): g.exponential(mean: mean)
        }
    }

    /// Gamma with shape `k` and scale `theta`.
    public func gamma(shape k: Double, scale theta: Double) -> Double {
        switch words {
        case .mersenneTwister(let g): g.gamma(shape: k, scale: theta)
        case .tausworthe(let g): g.gamma(shape: k, scale: theta)
        }
    }

    /// Normal with mean 0 and standard deviation `sigma`.
    public func gaussian(sigma: Double) -> Double {
        switch words {
        case .mersenneTwister(let g): g.gaussian(sigma: sigma)
        case .tausworthe(let g): g.gaussian(sigma: sigma)
        }
    }
}

/// What draws random numbers: a stream, or a `TauswortheSource` borrowed from one. The variates
/// a model draws on every event are requirements, met by the stream and the sources with GSL's
/// arithmetic in Swift (`WordGenerators.swift`) and called directly from generic code; the
/// rest are written once, below, on GSL's functions.
public protocol RandomDraws {
    var rng: UnsafeMutablePointer<gsl_rng> { get }
    /// Uniform on [0, 1).
    func uniform() -> Double
    /// Uniform on (0, 1).
    func uniformPositive() -> Double
    /// Exponential with the given mean.
    func exponential(mean: Double) -> Double
    /// Gamma with shape `k` and scale `theta`.
    func gamma(shape k: Double, scale theta: Double) -> Double
    /// Normal with mean 0 and standard deviation `sigma`.
    func gaussian(sigma: Double) -> Double
}

extension RandomStream: RandomDraws {}

extension RandomDraws {
    /// A uniformly chosen integer in 0..<n (n ≥ 1).
    @inlinable public func index(below n: Int) -> Int { Int(gsl_rng_uniform_int(rng, UInt(n))) }
    /// Lognormal: exp(N(zeta, sigma²)).
    @inlinable public func lognormal(zeta: Double, sigma: Double) -> Double { gsl_ran_lognormal(rng, zeta, sigma) }
    /// Weibull with scale `a` and shape `b`.
    @inlinable public func weibull(scale a: Double, shape b: Double) -> Double { gsl_ran_weibull(rng, a, b) }
    /// Uniform on [a, b).
    @inlinable public func flat(_ a: Double, _ b: Double) -> Double { gsl_ran_flat(rng, a, b) }
    /// Poisson with the given mean.
    @inlinable public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }
    /// Restarts the generator from a new seed without allocating.
    public func reseed(_ gslSeed: UInt32) { gsl_rng_set(rng, UInt(gslSeed)) }
}
