// The management group model's speed as a ratio to the kernel's: each iteration runs the
// kernel's M/M/1 (Validation's MMcSimulation, ρ = 0.9, 500 000 customers ≈ 1 000 000 events)
// and then one whole replication of Scenarios/weekday-50.yaml (10 h, ≈ 3.2 M events) in the
// same process, and reports both rates and the model's as a share of the M/M/1's. Machines
// here differ by 2× from one session to the next; the ratio moves far less, so it is the
// figure to compare across sessions (Issue 8 asks for the model at ≥ 0.16 of a hand-written
// C heap loop's M/M/1; the kernel's own M/M/1 runs at about half that loop's speed).

import Benchmark
import BenchmarkGates
import ScenarioSpec
import GroupSimulation
import Foundation
import QueueingTheory
import Validation

extension BenchmarkMetric {
    static var modelEventsPerSecond: Self { .custom("model events/s", polarity: .prefersLarger, useScalingFactor: false) }
    static var kernelEventsPerSecond: Self { .custom("M/M/1 events/s", polarity: .prefersLarger, useScalingFactor: false) }
    /// Model events/s over M/M/1 events/s, in thousandths (measurements are integers).
    static var modelOverKernel: Self { .custom("model/M/M/1 ‰", polarity: .prefersLarger, useScalingFactor: false) }
}

func seconds(_ d: Duration) -> Double {
    let (s, attoseconds) = d.components
    return Double(s) + Double(attoseconds) * 1e-18
}

let modelVersusKernel: @Sendable () -> Void = {
    Benchmark(
        "Weekday50-vs-MM1",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal, .modelEventsPerSecond, .kernelEventsPerSecond, .modelOverKernel],
            timeUnits: .milliseconds,
            warmupIterations: 1,
            scalingFactor: .one,
            maxDuration: .seconds(8),
            maxIterations: 5,
            thresholds: [
                // Setup of both models plus the window rows; per-event allocations would add millions.
                .mallocCountTotal: .init(relative: [.p50: 10]),
                .modelOverKernel: timeGate(rate: true),
            ]
        )
    ) { benchmark, input in
        let (queue, scenario) = input
        let clock = ContinuousClock()
        var started = clock.now
        var mm1 = MMcSimulation(queue: queue, customers: 500_000, seed: 20_261_125)
        let kernel = mm1.run()
        let kernelSeconds = seconds(clock.now - started)
        started = clock.now
        let model = ManagementGroupModel.replicate(scenario, replication: 0)
        let modelSeconds = seconds(clock.now - started)
        benchmark.stopMeasurement()
        blackHole(kernel.meanWait)
        blackHole(model.summary.count)
        let kernelRate = Double(kernel.events) / kernelSeconds
        let modelRate = Double(model.events) / modelSeconds
        benchmark.measurement(.kernelEventsPerSecond, Int(kernelRate))
        benchmark.measurement(.modelEventsPerSecond, Int(modelRate))
        benchmark.measurement(.modelOverKernel, Int((1000 * modelRate / kernelRate).rounded()))
    } setup: {
        (try MMcQueue(arrivalRate: 0.9, serviceRate: 1, servers: 1), try weekday(hours: 10))
    }
}
