/// The heap's sifts, on the raw buffers: no copy-on-write or exclusivity checks per level.
extension EventQueue {
    // The sifts below move a hole instead of swapping, and their index arithmetic wraps
    // (`&+`, `&*`, `truncatingIfNeeded`): a heap's indices and timer numbers are far below
    // 2^31, so the overflow checks Swift would otherwise make at every level cannot fire.

    /// Stores `entry` at `index` and records where its timer's entry now is (an entry on no
    /// timer writes to the scratch slot).
    @inlinable @inline(__always)
    static func put(_ entry: QueueEntry<Event>, at index: Int, in heap: UnsafeMutableBufferPointer<QueueEntry<Event>>,
                    positions: UnsafeMutableBufferPointer<Int32>?) {
        heap[index] = entry
        if let positions { positions[entry.slot] = Int32(truncatingIfNeeded: index) }
    }

    @inlinable @inline(__always)
    static func siftUp(_ heap: UnsafeMutableBufferPointer<QueueEntry<Event>>, from start: Int,
                       positions: UnsafeMutableBufferPointer<Int32>?) {
        rise(heap[start], from: start, in: heap, positions: positions)
    }

    /// Moves the hole at `start` up until `item` fits in it, and puts `item` there.
    @inlinable @inline(__always)
    static func rise(_ item: QueueEntry<Event>, from start: Int, in heap: UnsafeMutableBufferPointer<QueueEntry<Event>>,
                     positions: UnsafeMutableBufferPointer<Int32>?) {
        var hole = start
        while hole > 0 {
            let parent = (hole &- 1) &>> 1
            let above = heap[parent]
            guard item.precedes(above) else { break }
            put(above, at: hole, in: heap, positions: positions)
            hole = parent
        }
        put(item, at: hole, in: heap, positions: positions)
    }

    @inlinable @inline(__always)
    static func siftDown(_ heap: UnsafeMutableBufferPointer<QueueEntry<Event>>, from start: Int,
                         positions: UnsafeMutableBufferPointer<Int32>?) {
        let n = heap.count
        let item = heap[start]
        var hole = start
        while true {
            var child = hole &* 2 &+ 1
            if child >= n { break }
            // A select rather than a branch: which child is smaller is a coin toss.
            if child &+ 1 < n { child &+= heap[child &+ 1].precedes(heap[child]) ? 1 : 0 }
            let below = heap[child]
            guard below.precedes(item) else { break }
            put(below, at: hole, in: heap, positions: positions)
            hole = child
        }
        put(item, at: hole, in: heap, positions: positions)
    }

    @inlinable @inline(__always)
    static func sinkFromRoot(_ heap: UnsafeMutableBufferPointer<QueueEntry<Event>>,
                             positions: UnsafeMutableBufferPointer<Int32>?) {
        let n = heap.count
        let item = heap[0]
        var hole = 0
        while true {
            var child = hole &* 2 &+ 1
            if child >= n { break }
            // A select rather than a branch: which child is smaller is a coin toss.
            if child &+ 1 < n { child &+= heap[child &+ 1].precedes(heap[child]) ? 1 : 0 }
            put(heap[child], at: hole, in: heap, positions: positions)
            hole = child
        }
        rise(item, from: hole, in: heap, positions: positions)
    }
}
