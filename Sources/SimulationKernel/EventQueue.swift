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
    /// Heap index of each timer's pending entry, at the timer's index plus one; -1 when it
    /// has none. Index 0 is a scratch slot that entries on no timer write to, so a sift
    /// records the position of every entry it moves without a branch on the kind of entry.
    /// Empty while the queue has no timers.
    @usableFromInline var positions: ContiguousArray<Int32> = []
    /// Whether `entries[0]` has been popped and its slot is open.
    @usableFromInline var frontTaken = false
    /// Frequent timers (`EventQueue+FrequentTimers.swift`): each one's pending key, or
    /// `UInt128.max` when it has none, and its event.
    /// `FixedArray`s (rebuilt when a timer is added, which models do while they are set up),
    /// so re-arming one costs no copy-on-write check.
    @usableFromInline var frequentKeys = FixedArray<UInt128>([])
    @usableFromInline var frequentEvents = FixedArray<Event?>([])
    /// Frequent timers with a pending entry.
    @usableFromInline var frequentPending = 0

    /// Creates an empty queue with room for `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        entries = []
        entries.reserveCapacity(capacity)
    }

    /// Number of pending entries.
    @inlinable public var count: Int { (frontTaken ? entries.count - 1 : entries.count) + frequentPending }
    @inlinable public var isEmpty: Bool { count == 0 }
    /// Time of the entry at the front, if any.
    @inlinable public var nextTime: Double? {
        let key = Swift.min(heapFrontKey, frequentKeys.isEmpty ? .max : frequentKeys[earliestFrequent()])
        return key == .max ? nil : QueueEntry<Event>.time(ofKey: key)
    }

    /// Key of the heap's front entry, `UInt128.max` when the heap is empty.
    @inlinable var heapFrontKey: UInt128 {
        guard frontTaken else { return entries.first?.key ?? .max }
        // The slot at the root is open: the front is the smaller of its children.
        let n = entries.count
        if n <= 1 { return .max }
        if n == 2 || entries[1].precedes(entries[2]) { return entries[1].key }
        return entries[2].key
    }

    /// Registers a new timer and returns its index.
    mutating func addTimer() -> Int32 {
        if positions.isEmpty { positions.append(-1) }
        precondition(positions.count <= Int(QueueEntry<Event>.timerMask), "too many timers for the queue's key")
        positions.append(-1)
        return Int32(positions.count - 2)
    }

    /// Whether `timer` has a pending entry.
    @inlinable func isPending(timer: Int32) -> Bool { positions[Int(timer) &+ 1] >= 0 }

    /// Adds an entry; on a timer that already has one, replaces it.
    /// - Complexity: O(log n).
    @inlinable
    mutating func push(_ event: Event, at time: Double, class sameTime: SameTimeClass, timer: Int32) {
        let entry = QueueEntry(time: time, order: nextOrder(sameTime, timer: timer), event: event)
        if timer >= 0 && positions[Int(timer) &+ 1] >= 0 {
            closeFront()
            replace(at: Int(positions[Int(timer) &+ 1]), with: entry)
        } else if frontTaken {
            // The open slot is the root: the new entry can only sink from it.
            frontTaken = false
            replace(at: 0, with: entry)
        } else {
            entries.append(entry)
            siftUp(from: entries.count - 1)
        }
    }

    /// The lower half of the next entry's key: its class, a new sequence number, its timer.
    @inlinable @inline(__always)
    mutating func nextOrder(_ sameTime: SameTimeClass, timer: Int32) -> UInt64 {
        precondition(sameTime.rawValue < 8, "same-time classes are 0 to 7")
        precondition(sequence >> UInt64(QueueEntry<Event>.sequenceBits) == 0, "the queue's sequence numbers ran out")
        let order = UInt64(sameTime.rawValue) << 61 | sequence << UInt64(QueueEntry<Event>.timerBits)
            | UInt64(truncatingIfNeeded: timer &+ 1)
        sequence &+= 1
        return order
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
        let slot = Int(timer) &+ 1
        guard positions[slot] >= 0 else { return }
        closeFront()
        let index = Int(positions[slot])
        positions[slot] = -1
        let last = entries.removeLast()
        guard index < entries.count else { return }
        let moveUp = last.precedes(entries[index])
        entries[index] = last
        if moveUp { siftUp(from: index) } else { siftDown(from: index) }
    }

    /// Removes and returns the front entry, whether on the heap or on a frequent timer.
    /// - Complexity: O(log n).
    @inlinable
    mutating func popFront() -> QueueEntry<Event>? { popFront(notAfter: .infinity) }

    /// Removes and returns the front entry if it is due no later than `limit`.
    /// - Complexity: O(log n) plus one look at each frequent timer.
    @inlinable @inline(__always)
    mutating func popFront(notAfter limit: Double) -> QueueEntry<Event>? {
        closeFront()
        let heapKey = entries.first?.key ?? .max
        if !frequentKeys.isEmpty {
            let f = earliestFrequent()
            let key = frequentKeys[f]
            if key < heapKey {
                guard QueueEntry<Event>.time(ofKey: key) <= limit else { return nil }
                return takeFrequent(f)
            }
        }
        // An empty heap's key reads as NaN, which is due at no limit.
        guard QueueEntry<Event>.time(ofKey: heapKey) <= limit else { return nil }
        let front = entries[0]
        if !positions.isEmpty { positions[front.slot] = -1 }
        frontTaken = true
        return front
    }

    /// Fills the slot `popFront` left open with the last entry.
    @inlinable @inline(__always)
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

    /// Checks the heap property and the timer positions; used by tests.
    public func isValidHeap() -> Bool {
        var queue = self
        queue.closeFront()
        let entries = queue.entries
        for i in 1..<max(entries.count, 1) where entries[i].precedes(entries[(i - 1) / 2]) {
            return false
        }
        for (i, e) in entries.enumerated() where e.timer >= 0 && queue.positions[e.slot] != Int32(i) {
            return false
        }
        return true
    }
}
