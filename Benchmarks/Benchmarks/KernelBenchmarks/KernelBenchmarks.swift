// The event kernel under the classic hold model (Jones 1986; Vaucher & Duval 1975):
// N events pending; each step pops the earliest one and schedules it again at
// now + Exp(1). The queue stays at exactly N entries, so after a warm-up the loop must
// not allocate at all — that is gated below (mallocs per iteration must stay 0).
//
// One iteration = 1 000 000 events (scalingFactor .mega): the scaled figures in the
// table are per event (ns/event, mallocs/event), throughput is events/s.

import Benchmark
import BenchmarkGates
import Foundation
import SimulationKernel
import Stochastics

/// A small model-defined event, as the real models use (an enum over integer ids).
enum HoldEvent {
    case job(Int32)
}

/// The hold model as a kernel client; a value type like the real models.
struct HoldModel: DiscreteEventModel {
    var simulation: Simulation<HoldEvent>
    let increments: RandomStream
    var checksum = 0

    init(pending: Int, seed: UInt32) {
        simulation = Simulation(capacity: pending)
        increments = RandomStream(gslSeed: seed, name: "hold")
        for i in 0..<pending {
            simulation.schedule(.job(Int32(truncatingIfNeeded: i)), at: increments.exponential(mean: 1), class: .arrival)
        }
    }

    mutating func handle(_ event: HoldEvent) {
        switch event {
        case .job(let id): checksum &+= Int(id)
        }
        simulation.schedule(event, after: increments.exponential(mean: 1), class: .arrival)
    }

    /// Processes exactly `events` events.
    mutating func hold(events: Int) {
        for _ in 0..<events {
            guard let event = simulation.next(until: .infinity) else { fatalError("hold model ran dry") }
            handle(event)
        }
    }
}

/// Reference box so the setup closure can hand a warmed-up model to the measured closure;
/// `box.model.hold(...)` mutates the struct in place (one exclusive access per iteration).
final class HoldBox {
    var model: HoldModel
    init(_ model: HoldModel) { self.model = model }
}

let benchmarks: @Sendable () -> Void = {
    let eventsPerIteration = BenchmarkScalingFactor.mega // 1 000 000 events per iteration

    for pending in [1_000, 100_000] {
        Benchmark(
            "HoldModel-N\(pending)",
            configuration: .init(
                metrics: [.throughput, .wallClock, .mallocCountTotal, .mallocBytesCount],
                timeUnits: .nanoseconds,
                warmupIterations: 1,
                scalingFactor: eventsPerIteration,
                maxDuration: .seconds(4),
                maxIterations: 30,
                thresholds: zeroAllocationGates
            )
        ) { benchmark, box in
            box.model.hold(events: benchmark.scaledIterations.count)
            blackHole(box.model.checksum)
        } setup: { () -> HoldBox in
            // Build the queue and reach its working size outside the measured region:
            // every entry rescheduled about 10 times (at least 1 M events).
            var model = HoldModel(pending: pending, seed: 20_261_125)
            model.hold(events: max(10 * pending, 1_000_000))
            return HoldBox(model)
        }
    }
}
