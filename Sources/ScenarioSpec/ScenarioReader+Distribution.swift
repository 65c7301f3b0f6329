import Stochastics
import Yams

extension ScenarioReader {
    // MARK: Distributions

    private static let distributionKeys = ["distribution", "mean", "value", "low", "high", "sd", "cv", "k", "shape", "values"]
    private static let families: [(name: String, parameters: [String])] = [
        ("exponential", ["mean"]), ("deterministic", ["value", "mean"]), ("uniform", ["low", "high"]),
        ("normal", ["mean", "sd"]), ("lognormal", ["mean", "cv"]), ("gamma", ["mean", "cv"]),
        ("erlang", ["k", "mean"]), ("weibull", ["mean", "shape"]), ("empirical", ["values"]),
    ]

    /// `{ distribution: FAMILY, parameters… }`; times may carry units, cv, k and shape may not.
    func distribution(_ node: YAMLNode, _ path: String) throws(ScenarioError) -> Distribution {
        let f = try fields(node, path, Self.distributionKeys,
                           what: "a distribution (a mapping such as { distribution: exponential, mean: 30s })")
        let familyNode = try required(f, "distribution")
        let family = try text(familyNode, f.child("distribution"))
        guard let parameters = Self.families.first(where: { $0.name == family })?.parameters else {
            throw error(familyNode, f.child("distribution"), Self.unknown("distribution", family, Self.families.map(\.name)))
        }
        let takes = family == "deterministic" ? "value (or mean)" : parameters.joined(separator: ", ")
        for key in f.order where key != "distribution" && !parameters.contains(key) {
            throw error(f.entries[key]!.key, f.child(key), "'\(key)' does not apply to \(family), which takes \(takes)")
        }
        func needed(_ key: String) throws(ScenarioError) -> YAMLNode {
            guard f.entries[key] != nil else {
                throw error(node, f.child(key), "required key '\(key)' is missing (\(family) takes \(takes))")
            }
            return try required(f, key)
        }
        func time(_ key: String) throws(ScenarioError) -> Double { try duration(needed(key), f.child(key)) }
        func plain(_ key: String) throws(ScenarioError) -> Double { try number(needed(key), f.child(key)) }

        let result: Result<Distribution, DistributionError>
        switch family {
        case "exponential":
            let mean = try time("mean")
            result = Result { () throws(DistributionError) in try .exponential(mean: mean) }
        case "deterministic":
            if f.entries["value"] != nil, let meanEntry = f.entries["mean"] {
                throw error(meanEntry.key, f.child("mean"), "give value or mean, not both")
            }
            let value = try time(f.entries["mean"] != nil ? "mean" : "value")
            result = Result { () throws(DistributionError) in try .deterministic(value) }
        case "uniform":
            let low = try time("low"), high = try time("high")
            result = Result { () throws(DistributionError) in try .uniform(low: low, high: high) }
        case "normal":
            let mean = try time("mean"), sd = try time("sd")
            result = Result { () throws(DistributionError) in try .truncatedNormal(mean: mean, sd: sd) }
        case "lognormal":
            let mean = try time("mean"), cv = try plain("cv")
            result = Result { () throws(DistributionError) in try .lognormal(mean: mean, cv: cv) }
        case "gamma":
            let mean = try time("mean"), cv = try plain("cv")
            result = Result { () throws(DistributionError) in try .gamma(mean: mean, cv: cv) }
        case "erlang":
            let k = try integer(needed("k"), f.child("k")), mean = try time("mean")
            result = Result { () throws(DistributionError) in try .erlang(k: k, mean: mean) }
        case "weibull":
            let mean = try time("mean"), shape = try plain("shape")
            result = Result { () throws(DistributionError) in try .weibull(mean: mean, shape: shape) }
        default: // empirical
            var values: [Double] = []
            for item in try items(needed("values"), f.child("values")) {
                values.append(try duration(item.node, item.path))
            }
            result = Result { () throws(DistributionError) in try .empirical(values) }
        }
        switch result {
        case .success(let distribution): return distribution
        case .failure(let failure): throw error(node, path, failure.message)
        }
    }

}
