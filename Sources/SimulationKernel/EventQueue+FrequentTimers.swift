/// Frequent timers: the few timers a model re-arms on almost every event (a station's next
/// completion moves at every arrival and departure). They stay out of the heap: each keeps its
/// pending key and event in a short array, so re-arming one is a store instead of a sift through
/// a heap holding every console's think time, and a pop looks at all of them once to find the
/// earliest. That suits a handful of timers (a management group's stations), not hundreds.
///
/// Their keys come from the same sequence as the heap's, so the pop order over both is the
/// order one heap would give: `(time, class, sequence)`, unique.
///
/// Beside the keys, each timer's time alone sits in an array of doubles (+∞ when idle), which
/// the pop scans: the earliest time is a running minimum and finding which timer holds it a
/// running count and sum, loops without branches that the compiler turns into vector
/// instructions (two doubles at a time). Whole keys are compared only when several timers
/// share the earliest time.
extension EventQueue {
    /// Registers a new frequent timer and returns its index.
    mutating func addFrequentTimer() -> Int32 {
        if frequentCount == frequentKeys.count {
            let room = Swift.max(16, 2 * frequentCount)
            frequentKeys = FixedArray(frequentKeys, resizedTo: room, filling: .max)
            frequentTimes = FixedArray(frequentTimes, resizedTo: room, filling: .infinity)
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
        frequentKeys[i] = key
        frequentTimes[i] = time + 0
        frequentEvents[i] = event
    }

    /// Removes frequent timer `f`'s pending entry, if any.
    @inlinable
    mutating func remove(frequent f: Int32) {
        let i = Int(f)
        frequentKeys[i] = .max
        frequentTimes[i] = .infinity
    }

    /// Frequent timers with a pending entry.
    @usableFromInline var frequentPending: Int { (0..<frequentCount).count { frequentKeys[$0] != .max } }

    /// Index of the frequent timer with the smallest key (any, when none is pending; at least
    /// one timer must exist).
    @inlinable @inline(__always)
    func earliestFrequent() -> Int { frequentTimer(at: earliestFrequentTime()) }

    /// The earliest time of a pending frequent timer, +∞ when none is pending. The scan runs
    /// over whole groups of four times: the room beyond the last timer holds +∞ and is a
    /// multiple of 16.
    @inlinable @inline(__always)
    func earliestFrequentTime() -> Double {
        let times = frequentTimes.base
        let n = (frequentCount &+ 3) & ~3
        @inline(__always) func earlier(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
        var m0 = Double.infinity, m1 = m0, m2 = m0, m3 = m0
        var i = 0
        while i < n {
            m0 = earlier(m0, times[i])
            m1 = earlier(m1, times[i &+ 1])
            m2 = earlier(m2, times[i &+ 2])
            m3 = earlier(m3, times[i &+ 3])
            i &+= 4
        }
        return earlier(earlier(m0, m1), earlier(m2, m3))
    }

    /// Index of the frequent timer with the smallest key among those at `time`, the earliest
    /// time (`earliestFrequentTime()`); any timer when none is pending.
    @inlinable @inline(__always)
    func frequentTimer(at time: Double) -> Int {
        let times = frequentTimes.base
        let n = (frequentCount &+ 3) & ~3
        // With one timer at that time, the sum of the indices at that time is its index.
        var sharing = 0
        var at = 0
        var i = 0
        while i < n {
            let hit = times[i] == time
            sharing &+= hit ? 1 : 0
            at &+= hit ? i : 0
            i &+= 1
        }
        if sharing == 1 { return at }
        // Several due at once (or none pending, all +∞): the whole keys decide.
        let keys = frequentKeys.base
        var best = 0
        for j in 1..<Swift.max(frequentCount, 1) where keys[j] < keys[best] { best = j }
        return best
    }

    /// Takes frequent timer `f`'s pending entry off it and returns it.
    @inlinable @inline(__always)
    mutating func takeFrequent(_ f: Int) -> QueueEntry<Event> {
        let entry = QueueEntry(key: frequentKeys[f], event: frequentEvents[f].unsafelyUnwrapped)
        frequentKeys[f] = .max
        frequentTimes[f] = .infinity
        return entry
    }
}
