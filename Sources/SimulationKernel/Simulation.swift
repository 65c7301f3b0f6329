/// The simulated clock and its pending events: the whole state of the kernel.
///
/// A model owns one `Simulation` and drives it: `next(until:)` pops the earliest event,
/// advances the clock to it and hands it back; the model handles it and schedules more.
/// Events are a model-defined value type (an enum over integer ids), so the loop makes no
/// allocation, closure or existential per event once the queue has reached its working size.
public struct Simulation<Event> {
    /// Current simulated time, in seconds. Never decreases.
    @inlinable public var now: Double { clock }
    @usableFromInline var clock: Double = 0
    @usableFromInline var queue: EventQueue<Event>
    /// Events handed to the model so far.
    @inlinable public var eventsProcessed: Int { processed }
    @usableFromInline var processed: Int = 0

    /// Creates a simulation at time 0 with room for `capacity` pending events.
    public init(capacity: Int = 1024) {
        queue = EventQueue(capacity: capacity)
    }

    /// Pending events.
    @inlinable public var pendingCount: Int { queue.count }

    /// Schedules `event` at absolute time `time` (not before `now`).
    /// - Complexity: O(log n).
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double, class sameTime: SameTimeClass) {
        assert(time >= now, "event scheduled in the past: \(time) < \(now)")
        queue.push(event, at: time, class: sameTime, timer: -1)
    }

    /// Schedules `event` `delay` seconds from now.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func schedule(_ event: Event, after delay: Double, class sameTime: SameTimeClass) {
        schedule(event, at: now + delay, class: sameTime)
    }

    /// Creates a timer: a slot that holds at most one pending event.
    /// - Complexity: amortised O(1).
    public mutating func makeTimer() -> TimerID {
        TimerID(index: queue.addTimer())
    }

    /// Schedules `event` on `timer`, replacing whatever the timer held.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double, class sameTime: SameTimeClass, on timer: TimerID) {
        assert(time >= now, "event scheduled in the past: \(time) < \(now)")
        queue.push(event, at: time, class: sameTime, timer: timer.index)
    }

    /// Cancels the event pending on `timer`, if any.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func cancel(_ timer: TimerID) {
        queue.remove(timer: timer.index)
    }

    /// Whether `timer` has an event pending.
    @inlinable
    public func isPending(_ timer: TimerID) -> Bool { queue.isPending(timer: timer.index) }

    /// Creates a frequent timer: like `makeTimer()`, for the few timers re-armed on almost
    /// every event (a station's completion). Re-arming one costs a store, not a sift, and every
    /// pop looks at each of them (`EventQueue+FrequentTimers.swift`); events come out in the
    /// same order either way.
    public mutating func makeFrequentTimer() -> FrequentTimerID {
        FrequentTimerID(index: queue.addFrequentTimer())
    }

    /// Schedules `event` on frequent `timer`, replacing whatever it held.
    /// - Complexity: O(1).
    @inlinable
    public mutating func schedule(_ event: Event, at time: Double, class sameTime: SameTimeClass, on timer: FrequentTimerID) {
        assert(time >= now, "event scheduled in the past: \(time) < \(now)")
        queue.push(event, at: time, class: sameTime, frequent: timer.index)
    }

    /// Cancels the event pending on frequent `timer`, if any.
    @inlinable
    public mutating func cancel(_ timer: FrequentTimerID) { queue.remove(frequent: timer.index) }

    /// Whether frequent `timer` has an event pending.
    @inlinable
    public func isPending(_ timer: FrequentTimerID) -> Bool { queue.isPending(frequent: timer.index) }

    /// Pops the next live event if it is due no later than `limit`, advancing the clock to
    /// it. Otherwise leaves it pending, moves the clock to `limit` and returns nil.
    /// - Complexity: O(log n).
    @inlinable @inline(__always)
    public mutating func next(until limit: Double) -> Event? {
        // Refill the slot the last pop left open (the handler did not): the front is then
        // simply the root.
        if let entry = queue.popFront(notAfter: limit) {
            assert(entry.time >= now, "clock would go backwards")
            clock = entry.time
            processed &+= 1
            return entry.event
        }
        if limit > clock && limit.isFinite { clock = limit }
        return nil
    }
}

/// A model that handles the events of its own `Simulation`.
///
/// Conforming types get `run(until:)` and `run(until:while:)`, generic loops that the
/// compiler specialises for the model, so each event is a direct call.
public protocol DiscreteEventModel {
    associatedtype Event
    var simulation: Simulation<Event> { get set }
    /// Handles one event; the clock already reads the event's time.
    mutating func handle(_ event: Event)
}

extension DiscreteEventModel {
    /// Runs events until the next one would be after `time`; the clock ends at `time`.
    @inlinable
    public mutating func run(until time: Double) {
        while let event = simulation.next(until: time) {
            handle(event)
        }
    }

    /// Runs events until `time` or until `keepGoing` returns false (checked after each event).
    @inlinable
    public mutating func run(until time: Double, while keepGoing: (Self) -> Bool) {
        while keepGoing(self), let event = simulation.next(until: time) {
            handle(event)
        }
    }
}
