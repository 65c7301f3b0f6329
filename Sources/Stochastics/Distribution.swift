import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A validated probability distribution of a non-negative quantity (a time, usually in seconds).
///
/// Planners know a mean and a spread, so the skewed families are given by mean and
/// coefficient of variation (cv = standard deviation / mean); the constructors work out the
/// GSL parameters once. Every constructor checks its arguments and throws
/// `DistributionError` with a message fit to show a user.
public struct Distribution: Sendable, Hashable {
    @usableFromInline
    enum Kind: Sendable, Hashable {
        case exponential(mean: Double)
        case deterministic(Double)
        case uniform(low: Double, high: Double)
        case truncatedNormal(mu: Double, sigma: Double)
        case lognormal(zeta: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case weibull(scale: Double, shape: Double)
        case empirical([Double])
    }

    @usableFromInline let kind: Kind
    /// The distribution's true mean.
    public let mean: Double
    /// The distribution's true coefficient of variation.
    public let cv: Double
    @usableFromInline init(kind: Kind, mean: Double, cv: Double) {
        self.kind = kind
        self.mean = mean
        self.cv = cv
    }

    /// A short description, e.g. `lognormal(mean 3, cv 0.6)`. Computed, not stored: a
    /// stored string would make every copy of a distribution in the event loop retain it.
    public var summary: String {
        switch kind {
        case .exponential(let m): return "exponential(mean \(m))"
        case .deterministic(let v): return "deterministic(\(v))"
        case .uniform(let a, let b): return "uniform(\(a), \(b))"
        case .truncatedNormal(let mu, let sigma): return "normal(mean \(mu), sd \(sigma), truncated at 0)"
        case .lognormal: return "lognormal(mean \(mean), cv \(cv))"
        case .gamma: return "gamma(mean \(mean), cv \(cv))"
        case .weibull(_, let shape): return "weibull(mean \(mean), shape \(shape))"
        case .empirical(let values): return "empirical(\(values.count) values)"
        }
    }

    /// Exponential with mean `mean` > 0.
    public static func exponential(mean: Double) throws(DistributionError) -> Distribution {
        try require(mean > 0 && mean.isFinite, "exponential mean must be positive, got \(mean)")
        return Distribution(kind: .exponential(mean: mean), mean: mean, cv: 1)
    }

    /// Always `value` ≥ 0.
    public static func deterministic(_ value: Double) throws(DistributionError) -> Distribution {
        try require(value >= 0 && value.isFinite, "deterministic value must be zero or positive, got \(value)")
        return Distribution(kind: .deterministic(value), mean: value, cv: 0)
    }

    /// Uniform on [low, high) with 0 ≤ low < high.
    public static func uniform(low: Double, high: Double) throws(DistributionError) -> Distribution {
        try require(low >= 0 && high > low && high.isFinite, "uniform needs 0 ≤ low < high, got low \(low), high \(high)")
        let mean = (low + high) / 2
        return Distribution(kind: .uniform(low: low, high: high), mean: mean,
                            cv: (high - low) / (12.0.squareRoot() * mean))
    }

    /// A normal N(mean, sd²) with negative draws rejected (truncated at 0).
    ///
    /// `mean` and `sd` are those of the normal before truncation; `self.mean` reports the
    /// (slightly larger) mean after it. Requires mean > 0 and sd ≥ 0.
    public static func truncatedNormal(mean mu: Double, sd sigma: Double) throws(DistributionError) -> Distribution {
        try require(mu > 0 && mu.isFinite, "normal mean must be positive, got \(mu)")
        try require(sigma >= 0 && sigma.isFinite, "normal standard deviation must be zero or positive, got \(sigma)")
        guard sigma > 0 else { return try deterministic(mu) }
        // Moments of N(mu, sigma²) conditioned on being ≥ 0.
        let alpha = -mu / sigma
        let tail = gsl_cdf_ugaussian_Q(alpha)
        let lambda = gsl_ran_ugaussian_pdf(alpha) / tail
        let mean = mu + sigma * lambda
        let variance = sigma * sigma * (1 + alpha * lambda - lambda * lambda)
        return Distribution(kind: .truncatedNormal(mu: mu, sigma: sigma), mean: mean,
                            cv: variance.squareRoot() / mean)
    }

    /// Lognormal with the given mean > 0 and cv > 0.
    public static func lognormal(mean: Double, cv: Double) throws(DistributionError) -> Distribution {
        try require(mean > 0 && mean.isFinite, "lognormal mean must be positive, got \(mean)")
        try require(cv > 0 && cv.isFinite, "lognormal cv must be positive, got \(cv)")
        let sigma2 = log1p(cv * cv)
        return Distribution(kind: .lognormal(zeta: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot()),
                            mean: mean, cv: cv)
    }

    /// Gamma with the given mean > 0 and cv > 0 (shape 1/cv², scale mean·cv²).
    public static func gamma(mean: Double, cv: Double) throws(DistributionError) -> Distribution {
        try require(mean > 0 && mean.isFinite, "gamma mean must be positive, got \(mean)")
        try require(cv > 0 && cv.isFinite, "gamma cv must be positive, got \(cv)")
        return Distribution(kind: .gamma(shape: 1 / (cv * cv), scale: mean * cv * cv),
                            mean: mean, cv: cv)
    }

    /// Erlang with `k` ≥ 1 exponential phases and total mean `mean` (cv = 1/√k).
    public static func erlang(k: Int, mean: Double) throws(DistributionError) -> Distribution {
        try require(k >= 1, "erlang needs k ≥ 1 phases, got \(k)")
        try require(mean > 0 && mean.isFinite, "erlang mean must be positive, got \(mean)")
        return Distribution(kind: .gamma(shape: Double(k), scale: mean / Double(k)),
                            mean: mean, cv: 1 / Double(k).squareRoot())
    }

    /// Weibull with the given mean > 0 and shape > 0 (shape < 1: early failures dominate;
    /// shape > 1: wear-out). The scale is mean / Γ(1 + 1/shape).
    public static func weibull(mean: Double, shape: Double) throws(DistributionError) -> Distribution {
        try require(mean > 0 && mean.isFinite, "weibull mean must be positive, got \(mean)")
        try require(shape > 0 && shape.isFinite, "weibull shape must be positive, got \(shape)")
        let g1 = tgamma(1 + 1 / shape)
        let g2 = tgamma(1 + 2 / shape)
        return Distribution(kind: .weibull(scale: mean / g1, shape: shape), mean: mean,
                            cv: (g2 / (g1 * g1) - 1).squareRoot())
    }

    /// Draws uniformly from the listed values (each ≥ 0; at least one).
    public static func empirical(_ values: [Double]) throws(DistributionError) -> Distribution {
        try require(!values.isEmpty, "empirical distribution needs at least one value")
        try require(values.allSatisfy { $0 >= 0 && $0.isFinite }, "empirical values must be zero or positive")
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return Distribution(kind: .empirical(values), mean: mean, cv: mean > 0 ? variance.squareRoot() / mean : 0)
    }

    /// Whether the family is given by a mean and a free cv (gamma, lognormal).
    public var hasFreeCV: Bool {
        switch kind {
        case .gamma, .lognormal: true
        default: false
        }
    }

    /// The same family and mean with coefficient of variation `cv` > 0; itself for a family
    /// whose cv is fixed or follows from other parameters (`hasFreeCV` false).
    public func withCV(_ cv: Double) -> Distribution {
        switch kind {
        case .gamma: (try? Distribution.gamma(mean: mean, cv: cv)) ?? self
        case .lognormal: (try? Distribution.lognormal(mean: mean, cv: cv)) ?? self
        default: self
        }
    }

    /// The same family with every value multiplied by `factor` > 0 (mean scales, cv stays).
    public func scaled(by factor: Double) -> Distribution {
        let k: Kind
        switch kind {
        case .exponential(let m): k = .exponential(mean: m * factor)
        case .deterministic(let v): k = .deterministic(v * factor)
        case .uniform(let a, let b): k = .uniform(low: a * factor, high: b * factor)
        case .truncatedNormal(let mu, let s): k = .truncatedNormal(mu: mu * factor, sigma: s * factor)
        case .lognormal(let z, let s): k = .lognormal(zeta: z + log(factor), sigma: s)
        case .gamma(let shape, let scale): k = .gamma(shape: shape, scale: scale * factor)
        case .weibull(let scale, let shape): k = .weibull(scale: scale * factor, shape: shape)
        case .empirical(let values): k = .empirical(values.map { $0 * factor })
        }
        return Distribution(kind: k, mean: mean * factor, cv: cv)
    }

    /// One draw from `stream` (a `RandomStream`, or a `TauswortheSource` borrowed from one).
    // Always inlined: a call would take the distribution by value, and a caller that reads it
    // from its own mutable state copies it first (the enum's empirical case holds an array,
    // so the copy retains). Inlined, the switch reads the parameters where they are.
    @inlinable @inline(__always)
    public func sample(_ stream: some RandomDraws) -> Double {
        switch kind {
        case .exponential(let mean): return stream.exponential(mean: mean)
        case .deterministic(let value): return value
        case .uniform(let low, let high): return stream.flat(low, high)
        case .truncatedNormal(let mu, let sigma):
            while true {
                let x = mu + stream.gaussian(sigma: sigma)
                if x >= 0 { return x }
            }
        case .lognormal(let zeta, let sigma): return stream.lognormal(zeta: zeta, sigma: sigma)
        case .gamma(let shape, let scale): return stream.gamma(shape: shape, scale: scale)
        case .weibull(let scale, let shape): return stream.weibull(scale: scale, shape: shape)
        case .empirical(let values): return values[stream.index(below: values.count)]
        }
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(DistributionError) {
        if !condition { throw DistributionError(message: message()) }
    }
}

/// A distribution's parameters were out of range.
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
