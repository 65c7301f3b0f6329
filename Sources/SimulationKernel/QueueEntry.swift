/// A handle to a reusable, cancellable event slot.
///
/// A timer holds at most one pending event. The queue remembers where each timer's entry
/// sits in the heap, so rescheduling moves that entry in place and cancelling removes it:
/// both O(log n), and the heap never carries dead entries.
public struct TimerID: Hashable, Sendable {
    @usableFromInline let index: Int32
    @inlinable init(index: Int32) { self.index = index }
}

/// A handle to a frequent timer (`Simulation.makeFrequentTimer()`): at most one pending
/// event, kept beside the heap rather than in it.
public struct FrequentTimerID: Hashable, Sendable {
    @usableFromInline let index: Int32
    @inlinable init(index: Int32) { self.index = index }
}

/// One queue entry: a 16-byte key and the event payload.
///
/// The key packs the whole sort order into one unsigned 128-bit number: the time's bit
/// pattern in the upper half; below it the same-time class (3 bits), the insertion sequence
/// (40 bits) and, lowest, the entry's timer plus one (21 bits, 0 for an event on no timer).
/// For times that are zero or positive (the clock starts at 0 and never goes back) the bit
/// patterns of doubles are ordered as the doubles are, +∞ last; so comparing keys as
/// integers orders entries by time, then class, then sequence, and the timer bits never
/// decide anything because sequences are unique. One integer comparison has no
/// short-circuit branch, which leaves the heap's sifts without a hard-to-predict branch per
/// level; and with the timer inside the key an entry moved by a sift is the key and the
/// payload only.
@usableFromInline
struct QueueEntry<Event> {
    /// The key's halves, stored as two 64-bit words: a `UInt128` field would align the entry
    /// to 16 bytes and pad it to 32; as two words an entry with a small payload takes 24.
    @usableFromInline var high: UInt64
    @usableFromInline var low: UInt64
    @inlinable var key: UInt128 {
        @inline(__always) get { UInt128(high) << 64 | UInt128(low) }
    }
    @usableFromInline var event: Event

    /// Bits of the key's lower half below the sequence: the timer plus one.
    @inlinable static var timerBits: Int { 21 }
    /// Bits of the sequence number.
    @inlinable static var sequenceBits: Int { 40 }
    @inlinable static var timerMask: UInt64 { (1 &<< UInt64(timerBits)) &- 1 }

    @inlinable init(time: Double, order: UInt64, event: Event) {
        assert(time >= 0, "event times are zero or positive")
        // Adding zero turns -0 into +0, whose bit pattern sorts first.
        high = (time + 0).bitPattern
        low = order
        self.event = event
    }

    @inlinable var time: Double { Double(bitPattern: high) }
    @inlinable static func time(ofKey key: UInt128) -> Double { Double(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }
    @inlinable init(key: UInt128, event: Event) {
        high = UInt64(truncatingIfNeeded: key >> 64)
        low = UInt64(truncatingIfNeeded: key)
        self.event = event
    }
    /// Index in `positions` of the entry's timer: the timer plus one, or 0 (a scratch slot)
    /// for an event on no timer.
    @inlinable var slot: Int { Int(truncatingIfNeeded: low & Self.timerMask) }
    /// The timer this entry is on, or -1.
    @inlinable var timer: Int32 { Int32(truncatingIfNeeded: slot) &- 1 }

    @inlinable func precedes(_ other: QueueEntry) -> Bool { key < other.key }
}
