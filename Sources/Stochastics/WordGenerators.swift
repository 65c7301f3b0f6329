import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GSL's two generators, taus2 and mt19937, stepped here in Swift on GSL's own state words: the
/// same outputs, and the same variates to the bit, without GSL's calls through its generator
/// table (two indirect calls per uniform, more per gamma). Draws through a source, through its
/// stream and through GSL's own variates (the ones not written here) interleave as one sequence,
/// and a reseed of the stream restarts them all.
///
/// The variates a model draws on every event (uniform, exponential, gamma, and the ziggurat
/// normal under gamma) are written once, for both generators, with GSL's arithmetic operation
/// by operation (`WordGeneratorTests` compares them with GSL's, draw by draw).
@usableFromInline protocol WordGenerator {
    /// The generator's next 32-bit output.
    func nextWord() -> UInt32
}

extension WordGenerator {
    /// Uniform on [0, 1): the output over 2^32 (exact).
    @inlinable @inline(__always)
    func uniformDraw() -> Double { Double(nextWord()) * 0x1p-32 }

    /// Uniform on (0, 1): uniform draws until one is not 0.
    @inlinable @inline(__always)
    func positiveUniformDraw() -> Double {
        while true {
            let u = uniformDraw()
            if u != 0 { return u }
        }
    }

    /// Exponential with the given mean: −mean · log1p(−u), as GSL computes it.
    @inlinable @inline(__always)
    func exponentialDraw(mean: Double) -> Double { -mean * log1p(-uniformDraw()) }

    /// Gamma with shape `k` and scale `theta`: Marsaglia and Tsang's method (2000) as GSL
    /// writes it, a normal from the ziggurat and a uniform per trial; below shape 1, a draw of
    /// shape 1 + k scaled by u^(1/k).
    func gammaDraw(shape k: Double, scale theta: Double) -> Double {
        if k < 1 {
            let u = positiveUniformDraw()
            return gammaDraw(shape: 1 + k, scale: theta) * pow(u, 1 / k)
        }
        let d = k - 1.0 / 3.0
        let c = (1.0 / 3.0) / d.squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normalDraw(sigma: 1)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = positiveUniformDraw()
            // The cheap squeeze first; the logarithms only for the few points it cannot decide.
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) {
                return theta * d * v
            }
        }
    }

    /// Normal with mean 0 and standard deviation `sigma`: the ziggurat of Marsaglia and Tsang
    /// with GSL's 128 layers (`Ziggurat`). One 32-bit output gives the sign (bit 7), the layer
    /// (bits 0–6) and a 24-bit position (bits 8–31). Inlined into `gammaDraw`, which draws one
    /// or more per variate.
    @inline(__always)
    func normalDraw(sigma: Double) -> Double {
        while true {
            let bits = nextWord()
            let sign: Double = bits & 0x80 != 0 ? 1 : -1
            let layer = Int(bits & 0x7F)
            let j = (bits &>> 8) & 0xFF_FFFF
            var x = Double(j) * Ziggurat.width[layer]
            if j < Ziggurat.limit[layer] { return sign * sigma * x }
            let y: Double
            if layer < 127 {
                let y0 = Ziggurat.height[layer], y1 = Ziggurat.height[layer + 1]
                y = y1 + (y0 - y1) * uniformDraw()
            } else {
                // The tail beyond the last layer.
                let r = Ziggurat.tailStart
                let u1 = 1 - uniformDraw()
                let u2 = uniformDraw()
                x = r - log(u1) / r
                y = exp(-r * (x - r / 2)) * u2
            }
            if y < exp(-0.5 * x * x) { return sign * sigma * x }
        }
    }
}

/// A taus2 stream's generator: L'Ecuyer's maximally equidistributed combined Tausworthe
/// generator (1996), three 32-bit words each stepped by a shift-and-mask recurrence, their XOR
/// the output. GSL keeps the words as `unsigned long`.
///
/// Plain pointers: holding or passing one costs no reference counting (a stream is a class:
/// taking it out of an array and passing it on retains and releases it around every draw).
/// Valid only while its stream lives: the owner keeps the stream, the hot path the source.
public struct TauswortheSource: RandomDraws, WordGenerator {
    public let rng: UnsafeMutablePointer<gsl_rng>
    /// GSL's taus2 state: s1, s2, s3.
    @usableFromInline let state: UnsafeMutablePointer<UInt>

    @usableFromInline init(rng: UnsafeMutablePointer<gsl_rng>) {
        precondition(rng.pointee.type == smsim_rng_taus2(), "a TauswortheSource needs a taus2 stream")
        precondition(rng.pointee.type.pointee.size == 3 * MemoryLayout<UInt>.size, "GSL's taus2 state is not three words")
        self.rng = rng
        state = rng.pointee.state.assumingMemoryBound(to: UInt.self)
    }

    @inlinable @inline(__always)
    func nextWord() -> UInt32 {
        var s1 = UInt32(truncatingIfNeeded: state[0])
        var s2 = UInt32(truncatingIfNeeded: state[1])
        var s3 = UInt32(truncatingIfNeeded: state[2])
        s1 = (s1 & 0xFFFF_FFFE) &<< 12 ^ ((s1 &<< 13) ^ s1) &>> 19
        s2 = (s2 & 0xFFFF_FFF8) &<< 4 ^ ((s2 &<< 2) ^ s2) &>> 25
        s3 = (s3 & 0xFFFF_FFF0) &<< 17 ^ ((s3 &<< 3) ^ s3) &>> 11
        state[0] = UInt(s1)
        state[1] = UInt(s2)
        state[2] = UInt(s3)
        return s1 ^ s2 ^ s3
    }

    @inlinable @inline(__always) public func uniform() -> Double { uniformDraw() }
    @inlinable @inline(__always) public func uniformPositive() -> Double { positiveUniformDraw() }
    @inlinable @inline(__always) public func exponential(mean: Double) -> Double { exponentialDraw(mean: mean) }
    public func gamma(shape k: Double, scale theta: Double) -> Double { gammaDraw(shape: k, scale: theta) }
    public func gaussian(sigma: Double) -> Double { normalDraw(sigma: sigma) }
}

/// An mt19937 stream's generator: Matsumoto and Nishimura's Mersenne Twister (1998), 624
/// 32-bit words regenerated together every 624 outputs, each output a tempered word. GSL keeps
/// the words as `unsigned long`, then the index of the next one (an `int`).
public struct MersenneTwisterSource: RandomDraws, WordGenerator {
    public let rng: UnsafeMutablePointer<gsl_rng>
    @usableFromInline let words: UnsafeMutablePointer<UInt>
    @usableFromInline let index: UnsafeMutablePointer<Int32>
    @usableFromInline static var count: Int { 624 }

    @usableFromInline init(rng: UnsafeMutablePointer<gsl_rng>) {
        precondition(rng.pointee.type == smsim_rng_mt19937(), "a MersenneTwisterSource needs an mt19937 stream")
        let wordBytes = Self.count * MemoryLayout<UInt>.size
        precondition(rng.pointee.type.pointee.size >= wordBytes + MemoryLayout<Int32>.size,
                     "GSL's mt19937 state is not 624 words and an index")
        self.rng = rng
        words = rng.pointee.state.assumingMemoryBound(to: UInt.self)
        index = (rng.pointee.state + wordBytes).assumingMemoryBound(to: Int32.self)
    }

    @inlinable @inline(__always)
    func nextWord() -> UInt32 {
        var i = Int(index.pointee)
        if i >= Self.count {
            regenerate()
            i = 0
        }
        index.pointee = Int32(truncatingIfNeeded: i &+ 1)
        var k = UInt32(truncatingIfNeeded: words[i])
        k ^= k &>> 11
        k ^= (k &<< 7) & 0x9D2C_5680
        k ^= (k &<< 15) & 0xEFC6_0000
        k ^= k &>> 18
        return k
    }

    /// The next 624 words from the last 624, in place: word i from words i, i + 1 and i + 397
    /// (mod 624; the three loops spare the divisions).
    @usableFromInline func regenerate() {
        let n = Self.count, m = 397
        @inline(__always) func twist(_ i: Int, next: Int, far: Int) {
            let y = (words[i] & 0x8000_0000) | (words[next] & 0x7FFF_FFFF)
            words[i] = words[far] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
        }
        for i in 0..<(n - m) { twist(i, next: i + 1, far: i + m) }
        for i in (n - m)..<(n - 1) { twist(i, next: i + 1, far: i + m - n) }
        twist(n - 1, next: 0, far: m - 1)
    }

    @inlinable @inline(__always) public func uniform() -> Double { uniformDraw() }
    @inlinable @inline(__always) public func uniformPositive() -> Double { positiveUniformDraw() }
    @inlinable @inline(__always) public func exponential(mean: Double) -> Double { exponentialDraw(mean: mean) }
    public func gamma(shape k: Double, scale theta: Double) -> Double { gammaDraw(shape: k, scale: theta) }
    public func gaussian(sigma: Double) -> Double { normalDraw(sigma: sigma) }
}

extension RandomStream {
    /// The stream's generator as a `TauswortheSource`; the stream must be a taus2 one.
    public var tausworthe: TauswortheSource { TauswortheSource(rng: rng) }
}
