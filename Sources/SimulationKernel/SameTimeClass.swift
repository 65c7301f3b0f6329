/// The order of events that fall on the same instant.
///
/// Events are ordered by time, then by this class, then by the order they were scheduled
/// (first in, first out). The kernel only sorts by the number; the names are the convention
/// the models in this package follow (the same as simmer's): free what is held before the
/// capacity changes, change capacity before serving queues, serve queues before letting new
/// work in, and observe last, so a statistic sampled at an instant sees that instant settled.
///
/// The classes are computed constants, not stored ones: a stored static is a lazily
/// initialised global, read through an accessor call at every scheduling.
public struct SameTimeClass: RawRepresentable, Comparable, Hashable, Sendable {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// A job or session ends and frees what it held (service completions, session ends).
    @inlinable public static var release: SameTimeClass { SameTimeClass(rawValue: 0) }
    /// Capacity changes: a station fails, is repaired or changes role.
    @inlinable public static var capacityChange: SameTimeClass { SameTimeClass(rawValue: 1) }
    /// Queued work is started or dispatched (polls, batch starts, reconnect attempts).
    @inlinable public static var service: SameTimeClass { SameTimeClass(rawValue: 2) }
    /// New work enters: arrivals, think times ending, new sessions.
    @inlinable public static var arrival: SameTimeClass { SameTimeClass(rawValue: 3) }
    /// Bookkeeping that must see the instant settled: window boundaries, the end of warm-up.
    @inlinable public static var observation: SameTimeClass { SameTimeClass(rawValue: 4) }
}
