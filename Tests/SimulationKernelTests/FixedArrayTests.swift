import Testing
@testable import SimulationKernel

@Suite struct FixedArrayTests {
    @Test func buildsFromArraysSequencesAndRepeats() {
        #expect(Array(FixedArray([3, 1, 2])) == [3, 1, 2])
        #expect(Array(FixedArray((0..<5).reversed())) == [4, 3, 2, 1, 0], "a sequence without contiguous storage")
        #expect(Array(FixedArray(repeating: 7, count: 3)) == [7, 7, 7])
        #expect(FixedArray<Int>([]).isEmpty)
    }

    @Test func writesInPlaceAndCopiesShareTheElements() {
        let a = FixedArray(repeating: 0, count: 4)
        let b = a
        a[1] = 5
        b[2] += 3
        #expect(Array(a) == [0, 5, 3, 0])
        #expect(Array(b) == Array(a), "a copy is another handle on the same elements")
        let snapshot = Array(a)
        a[0] = 9
        #expect(snapshot == [0, 5, 3, 0], "Array(_:) copies")
    }

    @Test func resizingKeepsThePrefixAndFills() {
        let a = FixedArray([1, 2, 3])
        #expect(Array(FixedArray(a, resizedTo: 6, filling: -1)) == [1, 2, 3, -1, -1, -1])
        #expect(Array(FixedArray(a, resizedTo: 2, filling: -1)) == [1, 2])
        #expect(Array(a) == [1, 2, 3], "the old storage is untouched")
    }

    /// Elements that hold references are released with the storage (no leak, no double free).
    @Test func releasesItsElements() {
        final class Token {}
        weak var watched: Token?
        do {
            let token = Token()
            watched = token
            let a = FixedArray(repeating: token, count: 3)
            let b = FixedArray(a, resizedTo: 5, filling: token)
            #expect(b.count == 5)
        }
        #expect(watched == nil)
    }
}
