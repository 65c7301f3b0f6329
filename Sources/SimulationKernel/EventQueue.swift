/// The order of events that fall on the same instant.
///
/// Events are ordered by time, then by this class, then by the order they were scheduled
/// (first in, first out). The kernel only sorts by the number; the names are the convention
/// the models in this package follow (the same as simmer's): free what is held before the
/// capacity changes, change capacity before serving queues, serve queues before letting new
/// work in, and observe last, so a statistic sampled at an instant sees that instant settled.
public struct SameTimeClass: RawRepresentable, Comparable, Hashable, Sendable {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// A job or session ends and frees what it held (service completions, session ends).
    public static let release = SameTimeClass(rawValue: 0)
    /// Capacity changes: a station fails, is repaired or changes role.
    public static let capacityChange = SameTimeClass(rawValue: 1)
    /// Queued work is started or dispatched (polls, batch starts, reconnect attempts).
    public static let service = SameTimeClass(rawValue: 2)
    /// New work enters: arrivals, think times ending, new sessions.
    public static let arrival = SameTimeClass(rawValue: 3)
    /// Bookkeeping that must see the instant settled: window boundaries, the end of warm-up.
    public static let observation = SameTimeClass(rawValue: 4)
}

/// A handle to a reusable, cancellable event slot.
///
/// A timer holds at most one pending event. Scheduling on it again, or cancelling it,
/// makes the earlier entry stale; stale entries are skipped when they reach the front of
/// the queue (lazy deletion with generation stamps), so cancelling costs O(1) and
/// rescheduling O(log n).
public struct TimerID: Hashable, Sendable {
    @usableFromInline let index: Int32
    @inlinable init(index: Int32) { self.index = index }
}

/// One queue entry: a small value, 24 bytes plus the event payload.
@usableFromInline
struct QueueEntry<Event> {
    @usableFromInline var time: Double
    /// Same-time class in the top 8 bits, insertion sequence in the low 56.
    @usableFromInline var order: UInt64
    /// `-1` for events that cannot be cancelled.
    @usableFromInline var timer: Int32
    @usableFromInline var stamp: UInt32
    @usableFromInline var event: Event

    @inlinable init(time: Double, order: UInt64, timer: Int32, stamp: UInt32, event: Event) {
        self.time = time
        self.order = order
        self.timer = timer
        self.stamp = stamp
        self.event = event
    }

    @inlinable func precedes(_ other: QueueEntry) -> Bool {
        time < other.time || (time == other.time && order < other.order)
    }
}

/// A binary min-heap of events keyed by (time, same-time class, insertion sequence).
///
/// Keys are unique (the sequence number never repeats), so the pop order is fully
/// determined: equal times with equal class come out first-in, first-out.
public struct EventQueue<Event> {
    @usableFromInline var entries: ContiguousArray<QueueEntry<Event>>
    @usableFromInline var sequence: UInt64 = 0

    /// Creates an empty queue with room for `capacity` entries before it grows.
    public init(capacity: Int = 1024) {
        entries = []
        entries.reserveCapacity(capacity)
    }

    /// Number of entries, stale ones included.
    @inlinable public var count: Int { entries.count }
    @inlinable public var isEmpty: Bool { entries.isEmpty }
    /// Time of the entry at the front, if any.
    @inlinable public var nextTime: Double? { entries.first?.time }

    /// Adds an entry.
    /// - Complexity: O(log n).
    @inlinable
    mutating func push(_ event: Event, at time: Double, class sameTime: SameTimeClass, timer: Int32, stamp: UInt32) {
        let order = (UInt64(sameTime.rawValue) << 56) | sequence
        sequence &+= 1
        entries.append(QueueEntry(time: time, order: order, timer: timer, stamp: stamp, event: event))
        siftUp(from: entries.count - 1)
    }

    /// Removes and returns the front entry.
    /// - Complexity: O(log n).
    @inlinable
    mutating func popFront() -> QueueEntry<Event>? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        let front = entries[0]
        siftDown(placing: last)
        return front
    }

    @inlinable
    mutating func siftUp(from start: Int) {
        entries.withUnsafeMutableBufferPointer { heap in
            let item = heap[start]
            var hole = start
            while hole > 0 {
                let parent = (hole - 1) >> 1
                guard item.precedes(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = item
        }
    }

    /// Puts `item` at the root and sifts it down into place.
    @inlinable
    mutating func siftDown(placing item: QueueEntry<Event>) {
        entries.withUnsafeMutableBufferPointer { heap in
            let n = heap.count
            var hole = 0
            while true {
                var child = 2 * hole + 1
                if child >= n { break }
                if child + 1 < n && heap[child + 1].precedes(heap[child]) { child += 1 }
                guard heap[child].precedes(item) else { break }
                heap[hole] = heap[child]
                hole = child
            }
            heap[hole] = item
        }
    }

    /// Checks the heap property; used by tests.
    public func isValidHeap() -> Bool {
        for i in 1..<max(entries.count, 1) where entries[i].precedes(entries[(i - 1) / 2]) {
            return false
        }
        return true
    }
}
