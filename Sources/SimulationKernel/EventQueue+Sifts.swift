/// The heap's sifts, on the raw buffers: no copy-on-write or exclusivity checks per level.
///
/// The heap is 4-ary: entry i's children are 4i + 1 … 4i + 4, its parent (i − 1) / 4. Against
/// a binary heap that halves the levels a sift walks, for one more comparison per level; the
/// four children of a node sit in two cache lines, and the three comparisons among them are
/// two independent pairs and a final, not a chain.
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
            let parent = (hole &- 1) &>> 2
            let above = heap[parent]
            guard item.precedes(above) else { break }
            put(above, at: hole, in: heap, positions: positions)
            hole = parent
        }
        put(item, at: hole, in: heap, positions: positions)
    }

    /// Index of the smallest of the children of the node whose first child is `first` (< n).
    @inlinable @inline(__always)
    static func smallestChild(_ heap: UnsafeMutableBufferPointer<QueueEntry<Event>>, first: Int, count n: Int) -> Int {
        if first &+ 3 < n {
            // Selects rather than branches: which child is smallest is a coin toss.
            let a = heap[first &+ 1].precedes(heap[first]) ? first &+ 1 : first
            let b = heap[first &+ 3].precedes(heap[first &+ 2]) ? first &+ 3 : first &+ 2
            return heap[b].precedes(heap[a]) ? b : a
        }
        var best = first
        var j = first &+ 1
        while j < n {
            best = heap[j].precedes(heap[best]) ? j : best
            j &+= 1
        }
        return best
    }

    @inlinable @inline(__always)
    static func siftDown(_ heap: UnsafeMutableBufferPointer<QueueEntry<Event>>, from start: Int,
                         positions: UnsafeMutableBufferPointer<Int32>?) {
        let n = heap.count
        let item = heap[start]
        var hole = start
        while true {
            let first = hole &* 4 &+ 1
            if first >= n { break }
            let child = smallestChild(heap, first: first, count: n)
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
            let first = hole &* 4 &+ 1
            if first >= n { break }
            let child = smallestChild(heap, first: first, count: n)
            put(heap[child], at: hole, in: heap, positions: positions)
            hole = child
        }
        rise(item, from: hole, in: heap, positions: positions)
    }
}
