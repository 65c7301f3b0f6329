// Cost of one random variate: GSL's mt19937 through RandomStream and Distribution.sample,
// the path every model takes: uniform(0, 2), exponential(mean 1), lognormal(mean 1,
// cv 0.6), gamma(mean 1, cv 0.5), plus the raw generator for reference.
// One iteration = 1 000 000 draws (scalingFactor .mega), so the scaled wall-clock figure
// is ns per variate and throughput is variates/s. Drawing must never allocate.

import Benchmark
import BenchmarkGates
import Foundation
import Stochastics

var configuration: Benchmark.Configuration {
    .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .mallocBytesCount],
        timeUnits: .nanoseconds,
        warmupIterations: 2,
        scalingFactor: .mega,
        maxDuration: .seconds(2),
        maxIterations: 50,
        thresholds: zeroAllocationGates
    )
}

let benchmarks: @Sendable () -> Void = {
    // Parameters typical of the scenarios (seconds): the families planners give by mean and cv.
    // Names carry no spaces or slashes: the static Thresholds/ files are named after them.
    let distributions: [(String, Distribution)] = [
        ("uniform", try! .uniform(low: 0, high: 2)),
        ("exponential", try! .exponential(mean: 1)),
        ("lognormal", try! .lognormal(mean: 1, cv: 0.6)),       // gsl_ran_lognormal: polar Gaussian + exp
        ("gamma", try! .gamma(mean: 1, cv: 0.5)),               // shape 4: Marsaglia–Tsang rejection
    ]

    for (label, distribution) in distributions {
        Benchmark("Variate-\(label)", configuration: configuration) { benchmark, stream in
            var sum = 0.0
            for _ in benchmark.scaledIterations {
                sum += distribution.sample(stream)
            }
            blackHole(sum)
        } setup: {
            RandomStream(gslSeed: 20_261_125, name: "variates")
        }
    }

    // The raw generator (RandomStream.uniform, no Distribution), for reference: what
    // Distribution.sample's dispatch adds on top of it.
    Benchmark("Variate-rawUniform", configuration: configuration) { benchmark, stream in
        var sum = 0.0
        for _ in benchmark.scaledIterations {
            sum += stream.uniform()
        }
        blackHole(sum)
    } setup: {
        RandomStream(gslSeed: 20_261_125, name: "variates")
    }
}
