/// A 4-ary min-heap of events keyed by (time, same-time class, insertion sequence), with
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
///
/// The heap's entries, the timers' positions and the frequent timers sit in `FixedArray`s: the
/// sifts write them without copy-on-write checks. So a copy of a queue shares its storage with
/// the original; one simulation owns its queue and never copies it.
public struct EventQueue<Event> {
    /// The heap: `heap[0..<heapCount]`. The slots above hold stale copies (a `FixedArray`'s
    /// elements are all initialised); it doubles when full (`grow`).
    @usableFromInline var heap = FixedArray<QueueEntry<Event>>([])
    @usableFromInline var heapCount = 0
    @usableFromInline let initialCapacity: Int
    @usableFromInline var sequence: UInt64 = 0
    /// Heap index of each timer's pending entry, at the timer's index plus one; -1 when it
    /// has none. Index 0 is a scratch slot that entries on no timer write to, so a sift
    /// records the position of every entry it moves without a branch on the kind of entry.
    /// Empty while the queue has no timers; doubles when full (unused slots hold -1).
    @usableFromInline var positions = FixedArray<Int32>([])
    @usableFromInline var timerCount = 0
    /// Whether `entries[0]` has been popped and its slot is open.
    @usableFromInline var frontTaken = false
    /// Frequent timers (`EventQueue+FrequentTimers.swift`): each one's pending key, or
    /// `UInt128.max` when it has none, its time, and its event.
    /// `FixedArray`s (rebuilt when a timer is added, which models do while they are set up),
    /// so re-arming one costs no copy-on-write check.
    @usableFromInline var frequentKeys = FixedArray<UInt128>([])
    /// The time of each frequent timer's pending entry, +∞ when it has none: what pops scan.
    @usableFromInline var frequentTimes = FixedArray<Double>([])
    @usableFromInline var frequentEvents = FixedArray<Event?>([])
    /// Frequent timers made; the arrays above have room for more (idle, key `UInt128.max`).
    @usableFromInline var frequentCount = 0

    /// Creates an empty queue with room for `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        initialCapacity = Swift.max(capacity, 16)
    }

    /// The heap's live entries, written in place.
    @inlinable var entries: UnsafeMutableBufferPointer<QueueEntry<Event>> {
        UnsafeMutableBufferPointer(start: heap.base, count: heapCount)
    }

    /// The timers' positions, written in place; nil while there are no timers.
    @inlinable var positionBuffer: UnsafeMutableBufferPointer<Int32>? {
        positions.isEmpty ? nil : UnsafeMutableBufferPointer(start: positions.base, count: positions.count)
    }

    @inlinable @inline(__always)
    mutating func appendEntry(_ entry: QueueEntry<Event>) {
        if heapCount == heap.count { grow(filler: entry) }
        heap.base[heapCount] = entry
        heapCount &+= 1
    }

    @inlinable @inline(__always)
    mutating func removeLastEntry() -> QueueEntry<Event> {
        heapCount &-= 1
        return heap.base[heapCount]
    }

    /// Doubles the heap's room, filling the new slots with `filler`.
    @usableFromInline mutating func grow(filler: QueueEntry<Event>) {
        heap = FixedArray(heap, resizedTo: Swift.max(initialCapacity, 2 * heap.count), filling: filler)
    }

    /// Number of pending entries.
    @inlinable public var count: Int { (frontTaken ? entries.count - 1 : entries.count) + frequentPending }
    @inlinable public var isEmpty: Bool { count == 0 }
    /// Time of the entry at the front, if any.
    @inlinable public var nextTime: Double? {
        let key = Swift.min(heapFrontKey, frequentCount == 0 ? .max : frequentKeys[earliestFrequent()])
        return key == .max ? nil : QueueEntry<Event>.time(ofKey: key)
    }

    /// Key of the heap's front entry, `UInt128.max` when the heap is empty.
    @inlinable var heapFrontKey: UInt128 {
        guard frontTaken else { return entries.first?.key ?? .max }
        // The slot at the root is open: the front is the smallest of its children.
        let n = entries.count
        if n <= 1 { return .max }
        return entries[Self.smallestChild(entries, first: 1, count: n)].key
    }

    /// Registers a new timer and returns its index.
    mutating func addTimer() -> Int32 {
        precondition(timerCount + 1 < Int(QueueEntry<Event>.timerMask), "too many timers for the queue's key")
        // Slot 0 is the scratch slot; timer t is at t + 1.
        if timerCount + 2 > positions.count {
            positions = FixedArray(positions, resizedTo: Swift.max(64, 2 * positions.count), filling: -1)
        }
        timerCount += 1
        return Int32(timerCount - 1)
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
            appendEntry(entry)
            siftUp(from: heapCount - 1)
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
    @inlinable @inline(__always)
    mutating func replace(at index: Int, with entry: QueueEntry<Event>) {
        if let positions = positionBuffer {
            Self.replace(entries, at: index, with: entry, positions: positions)
        } else {
            Self.replace(entries, at: index, with: entry, positions: nil)
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
        let last = removeLastEntry()
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
        if frequentCount > 0 {
            // Times first: a heap entry strictly earlier than every frequent timer wins without
            // looking for which timer is earliest. (An empty heap's time reads as NaN, which is
            // earlier than nothing.)
            let time = earliestFrequentTime()
            if !(QueueEntry<Event>.time(ofKey: heapKey) < time) {
                let f = frequentTimer(at: time)
                let key = frequentKeys[f]
                if key < heapKey {
                    guard QueueEntry<Event>.time(ofKey: key) <= limit else { return nil }
                    return takeFrequent(f)
                }
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
        let last = removeLastEntry()
        guard !entries.isEmpty else { return }
        entries[0] = last
        sinkFromRoot()
    }

    /// Moves `entries[0]`, usually a late entry taken from the end, to its place: the open
    /// slot goes down along the smaller child to a leaf (one comparison per level), then the
    /// entry rises from there, seldom more than a level or two.
    @inlinable
    mutating func sinkFromRoot() {
        if let positions = positionBuffer {
            Self.sinkFromRoot(entries, positions: positions)
        } else {
            Self.sinkFromRoot(entries, positions: nil)
        }
    }

    @inlinable
    mutating func siftUp(from start: Int) {
        // Models without timers (the M/M/c validation) skip the position bookkeeping
        // altogether: the sift is compiled for no positions, with no branch per level.
        if let positions = positionBuffer {
            Self.siftUp(entries, from: start, positions: positions)
        } else {
            Self.siftUp(entries, from: start, positions: nil)
        }
    }

    @inlinable
    mutating func siftDown(from start: Int) {
        if let positions = positionBuffer {
            Self.siftDown(entries, from: start, positions: positions)
        } else {
            Self.siftDown(entries, from: start, positions: nil)
        }
    }

    /// Checks the heap property and the timer positions; used by tests. Reads only (a copy
    /// of the queue shares its storage, so closing the open slot here would change it).
    public func isValidHeap() -> Bool {
        // With the root's slot open, the live entries are the rest; each must still not
        // precede its parent, the open root aside.
        let first = frontTaken ? 1 : 0
        let entries = self.entries
        for i in Swift.max(first, 1)..<Swift.max(entries.count, 1) where (i - 1) / 4 >= first {
            if entries[i].precedes(entries[(i - 1) / 4]) { return false }
        }
        for i in first..<entries.count where entries[i].timer >= 0 && positions[entries[i].slot] != Int32(i) {
            return false
        }
        return true
    }
}
