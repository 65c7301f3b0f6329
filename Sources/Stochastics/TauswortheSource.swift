import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A taus2 stream's generator, drawn here in Swift instead of through GSL: the same state
/// words, the same steps, the same variates to the bit, without the calls through GSL's
/// generator table (two indirect calls per uniform, more per gamma).
///
/// taus2 is L'Ecuyer's maximally equidistributed combined Tausworthe generator (1996): three
/// 32-bit words, each stepped by a shift-and-mask recurrence, their XOR the output. GSL keeps
/// the words as `unsigned long`; a `TauswortheSource` steps them in place, so draws through it
/// and through the stream (or GSL's own variates) interleave as one sequence, and a reseed of
/// the stream restarts it. The variates that consoles draw on every request (uniform,
/// exponential, gamma, and the ziggurat normal under gamma) are written here with GSL's
/// arithmetic, operation by operation; the rest go to GSL (`RandomDraws`' defaults).
///
/// Plain pointers: holding or passing one costs no reference counting (a stream is a class:
/// taking it out of an array and passing it on retains and releases it around every draw).
/// Valid only while its stream lives: the owner keeps the stream, the hot path the source.
public struct TauswortheSource: RandomDraws {
    public let rng: UnsafeMutablePointer<gsl_rng>
    /// GSL's taus2 state: s1, s2, s3.
    @usableFromInline let state: UnsafeMutablePointer<UInt>

    @usableFromInline init(rng: UnsafeMutablePointer<gsl_rng>) {
        precondition(rng.pointee.type == smsim_rng_taus2(), "a TauswortheSource needs a taus2 stream")
        self.rng = rng
        state = rng.pointee.state.assumingMemoryBound(to: UInt.self)
    }

    /// The generator's next 32-bit output.
    @inlinable @inline(__always)
    func next() -> UInt32 {
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

    /// Uniform on [0, 1): the output over 2^32 (exact).
    @inlinable @inline(__always)
    public func uniform() -> Double { Double(next()) * 0x1p-32 }

    /// Uniform on (0, 1): uniform draws until one is not 0.
    @inlinable @inline(__always)
    public func uniformPositive() -> Double {
        while true {
            let u = uniform()
            if u != 0 { return u }
        }
    }

    /// Exponential with the given mean: −mean · log1p(−u), as GSL computes it.
    @inlinable @inline(__always)
    public func exponential(mean: Double) -> Double { -mean * log1p(-uniform()) }

    /// Gamma with shape `k` and scale `theta`: Marsaglia and Tsang's method (2000) as GSL
    /// writes it, a normal from the ziggurat and a uniform per trial; below shape 1, a draw of
    /// shape 1 + k scaled by u^(1/k).
    public func gamma(shape k: Double, scale theta: Double) -> Double {
        if k < 1 {
            let u = uniformPositive()
            return gamma(shape: 1 + k, scale: theta) * pow(u, 1 / k)
        }
        let d = k - 1.0 / 3.0
        let c = (1.0 / 3.0) / d.squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal(sigma: 1)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniformPositive()
            // The cheap squeeze first; the logarithms only for the few points it cannot decide.
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) {
                return theta * d * v
            }
        }
    }

    /// Normal with mean 0 and standard deviation `sigma`.
    public func gaussian(sigma: Double) -> Double { normal(sigma: sigma) }

    /// The ziggurat of Marsaglia and Tsang with GSL's 128 layers (`Ziggurat`): one 32-bit
    /// output gives the sign (bit 7), the layer (bits 0–6) and a 24-bit position (bits 8–31).
    /// Inlined into `gamma`, which draws one or more per variate.
    @inline(__always)
    func normal(sigma: Double) -> Double {
        while true {
            let bits = next()
            let sign: Double = bits & 0x80 != 0 ? 1 : -1
            let layer = Int(bits & 0x7F)
            let j = (bits &>> 8) & 0xFF_FFFF
            var x = Double(j) * Ziggurat.width[layer]
            if j < Ziggurat.limit[layer] { return sign * sigma * x }
            let y: Double
            if layer < 127 {
                let y0 = Ziggurat.height[layer], y1 = Ziggurat.height[layer + 1]
                y = y1 + (y0 - y1) * uniform()
            } else {
                // The tail beyond the last layer.
                let r = Ziggurat.tailStart
                let u1 = 1 - uniform()
                let u2 = uniform()
                x = r - log(u1) / r
                y = exp(-r * (x - r / 2)) * u2
            }
            if y < exp(-0.5 * x * x) { return sign * sigma * x }
        }
    }
}

extension RandomStream {
    /// The stream's generator as a `TauswortheSource`; the stream must be a taus2 one.
    public var tausworthe: TauswortheSource { TauswortheSource(rng: rng) }
}
