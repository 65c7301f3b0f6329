import Testing
@testable import SimulationKernel

/// Frequent timers live beside the heap; the order of events must be the one a single heap
/// gives, since the model's output depends on it to the bit.
@Suite struct FrequentTimerTests {
    @Test func replaceCancelAndCount() {
        var sim = Simulation<Int>()
        let a = sim.makeFrequentTimer()
        let b = sim.makeFrequentTimer()
        sim.schedule(1, at: 5, class: .service, on: a)
        sim.schedule(2, at: 3, class: .service, on: a)  // replaces 1
        sim.schedule(3, at: 4, class: .service, on: b)
        sim.schedule(9, at: 3.5, class: .service)
        #expect(sim.pendingCount == 3)
        #expect(sim.isPending(a) && sim.isPending(b))
        sim.cancel(b)
        sim.cancel(b)  // nothing pending: harmless
        #expect(!sim.isPending(b))
        #expect(sim.pendingCount == 2)
        #expect(sim.next(until: .infinity) == 2)
        #expect(!sim.isPending(a), "a fired timer has nothing pending")
        #expect(sim.next(until: 3.4) == nil, "not due by the limit")
        #expect(sim.now == 3.4)
        #expect(sim.next(until: .infinity) == 9)
        #expect(sim.next(until: .infinity) == nil)
        #expect(sim.pendingCount == 0)
    }

    @Test func equalTimesFollowClassThenSchedulingOrderAcrossBothKinds() {
        var sim = Simulation<Int>()
        let f = (0..<3).map { _ in sim.makeFrequentTimer() }
        let t = sim.makeTimer()
        sim.schedule(0, at: 2, class: .service, on: f[0])
        sim.schedule(1, at: 2, class: .service)
        sim.schedule(2, at: 2, class: .service, on: t)
        sim.schedule(3, at: 2, class: .service, on: f[2])
        sim.schedule(4, at: 2, class: .release, on: f[1])  // a lower class goes first
        var out: [Int] = []
        while let e = sim.next(until: .infinity) { out.append(e) }
        #expect(out == [4, 0, 1, 2, 3])
    }

    /// The same seeded random program run twice, once with some timers frequent and once with
    /// every timer on the heap: the delivered events and their times are identical.
    @Test func sameOrderAsTheHeapAlone() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for round in 0..<40 {
            var mixed = Simulation<Int>()
            var plain = Simulation<Int>()
            let frequentCount = 1 + round % 12
            let frequent = (0..<frequentCount).map { _ in mixed.makeFrequentTimer() }
            let heapTwins = (0..<frequentCount).map { _ in plain.makeTimer() }
            let timers = (0..<20).map { _ in (mixed.makeTimer(), plain.makeTimer()) }
            var outMixed: [(Int, Double)] = []
            var outPlain: [(Int, Double)] = []
            for step in 0..<2_000 {
                let r = next()
                // Times on a coarse grid, so that equal times (and the class and sequence
                // tie-breaks) come up often.
                let at = mixed.now + Double(r % 8) / 4
                let sameTime = SameTimeClass(rawValue: UInt8((r >> 8) % 5))
                switch (r >> 16) % 6 {
                case 0:
                    let f = Int((r >> 24) % UInt64(frequentCount))
                    mixed.schedule(step, at: at, class: sameTime, on: frequent[f])
                    plain.schedule(step, at: at, class: sameTime, on: heapTwins[f])
                case 1:
                    let f = Int((r >> 24) % UInt64(frequentCount))
                    mixed.cancel(frequent[f])
                    plain.cancel(heapTwins[f])
                case 2:
                    let (m, p) = timers[Int((r >> 24) % 20)]
                    mixed.schedule(step, at: at, class: sameTime, on: m)
                    plain.schedule(step, at: at, class: sameTime, on: p)
                case 3:
                    mixed.schedule(step, at: at, class: sameTime)
                    plain.schedule(step, at: at, class: sameTime)
                default:
                    if let e = mixed.next(until: mixed.now + 1) { outMixed.append((e, mixed.now)) }
                    if let e = plain.next(until: plain.now + 1) { outPlain.append((e, plain.now)) }
                }
                #expect(mixed.pendingCount == plain.pendingCount)
            }
            while let e = mixed.next(until: .infinity) { outMixed.append((e, mixed.now)) }
            while let e = plain.next(until: .infinity) { outPlain.append((e, plain.now)) }
            #expect(outMixed.map(\.0) == outPlain.map(\.0), "round \(round)")
            #expect(outMixed.map(\.1) == outPlain.map(\.1), "round \(round)")
        }
    }
}
