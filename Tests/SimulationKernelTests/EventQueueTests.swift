import Testing
@testable import SimulationKernel

/// The heap itself: push/popFront against a brute-force reference.
@Suite struct EventQueueTests {
    /// A reference entry: the full sort key plus a payload to identify it.
    struct Ref { var time: Double; var sameTime: UInt8; var sequence: Int; var id: Int }

    static func precedes(_ a: Ref, _ b: Ref) -> Bool {
        (a.time, a.sameTime, a.sequence) < (b.time, b.sameTime, b.sequence)
    }

    @Test func emptyQueue() {
        var queue = EventQueue<Int>(capacity: 0)
        #expect(queue.isEmpty)
        #expect(queue.count == 0)
        #expect(queue.nextTime == nil)
        #expect(queue.isValidHeap())
        #expect(queue.popFront() == nil)
        queue.push(7, at: 1.5, class: .service, timer: -1)
        #expect(queue.count == 1)
        #expect(queue.nextTime == 1.5)
        #expect(queue.popFront()?.event == 7)
        #expect(queue.isEmpty)
    }

    /// Thousands of seeded random push/pop sequences: the heap property holds after every
    /// operation and every pop returns the minimum by (time, class, insertion).
    @Test func randomPushPopKeepsHeapAndOrder() {
        var operations = 0
        for seed in UInt64(1)...2000 {
            var rng = SplitMix64(seed: seed)
            var queue = EventQueue<Int>(capacity: 4)
            var reference: [Ref] = []
            var sequence = 0
            // Few distinct times and classes so ties are common.
            let distinctTimes = 1 + rng.below(8)
            let length = 20 + rng.below(120)
            for _ in 0..<length {
                operations += 1
                if rng.below(100) < 60 || reference.isEmpty {
                    let time = Double(rng.below(distinctTimes)) * 0.5
                    let sameTime = UInt8(rng.below(5))
                    queue.push(sequence, at: time, class: SameTimeClass(rawValue: sameTime), timer: -1)
                    reference.append(Ref(time: time, sameTime: sameTime, sequence: sequence, id: sequence))
                    sequence += 1
                } else {
                    let best = reference.indices.min { Self.precedes(reference[$0], reference[$1]) }!
                    let expected = reference.remove(at: best)
                    guard let popped = queue.popFront() else {
                        Issue.record("seed \(seed): queue empty, expected event \(expected.id)")
                        return
                    }
                    if popped.event != expected.id || popped.time != expected.time {
                        Issue.record("seed \(seed): popped \(popped.event)@\(popped.time), expected \(expected.id)@\(expected.time)")
                        return
                    }
                }
                if !queue.isValidHeap() || queue.count != reference.count {
                    Issue.record("seed \(seed): heap invalid or count \(queue.count) != \(reference.count)")
                    return
                }
            }
            // Drain: the remaining pops come out fully sorted.
            var previous: Ref?
            reference.sort(by: Self.precedes)
            for expected in reference {
                let popped = queue.popFront()
                #expect(popped?.event == expected.id)
                if let p = previous { #expect(Self.precedes(p, expected)) }
                previous = expected
            }
            #expect(queue.isEmpty)
        }
        #expect(operations > 100_000)
    }

    /// Pop order is sorted by (time, class, insertion) for a batch pushed all at once.
    @Test func popOrderIsSortedByTimeClassInsertion() {
        var rng = SplitMix64(seed: 99)
        var queue = EventQueue<Int>()
        var keys: [(Double, UInt8, Int)] = []
        for i in 0..<5000 {
            let time = Double(rng.below(50))
            let sameTime = UInt8(rng.below(5))
            queue.push(i, at: time, class: SameTimeClass(rawValue: sameTime), timer: -1)
            keys.append((time, sameTime, i))
        }
        #expect(queue.isValidHeap())
        let expected = keys.sorted { $0 < $1 }.map(\.2)
        var popped: [Int] = []
        while let entry = queue.popFront() { popped.append(entry.event) }
        #expect(popped == expected)
    }

    /// The packed key orders the edge cases as the times do: -0 equals +0 (class and
    /// insertion decide), +∞ comes last, and tiny and huge times keep their order.
    @Test func packedKeyOrdersEdgeTimes() {
        var queue = EventQueue<Int>()
        queue.push(0, at: .infinity, class: .release, timer: -1)
        queue.push(1, at: -0.0, class: .arrival, timer: -1)
        queue.push(2, at: 0.0, class: .release, timer: -1)
        queue.push(3, at: 1e300, class: .release, timer: -1)
        queue.push(4, at: .leastNonzeroMagnitude, class: .release, timer: -1)
        queue.push(5, at: 0.0, class: .arrival, timer: -1)
        var popped: [Int] = []
        while let entry = queue.popFront() { popped.append(entry.event) }
        #expect(popped == [2, 1, 5, 4, 3, 0])
    }

    /// `isValidHeap` really detects a broken heap (so the checks above can fail).
    @Test func isValidHeapDetectsViolation() {
        var queue = EventQueue<Int>()
        for i in 0..<10 { queue.push(i, at: Double(i), class: .release, timer: -1) }
        #expect(queue.isValidHeap())
        queue.entries.swapAt(0, 5)  // the heap's storage, written in place
        #expect(!queue.isValidHeap())
    }
}
