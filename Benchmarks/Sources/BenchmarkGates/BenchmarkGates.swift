// Regression gates and custom metrics shared by the benchmark targets.

import Benchmark
import Foundation

/// Tolerance of the time-based gates, in percent of the best iteration (p0): 100 by default,
/// `SMSIM_BENCH_TIME_TOLERANCE=25` on a quiet machine, `=none` to gate on mallocs only.
/// Measured on these shared 2-core VMs: on a quiet machine p0 moves by 2–5 % between runs;
/// while other people build (load 4–5), the median moved 25–90 % and even p0 up to 65 %.
/// So by default only a slow-down to 2× fails — which still catches the gross ones
/// (a hot generic that stops being inlined costs ~8×).
/// For a rate (throughput, events/s) the same slow-down is a smaller percentage: 2× slower
/// is +100 % time but −50 % rate, so the tolerance is converted.
public func timeGate(rate: Bool = false) -> BenchmarkThresholds {
    let setting = ProcessInfo.processInfo.environment["SMSIM_BENCH_TIME_TOLERANCE"] ?? "100"
    guard let percent = Double(setting), percent >= 0 else { return .none }
    return .init(relative: [.p0: rate ? 100 * percent / (100 + percent) : percent])
}

/// Gates for loops that must never allocate, one per metric measured (an unlisted metric
/// would get the default 5 %). Malloc counts are exact: tolerance 0 at every percentile,
/// against the baseline (`baseline check`) and against the committed static value 0 in
/// Thresholds/ (`thresholds check`), so a single allocation per million events fails.
/// No `.instructions`: this VM has no hardware counters (perf_event_open → ENOENT), and in
/// benchmark 1.38.1 any OS-statistics metric (instructions, cpu*) reads /proc inside the
/// measured window, adding 16 framework mallocs per iteration to the malloc count.
public var zeroAllocationGates: [BenchmarkMetric: BenchmarkThresholds] { [
    .mallocCountTotal: .init(absolute: [.p0: 0, .p25: 0, .p50: 0, .p75: 0, .p90: 0, .p99: 0, .p100: 0]),
    .mallocBytesCount: .init(absolute: [.p0: 0, .p50: 0, .p90: 0, .p100: 0]),
    .wallClock: timeGate(),
    .throughput: timeGate(rate: true),
] }

extension BenchmarkMetric {
    public static var eventsPerSecond: Self { .custom("events/s", polarity: .prefersLarger, useScalingFactor: false) }
    public static var nanosecondsPerEvent: Self { .custom("ns/event", polarity: .prefersSmaller, useScalingFactor: false) }
    public static var events: Self { .custom("events per run", polarity: .prefersSmaller, useScalingFactor: false) }
}
