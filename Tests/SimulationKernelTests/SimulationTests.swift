import Testing
@testable import SimulationKernel

@Suite struct SimulationTests {
    /// Drains every event due by `limit`, returning them in delivery order.
    static func drain(_ sim: inout Simulation<Int>, until limit: Double = .infinity) -> [Int] {
        var out: [Int] = []
        while let e = sim.next(until: limit) { out.append(e) }
        return out
    }

    @Test func startsAtZeroAndEmpty() {
        var sim = Simulation<Int>()
        #expect(sim.now == 0)
        #expect(sim.pendingCount == 0)
        #expect(sim.eventsProcessed == 0)
        #expect(sim.next(until: .infinity) == nil)
        #expect(sim.now == 0, "an infinite limit must not move the clock")
    }

    @Test func fifoAmongEqualTimeAndClass() {
        var sim = Simulation<Int>()
        for i in 0..<200 { sim.schedule(i, at: 5, class: .service) }
        #expect(Self.drain(&sim) == Array(0..<200))
        #expect(sim.now == 5)
        #expect(sim.eventsProcessed == 200)
    }

    @Test func lowerClassFirstAtEqualTimes() {
        var sim = Simulation<Int>()
        // Scheduled in reverse class order, plus an early high-class and a late low-class event.
        sim.schedule(4, at: 2, class: .observation)
        sim.schedule(3, at: 2, class: .arrival)
        sim.schedule(2, at: 2, class: .service)
        sim.schedule(1, at: 2, class: .capacityChange)
        sim.schedule(0, at: 2, class: .release)
        sim.schedule(9, at: 3, class: .release)
        sim.schedule(-1, at: 1, class: .observation)
        #expect(Self.drain(&sim) == [-1, 0, 1, 2, 3, 4, 9])
    }

    @Test func sameTimeClassOrderingAndValues() {
        let classes: [SameTimeClass] = [.release, .capacityChange, .service, .arrival, .observation]
        #expect(classes.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(classes == classes.sorted())
        #expect(SameTimeClass(rawValue: 200) > .observation)
    }

    @Test func scheduleAfterIsRelativeToNow() {
        var sim = Simulation<Int>()
        sim.schedule(1, at: 10, class: .arrival)
        #expect(sim.next(until: .infinity) == 1)
        sim.schedule(2, after: 2.5, class: .arrival)
        sim.schedule(3, after: 0, class: .arrival)
        #expect(sim.next(until: .infinity) == 3)
        #expect(sim.now == 10)
        #expect(sim.next(until: .infinity) == 2)
        #expect(sim.now == 12.5)
    }

    @Test func nextUntilLeavesLaterEventsPendingAndMovesClockToLimit() {
        var sim = Simulation<Int>()
        sim.schedule(1, at: 3, class: .arrival)
        sim.schedule(2, at: 10, class: .arrival)
        #expect(sim.next(until: 4) == 1)
        #expect(sim.now == 3)
        #expect(sim.next(until: 4) == nil)
        #expect(sim.now == 4)
        #expect(sim.pendingCount == 1)
        // The limit is inclusive.
        #expect(sim.next(until: 10) == 2)
        #expect(sim.now == 10)
        #expect(sim.pendingCount == 0)
    }

    @Test func clockNeverGoesBackwards() {
        var sim = Simulation<Int>()
        #expect(sim.next(until: 7) == nil)
        #expect(sim.now == 7)
        #expect(sim.next(until: 2) == nil)
        #expect(sim.now == 7, "an earlier limit must not move the clock back")
        #expect(sim.next(until: -.infinity) == nil)
        #expect(sim.now == 7)
        #expect(sim.next(until: .nan) == nil)
        #expect(sim.now == 7)
    }

    @Test func cancelledTimerEventIsNeverDelivered() {
        var sim = Simulation<Int>()
        let timer = sim.makeTimer()
        sim.schedule(1, at: 5, class: .service, on: timer)
        sim.schedule(2, at: 6, class: .service)
        sim.cancel(timer)
        #expect(Self.drain(&sim) == [2])
        #expect(sim.eventsProcessed == 1, "cancelled events are not counted")
        #expect(sim.pendingCount == 0, "the cancelled entry left the heap")
    }

    @Test func reschedulingATimerReplacesItsPendingEvent() {
        var sim = Simulation<Int>()
        let a = sim.makeTimer()
        let b = sim.makeTimer()
        #expect(a != b)
        // Earlier replacement.
        sim.schedule(1, at: 5, class: .service, on: a)
        sim.schedule(2, at: 3, class: .service, on: a)
        // Later replacement.
        sim.schedule(3, at: 4, class: .service, on: b)
        sim.schedule(4, at: 8, class: .service, on: b)
        #expect(Self.drain(&sim) == [2, 4])
        #expect(sim.now == 8)
        #expect(sim.eventsProcessed == 2)
    }

    @Test func timerCanBeReusedAfterFiringOrCancelling() {
        var sim = Simulation<Int>()
        let t = sim.makeTimer()
        sim.schedule(1, at: 1, class: .arrival, on: t)
        #expect(sim.next(until: .infinity) == 1)
        sim.cancel(t)  // nothing pending: harmless
        sim.schedule(2, at: 2, class: .arrival, on: t)
        sim.cancel(t)
        sim.schedule(3, at: 3, class: .arrival, on: t)
        #expect(Self.drain(&sim) == [3])
    }

    @Test func cancellingOneTimerLeavesOthers() {
        var sim = Simulation<Int>()
        let timers = (0..<5).map { _ in sim.makeTimer() }
        for (i, t) in timers.enumerated() { sim.schedule(i, at: Double(i), class: .service, on: t) }
        sim.cancel(timers[1])
        sim.cancel(timers[3])
        #expect(Self.drain(&sim) == [0, 2, 4])
    }

    /// Thousands of seeded random schedule / timer / cancel / next sequences against a
    /// reference: delivered events, their order and the clock all match, the heap stays
    /// valid, and the clock never decreases.
    @Test func randomOperationsMatchReference() {
        struct Pending { var time: Double; var sameTime: UInt8; var sequence: Int; var id: Int; var timer: Int? }
        func precedes(_ a: Pending, _ b: Pending) -> Bool {
            (a.time, a.sameTime, a.sequence) < (b.time, b.sameTime, b.sequence)
        }
        var delivered = 0
        var cancelled = 0
        for seed in UInt64(1)...1500 {
            var rng = SplitMix64(seed: seed &* 7919)
            var sim = Simulation<Int>(capacity: 2)
            var timers: [TimerID] = []
            var pending: [Pending] = []
            var sequence = 0
            var expectedClock = 0.0
            var deliveredHere = 0
            for _ in 0..<(30 + rng.below(120)) {
                let op = rng.below(100)
                let time = sim.now + Double(rng.below(6)) * 0.25
                let sameTime = UInt8(rng.below(5))
                if op < 35 {
                    sim.schedule(sequence, at: time, class: SameTimeClass(rawValue: sameTime))
                    pending.append(Pending(time: time, sameTime: sameTime, sequence: sequence, id: sequence, timer: nil))
                    sequence += 1
                } else if op < 55 {
                    if timers.isEmpty || rng.below(4) == 0 { timers.append(sim.makeTimer()) }
                    let k = rng.below(timers.count)
                    sim.schedule(sequence, at: time, class: SameTimeClass(rawValue: sameTime), on: timers[k])
                    pending.removeAll { $0.timer == k }
                    pending.append(Pending(time: time, sameTime: sameTime, sequence: sequence, id: sequence, timer: k))
                    sequence += 1
                } else if op < 65 {
                    guard !timers.isEmpty else { continue }
                    let k = rng.below(timers.count)
                    sim.cancel(timers[k])
                    if pending.contains(where: { $0.timer == k }) { cancelled += 1 }
                    pending.removeAll { $0.timer == k }
                } else {
                    let limit = rng.below(10) == 0 ? Double.infinity : sim.now + Double(rng.below(8)) * 0.2
                    let got = sim.next(until: limit)
                    let best = pending.indices.min { precedes(pending[$0], pending[$1]) }
                    if let best, pending[best].time <= limit {
                        let expected = pending.remove(at: best)
                        if got != expected.id {
                            Issue.record("seed \(seed): got \(String(describing: got)), expected \(expected.id)")
                            return
                        }
                        expectedClock = expected.time
                        delivered += 1
                        deliveredHere += 1
                    } else {
                        if got != nil {
                            Issue.record("seed \(seed): got \(got!) but nothing live was due by \(limit)")
                            return
                        }
                        if limit.isFinite { expectedClock = max(expectedClock, limit) }
                    }
                    if sim.now != expectedClock {
                        Issue.record("seed \(seed): clock \(sim.now), expected \(expectedClock)")
                        return
                    }
                }
                if !sim.queue.isValidHeap() || sim.pendingCount != pending.count {
                    Issue.record("seed \(seed): heap invalid or lost entries")
                    return
                }
            }
            // Drain what is left: exactly the live reference entries, in key order.
            let clockBeforeDrain = sim.now
            let rest = Self.drain(&sim)
            #expect(rest == pending.sorted(by: precedes).map(\.id), "seed \(seed)")
            #expect(sim.now >= clockBeforeDrain)
            #expect(sim.pendingCount == 0)
            #expect(sim.eventsProcessed == deliveredHere + rest.count, "cancelled events are never counted")
        }
        #expect(delivered > 10_000)
        #expect(cancelled > 1_000)
    }
}
