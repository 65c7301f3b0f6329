// A whole model on the kernel: M/M/1 FCFS at ρ = 0.9 (λ = 0.9, μ = 1) through
// Validation's MMcSimulation, 500 000 customers per run (≈ 1 000 000 events: one arrival
// and one departure per customer). Each iteration builds the model and runs it, so the
// malloc count is the per-run setup (random streams, the waiting line, the event heap,
// a few arrays) — a small constant that must not grow with the number of events.
//
// Figures: `events/s` and `ns/event` (custom metrics, from the events the kernel counted
// and the iteration's wall time), mallocs per run (÷ ≈ 1 000 000 for mallocs per event).

import Benchmark
import BenchmarkGates
import Foundation
import QueueingTheory
import Validation

let customersPerRun = 500_000

/// Mallocs per run (24 today: two random streams, the waiting line, the event heap and the
/// queue's other tables, three per-server tables; a `FixedArray` is an object and a buffer
/// where an array was one buffer, and the queue's empty tables are objects too; 11 before
/// issue 22's speed work) may drift by at most 4 from the baseline and from the static value in
/// Thresholds/ — an absolute constant, so a per-event allocation (≈ 1 000 000 per run)
/// cannot hide. Time-based metrics only for gross slow-downs of the best iteration
/// (`timeGate()`); the event count only flags a change of the model's semantics (1 %).
/// No `.instructions`: see KernelBenchmarks.swift (no PMU here; pollutes malloc counts).
var gates: [BenchmarkMetric: BenchmarkThresholds] { [
    .mallocCountTotal: .init(absolute: [.p0: 4, .p25: 4, .p50: 4, .p75: 4, .p90: 4, .p99: 4, .p100: 4]),
    .mallocBytesCount: .init(relative: [.p50: 25, .p90: 25]),
    .wallClock: timeGate(),
    .eventsPerSecond: timeGate(rate: true),
    .nanosecondsPerEvent: timeGate(),
    .events: .init(relative: [.p50: 1]),
] }

let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "MM1-rho0.9",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal, .mallocBytesCount,
                      .eventsPerSecond, .nanosecondsPerEvent, .events],
            timeUnits: .milliseconds,
            warmupIterations: 1,
            scalingFactor: .one,
            maxDuration: .seconds(4),
            maxIterations: 30,
            thresholds: gates
        )
    ) { benchmark, queue in
        let clock = ContinuousClock()
        let started = clock.now
        var model = MMcSimulation(queue: queue, customers: customersPerRun, seed: 20_261_125)
        let result = model.run()
        let elapsed = clock.now - started
        benchmark.stopMeasurement()
        blackHole(result.meanWait)
        let (seconds, attoseconds) = elapsed.components
        let nanoseconds = Double(seconds) * 1e9 + Double(attoseconds) * 1e-9
        benchmark.measurement(.eventsPerSecond, Int(Double(result.events) / nanoseconds * 1e9))
        benchmark.measurement(.nanosecondsPerEvent, Int((nanoseconds / Double(result.events)).rounded()))
        benchmark.measurement(.events, result.events)
    } setup: {
        try MMcQueue(arrivalRate: 0.9, serviceRate: 1, servers: 1)
    }
}
