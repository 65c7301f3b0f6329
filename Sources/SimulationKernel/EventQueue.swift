/// A handle to a reusable, cancellable event slot.
///
/// A timer holds at most one pending event. The queue remembers where each timer's entry
/// sits in the heap, so rescheduling moves that entry in place and cancelling removes it:
/// both O(log n), and the heap never carries dead entries.
public struct TimerID: Hashable, Sendable {
    @usableFromInline let index: Int32
    @inlinable init(index: Int32) { self.index = index }
}

/// One queue entry: a small value, a 16-byte key and a timer index plus the event payload.
///
/// The key packs the whole sort order into one unsigned 128-bit number: the time's bit
/// pattern above, the same-time class and insertion sequence below. For times that are
/// zero or positive (the clock starts at 0 and never goes back) the bit patterns of doubles
/// are ordered as the doubles are, +∞ last; so comparing keys as integers orders entries by
/// time, then class, then sequence. One integer comparison has no short-circuit branch,
/// which leaves the heap's sifts without a hard-to-predict branch per level.
@usableFromInline
struct QueueEntry<Event> {
    @usableFromInline var key: UInt128
    /// `-1` for events that are not on a timer.
    @usableFromInline var timer: Int32
    @usableFromInline var event: Event

    @inlinable init(time: Double, order: UInt64, timer: Int32, event: Event) {
        assert(time >= 0, "event times are zero or positive")
        // Adding zero turns -0 into +0, whose bit pattern sorts first.
        key = UInt128((time + 0).bitPattern) << 64 | UInt128(order)
        self.timer = timer
        self.event = event
    }

    @inlinable var time: Double { Double(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }

    @inlinable func precedes(_ other: QueueEntry) -> Bool { key < other.key }
}

/// A binary min-heap of events keyed by (time, same-time class, insertion sequence), with
/// the heap position of every timer's entry kept up to date.
///
/// Keys are unique (the sequence number never repeats), so the pop order is fully
/// determined: equal times with equal class come out first-in, first-out. A rescheduled
/// timer entry takes a new sequence number, as if cancelled and scheduled afresh.
///
/// `popFront` leaves the front entry's slot open instead of refilling it at once: most event
/// handlers schedule a new event next (a station's next completion, a console's next think
/// time), and that entry then goes straight into the open slot and sinks from the root, one
/// sift instead of two (the last entry sinking from the root, then the new one rising from a
/// leaf). Any other operation first closes the slot the usual way. The keys being unique, the
/// pop order does not depend on the heap's shape.
public struct EventQueue<Event> {
    @usableFromInline var entries: ContiguousArray<QueueEntry<Event>>
    @usableFromInline var sequence: UInt64 = 0
    /// Heap index of each timer's pending entry; -1 when it has none.
    @usableFromInline var positions: ContiguousArray<Int32> = []
    /// Whether `entries[0]` has been popped and its slot is open.
    @usableFromInline var frontTaken = false

    /// Creates an empty queue with room for `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        entries = []
        entries.reserveCapacity(capacity)
    }

    /// Number of pending entries.
    @inlinable public var count: Int { frontTaken ? entries.count - 1 : entries.count }
    @inlinable public var isEmpty: Bool { count == 0 }
    /// Time of the entry at the front, if any.
    @inlinable public var nextTime: Double? {
        guard frontTaken else { return entries.first?.time }
        // The slot at the root is open: the front is the smaller of its children.
        let n = entries.count
        if n <= 1 { return nil }
        if n == 2 || entries[1].precedes(entries[2]) { return entries[1].time }
        return entries[2].time
    }

    /// Registers a new timer and returns its index.
    mutating func addTimer() -> Int32 {
        positions.append(-1)
        return Int32(positions.count - 1)
    }

    /// Whether `timer` has a pending entry.
    @inlinable func isPending(timer: Int32) -> Bool { positions[Int(timer)] >= 0 }

    /// Adds an entry; on a timer that already has one, replaces it.
    /// - Complexity: O(log n).
    @inlinable
    mutating func push(_ event: Event, at time: Double, class sameTime: SameTimeClass, timer: Int32) {
        let order = (UInt64(sameTime.rawValue) << 56) | sequence
        sequence &+= 1
        let entry = QueueEntry(time: time, order: order, timer: timer, event: event)
        if timer >= 0 && positions[Int(timer)] >= 0 {
            closeFront()
            replace(at: Int(positions[Int(timer)]), with: entry)
        } else if frontTaken {
            // The open slot is the root: the new entry can only sink from it.
            frontTaken = false
            replace(at: 0, with: entry)
        } else {
            entries.append(entry)
            siftUp(from: entries.count - 1)
        }
    }

    /// Puts `entry` at `index` in place of what was there and moves it to its place, with one
    /// exclusive access to each buffer.
    @inlinable
    mutating func replace(at index: Int, with entry: QueueEntry<Event>) {
        if positions.isEmpty {
            entries.withUnsafeMutableBufferPointer { Self.replace($0, at: index, with: entry, positions: nil) }
        } else {
            positions.withUnsafeMutableBufferPointer { position in
                entries.withUnsafeMutableBufferPointer { Self.replace($0, at: index, with: entry, positions: position) }
            }
        }
    }

    @inlinable @inline(__always)
    static func replace(_ heap: UnsafeMutableBufferPointer<QueueEntry<Event>>, at index: Int, with entry: QueueEntry<Event>,
                        positions: UnsafeMutableBufferPointer<Int32>?) {
        let moveUp = entry.precedes(heap[index])
        heap[index] = entry
        if moveUp {
            siftUp(heap, from: index, positions: positions)
        } else {
            siftDown(heap, from: index, positions: positions)
        }
    }

    /// Removes the pending entry of `timer`, if any.
    /// - Complexity: O(log n).
    @inlinable
    mutating func remove(timer: Int32) {
        guard positions[Int(timer)] >= 0 else { return }
        closeFront()
        let index = Int(positions[Int(timer)])
        positions[Int(timer)] = -1
        let last = entries.removeLast()
        guard index < entries.count else { return }
        let moveUp = last.precedes(entries[index])
        entries[index] = last
        if moveUp { siftUp(from: index) } else { siftDown(from: index) }
    }

    /// Removes and returns the front entry.
    /// - Complexity: O(log n).
    @inlinable
    mutating func popFront() -> QueueEntry<Event>? {
        closeFront()
        guard let front = entries.first else { return nil }
        if front.timer >= 0 { positions[Int(front.timer)] = -1 }
        frontTaken = true
        return front
    }

    /// Fills the slot `popFront` left open with the last entry.
    @inlinable
    mutating func closeFront() {
        guard frontTaken else { return }
        frontTaken = false
        let last = entries.removeLast()
        guard !entries.isEmpty else { return }
        entries[0] = last
        sinkFromRoot()
    }

    /// Moves `entries[0]`, usually a late entry taken from the end, to its place: the open
    /// slot goes down along the smaller child to a leaf (one comparison per level), then the
    /// entry rises from there, seldom more than a level or two.
    @inlinable
    mutating func sinkFromRoot() {
        if positions.isEmpty {
            entries.withUnsafeMutableBufferPointer { Self.sinkFromRoot($0, positions: nil) }
        } else {
            positions.withUnsafeMutableBufferPointer { position in
                entries.withUnsafeMutableBufferPointer { Self.sinkFromRoot($0, positions: position) }
            }
        }
    }

    @inlinable
    mutating func siftUp(from start: Int) {
        // Models without timers (the M/M/c validation) skip the position bookkeeping
        // altogether: no second buffer is opened and the loop carries no extra branch.
        if positions.isEmpty {
            entries.withUnsafeMutableBufferPointer { Self.siftUp($0, from: start, positions: nil) }
        } else {
            positions.withUnsafeMutableBufferPointer { position in
                entries.withUnsafeMutableBufferPointer { Self.siftUp($0, from: start, positions: position) }
            }
        }
    }

    @inlinable
    mutating func siftDown(from start: Int) {
        if positions.isEmpty {
            entries.withUnsafeMutableBufferPointer { Self.siftDown($0, from: start, positions: nil) }
        } else {
            positions.withUnsafeMutableBufferPointer { position in
                entries.withUnsafeMutableBufferPointer { Self.siftDown($0, from: start, positions: position) }
            }
        }
    }

    // The sifts below move a hole instead of swapping, and their index arithmetic wraps
    // (`&+`, `&*`, `truncatingIfNeeded`): a heap's indices and timer numbers are far below
    // 2^31, so the overflow checks Swift would otherwise make at every level cannot fire.

    /// Stores `entry` at `index` and records where its timer's entry now is.
    @inlinable @inline(__always)
    static func put(_ entry: QueueEntry<Event>, at index: Int, in heap: UnsafeMutableBufferPointer<QueueEntry<Event>>,
                    positions: UnsafeMutableBufferPointer<Int32>?) {
        heap[index] = entry
        if let positions, entry.timer >= 0 { positions[Int(entry.timer)] = Int32(truncatingIfNeeded: index) }
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

    /// Checks the heap property and the timer positions; used by tests.
    public func isValidHeap() -> Bool {
        var queue = self
        queue.closeFront()
        let entries = queue.entries
        for i in 1..<max(entries.count, 1) where entries[i].precedes(entries[(i - 1) / 2]) {
            return false
        }
        for (i, e) in entries.enumerated() where e.timer >= 0 && queue.positions[Int(e.timer)] != Int32(i) {
            return false
        }
        return true
    }
}
