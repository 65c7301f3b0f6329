/// Frequent timers: the few timers a model re-arms on almost every event (a station's next
/// completion moves at every arrival and departure). They stay out of the heap: each keeps its
/// pending key and event in a short array, so re-arming one is a store instead of a sift through
/// a heap holding every console's think time, and a pop looks at all of them once to find the
/// earliest. That suits a handful of timers (a management group's stations), not hundreds.
///
/// Their keys come from the same sequence as the heap's, so the pop order over both is the
/// order one heap would give: `(time, class, sequence)`, unique.
extension EventQueue {
    /// Registers a new frequent timer and returns its index.
    mutating func addFrequentTimer() -> Int32 {
        if frequentCount == frequentKeys.count {
            let room = Swift.max(16, 2 * frequentCount)
            frequentKeys = FixedArray(frequentKeys, resizedTo: room, filling: .max)
            frequentEvents = FixedArray(frequentEvents, resizedTo: room, filling: nil)
        }
        frequentCount += 1
        return Int32(frequentCount - 1)
    }

    /// Whether frequent timer `f` has a pending entry.
    @inlinable func isPending(frequent f: Int32) -> Bool { frequentKeys[Int(f)] != .max }

    /// Sets frequent timer `f`'s entry, replacing any it had.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    mutating func push(_ event: Event, at time: Double, class sameTime: SameTimeClass, frequent f: Int32) {
        let key = QueueEntry(time: time, order: nextOrder(sameTime, timer: -1), event: event).key
        let i = Int(f)
        if frequentKeys[i] == .max { frequentPending &+= 1 }
        frequentKeys[i] = key
        frequentEvents[i] = event
    }

    /// Removes frequent timer `f`'s pending entry, if any.
    @inlinable
    mutating func remove(frequent f: Int32) {
        let i = Int(f)
        guard frequentKeys[i] != .max else { return }
        frequentKeys[i] = .max
        frequentPending &-= 1
    }

    /// Index of the frequent timer with the smallest key (any, when none is pending). Which
    /// station finishes next is not predictable, so a scan comparing whole 128-bit keys branched
    /// wrongly often; this one finds the earliest time with 64-bit selects, then counts the keys
    /// at that time, and only when several share it (seldom) compares their whole keys.
    @inlinable @inline(__always)
    func earliestFrequent() -> Int {
        let keys = frequentKeys.storage.base
        let count = frequentCount
        @inline(__always) func time(_ i: Int) -> UInt64 { UInt64(truncatingIfNeeded: keys[i] >> 64) }
        var best = 0
        var bestTime = time(0)
        var i = 1
        while i < count {
            let t = time(i)
            let earlier = t < bestTime
            best = earlier ? i : best
            bestTime = earlier ? t : bestTime
            i &+= 1
        }
        var sharing = 0
        i = 0
        while i < count {
            sharing &+= time(i) == bestTime ? 1 : 0
            i &+= 1
        }
        if sharing > 1 {
            for j in 0..<count where keys[j] < keys[best] { best = j }
        }
        return best
    }

    /// Takes frequent timer `f`'s pending entry off it and returns it.
    @inlinable @inline(__always)
    mutating func takeFrequent(_ f: Int) -> QueueEntry<Event> {
        let entry = QueueEntry(key: frequentKeys[f], event: frequentEvents[f].unsafelyUnwrapped)
        frequentKeys[f] = .max
        frequentPending &-= 1
        return entry
    }
}
