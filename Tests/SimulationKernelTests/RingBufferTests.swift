import Testing
import SimulationKernel

@Suite struct RingBufferTests {
    @Test func emptyBuffer() {
        var buffer = RingBuffer<Int>(capacity: 0)
        #expect(buffer.isEmpty)
        #expect(buffer.count == 0)
        #expect(buffer.first == nil)
        #expect(buffer.popFirst() == nil)
        #expect(Array(buffer).isEmpty)
    }

    @Test func fifoAcrossGrowth() {
        var buffer = RingBuffer<Int>(capacity: 1)
        for i in 0..<1000 { buffer.append(i) }
        #expect(buffer.count == 1000)
        #expect(Array(buffer) == Array(0..<1000))
        var out: [Int] = []
        while let x = buffer.popFirst() { out.append(x) }
        #expect(out == Array(0..<1000))
        #expect(buffer.isEmpty)
    }

    /// Growth while the contents wrap around the end of the storage.
    @Test func fifoAcrossWrapAroundThenGrowth() {
        var buffer = RingBuffer<Int>(capacity: 4)
        for i in 0..<3 { buffer.append(i) }        // [0 1 2 _]
        #expect(buffer.popFirst() == 0)
        #expect(buffer.popFirst() == 1)             // head at 2
        for i in 3..<6 { buffer.append(i) }         // wraps: [4 5 2 3], full
        #expect(Array(buffer) == [2, 3, 4, 5])
        buffer.append(6)                            // grows while wrapped
        #expect(buffer.count == 5)
        #expect(buffer.first == 2)
        #expect(Array(buffer) == [2, 3, 4, 5, 6])
        var out: [Int] = []
        while let x = buffer.popFirst() { out.append(x) }
        #expect(out == [2, 3, 4, 5, 6])
    }

    /// Seeded random interleavings of append and pop against an array.
    @Test func randomInterleavingsMatchArray() {
        for seed in UInt64(1)...300 {
            var rng = SplitMix64(seed: seed)
            var buffer = RingBuffer<Int>(capacity: 1 + rng.below(8))
            var reference: [Int] = []
            var front = 0
            var next = 0
            for _ in 0..<500 {
                if rng.below(100) < 55 {
                    buffer.append(next)
                    reference.append(next)
                    next += 1
                } else {
                    let expected = front < reference.count ? reference[front] : nil
                    if expected != nil { front += 1 }
                    let got = buffer.popFirst()
                    if got != expected {
                        Issue.record("seed \(seed): popped \(String(describing: got)), expected \(String(describing: expected))")
                        return
                    }
                }
                if buffer.count != reference.count - front || buffer.first != (front < reference.count ? reference[front] : nil) {
                    Issue.record("seed \(seed): count or first wrong")
                    return
                }
            }
            #expect(Array(buffer) == Array(reference[front...]), "seed \(seed)")
        }
    }

    @Test func removeAllEmptiesAndBufferIsReusable() {
        var buffer = RingBuffer<String>(capacity: 2)
        for s in ["a", "b", "c"] { buffer.append(s) }
        _ = buffer.popFirst()
        buffer.append("d")
        buffer.removeAll()
        #expect(buffer.isEmpty)
        #expect(buffer.first == nil)
        #expect(buffer.popFirst() == nil)
        for s in ["x", "y", "z", "w", "v"] { buffer.append(s) }
        #expect(Array(buffer) == ["x", "y", "z", "w", "v"])
        #expect(buffer.popFirst() == "x")
    }

    /// Reference-typed elements are released when popped, not kept alive by the storage.
    @Test func poppedElementsAreReleased() {
        final class Box {}
        var buffer = RingBuffer<Box>(capacity: 2)
        weak var weakBox: Box?
        do {
            let box = Box()
            weakBox = box
            buffer.append(box)
        }
        #expect(weakBox != nil)
        _ = buffer.popFirst()
        #expect(weakBox == nil)
    }
}
