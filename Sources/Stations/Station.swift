import SimulationKernel

/// How a station shares its servers (cores) between the jobs present.
public enum QueueDiscipline: String, Sendable, CaseIterable {
    /// Every job present is served at once at rate min(1, servers / jobs): a multi-threaded
    /// server whose threads share its cores.
    case processorSharing = "ps"
    /// At most one job per server; the rest wait in line in arrival order.
    case fcfs
}

/// A multi-server queueing station (a management server's CPU, the database) that knows
/// jobs only as integer ids and work only as seconds of service demand.
///
/// Both disciplines run on one virtual clock: `virtualTime` advances at the service rate
/// each job in service receives (min(1, c/n) under processor sharing, 1 under FCFS, 0 while
/// paused), and a job in service finishes when the virtual clock reaches its tag
/// (virtual time at entry + demand). The jobs in service sit in a min-heap of tags, so the
/// next completion is the heap's front: one pending kernel event per station suffices, and
/// every arrival or departure costs O(log n). The owner schedules that event at
/// `nextCompletion(now:)` after each change.
///
/// `arrive`, `completeNext` and `nextCompletion` (and what they use) are always inlined: left to itself the
/// optimiser kept them as calls from the model's module, and each call then took the station
/// out of the model's array and checked that array's uniqueness again.
///
/// The jobs in service sit in storage that copies of a station share (`TagHeap`): a station
/// belongs to one simulation, which never copies it.
public struct Station {
    public let servers: Int
    public let discipline: QueueDiscipline
    @usableFromInline var virtualTime = 0.0
    @usableFromInline var lastUpdate = 0.0
    @usableFromInline var rate = 0.0
    @usableFromInline var inService = TagHeap()
    @usableFromInline var waiting = RingBuffer<WaitingJob>(capacity: 64)
    /// While paused no work is done; jobs still arrive and wait.
    public private(set) var isPaused = false

    @usableFromInline struct WaitingJob {
        @usableFromInline var job: Int32
        @usableFromInline var demand: Double
        @usableFromInline init(job: Int32, demand: Double) {
            self.job = job
            self.demand = demand
        }
    }

    public init(servers: Int, discipline: QueueDiscipline) {
        precondition(servers >= 1, "a station needs at least one server")
        self.servers = servers
        self.discipline = discipline
    }

    /// Jobs present, waiting or in service.
    @inlinable public var jobCount: Int { inService.count + waiting.count }
    /// Servers working right now (0 while paused).
    @inlinable public var busyServers: Int { isPaused ? 0 : Swift.min(inService.count, servers) }

    @inlinable @inline(__always)
    mutating func advance(to now: Double) {
        virtualTime += rate * (now - lastUpdate)
        lastUpdate = now
    }

    @inlinable @inline(__always)
    mutating func updateRate() {
        if isPaused || inService.isEmpty {
            rate = 0
        } else if discipline == .processorSharing {
            // min(1, c/n) is exactly 1 while n ≤ c: no division then (the usual case).
            rate = inService.count <= servers ? 1 : Double(servers) / Double(inService.count)
        } else {
            rate = 1
        }
    }

    /// A job with `demand` seconds of work arrives.
    /// - Complexity: O(log n).
    @inlinable @inline(__always)
    public mutating func arrive(job: Int32, demand: Double, now: Double) {
        advance(to: now)
        if discipline == .fcfs && inService.count >= servers {
            waiting.append(WaitingJob(job: job, demand: demand))
        } else {
            inService.push(tag: virtualTime + demand, job: job)
        }
        updateRate()
    }

    /// Absolute time of the next completion if nothing changes; nil if none is due.
    @inlinable @inline(__always)
    public func nextCompletion(now: Double) -> Double? {
        guard rate > 0, let tag = inService.minTag else { return nil }
        let virtualNow = virtualTime + rate * (now - lastUpdate)
        let left = Swift.max(0, tag - virtualNow)
        // x / 1 is x to the bit: skip the division at full speed.
        return now + (rate == 1 ? left : left / rate)
    }

    /// Removes the job whose service ends now and returns its id.
    /// - Complexity: O(log n).
    @inlinable @inline(__always)
    public mutating func completeNext(now: Double) -> Int32 {
        advance(to: now)
        let job = inService.pop()
        if let next = waiting.popFirst() {
            inService.push(tag: virtualTime + next.demand, job: next.job)
        }
        updateRate()
        return job
    }

    /// Removes a job wherever it is (a dropped connection, a failed server).
    /// Returns whether it was present.
    /// - Complexity: O(n).
    public mutating func remove(job: Int32, now: Double) -> Bool {
        advance(to: now)
        var found = false
        if inService.remove(job: job) {
            found = true
            if let next = waiting.popFirst() {
                inService.push(tag: virtualTime + next.demand, job: next.job)
            }
        } else {
            var kept = RingBuffer<WaitingJob>(capacity: Swift.max(waiting.count, 1))
            while let w = waiting.popFirst() {
                if w.job == job { found = true } else { kept.append(w) }
            }
            waiting = kept
        }
        updateRate()
        return found
    }

    /// Removes every job and returns their ids (service order unspecified, but deterministic).
    public mutating func removeAll(now: Double) -> [Int32] {
        advance(to: now)
        var jobs = inService.allJobs()
        inService = TagHeap()
        while let w = waiting.popFirst() { jobs.append(w.job) }
        updateRate()
        return jobs
    }

    /// Ids of the jobs present, in service first (for checks and tests; allocates).
    public var jobIDs: [Int32] { inService.allJobs() + waiting.map(\.job) }

    /// Stops all work (an outage); jobs keep their remaining demand.
    public mutating func pause(now: Double) {
        advance(to: now)
        isPaused = true
        updateRate()
    }

    /// Resumes work after `pause`.
    public mutating func resume(now: Double) {
        advance(to: now)
        isPaused = false
        updateRate()
    }
}

/// A binary min-heap of (tag, job) pairs, ties broken by job id.
///
/// The pairs live in fixed storage (`FixedArray`: no copy-on-write check on any write; a copy
/// of the heap shares it) and the sifts move a hole instead of swapping, with wrapping index
/// arithmetic (no overflow check per level: the indices stay far below 2^62). The layout after each
/// operation is the one the swapping textbook version gives: `allJobs()` lists the jobs in
/// that layout, and a failed server's jobs are handled in that order.
@usableFromInline
struct TagHeap {
    /// A job and its tag, packed as one unsigned 128-bit key that sorts by tag, then job: the
    /// tag's bit pattern above (tags are never negative, and the bit patterns of non-negative
    /// doubles sort as the doubles do), the job with its sign bit flipped below (so negative
    /// ids would sort as signed integers do). One integer comparison per step, no branch.
    @usableFromInline struct Item {
        @usableFromInline var key: UInt128
        @inlinable @inline(__always) init(tag: Double, job: Int32) {
            assert(tag >= 0, "tags are virtual times, never negative")
            key = UInt128((tag + 0).bitPattern) << 64 | UInt128(UInt32(bitPattern: job) ^ 0x8000_0000)
        }
        @inlinable var tag: Double { Double(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }
        @inlinable var job: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: key) ^ 0x8000_0000) }
        @inlinable func precedes(_ other: Item) -> Bool { key < other.key }
    }

    /// The heap is `items[0..<count]`; the slots above hold stale copies. Fixed storage shared
    /// by copies (a station's owner never copies it), written without copy-on-write checks;
    /// it doubles when full.
    @usableFromInline var items = FixedArray<Item>([])
    @usableFromInline var count = 0

    @usableFromInline init() {}

    @inlinable var isEmpty: Bool { count == 0 }
    @inlinable var minTag: Double? { count > 0 ? items[0].tag : nil }
    /// The live items, written in place.
    @inlinable var heap: UnsafeMutableBufferPointer<Item> {
        UnsafeMutableBufferPointer(start: items.base, count: count)
    }

    @inlinable @inline(__always)
    mutating func push(tag: Double, job: Int32) {
        let item = Item(tag: tag, job: job)
        if count == items.count { items = FixedArray(items, resizedTo: Swift.max(16, 2 * count), filling: item) }
        count &+= 1
        Self.siftUp(heap, from: count &- 1, item: item)
    }

    @inlinable @inline(__always)
    mutating func pop() -> Int32 {
        let heap = self.heap
        count &-= 1
        let last = heap[count]
        guard count > 0 else { return last.job }
        let job = heap[0].job
        Self.siftDown(UnsafeMutableBufferPointer(rebasing: heap[..<count]), from: 0, item: last)
        return job
    }

    @inlinable @inline(__always)
    static func siftUp(_ heap: UnsafeMutableBufferPointer<Item>, from start: Int, item: Item) {
        var hole = start
        while hole > 0 {
            let parent = (hole &- 1) &>> 1
            guard item.precedes(heap[parent]) else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = item
    }

    @inlinable @inline(__always)
    static func siftDown(_ heap: UnsafeMutableBufferPointer<Item>, from start: Int, item: Item) {
        let n = heap.count
        var hole = start
        while true {
            let left = hole &* 2 &+ 1
            if left >= n { break }
            var child = left
            // A select rather than a branch: which child is smaller is a coin toss.
            if left &+ 1 < n { child &+= heap[left &+ 1].precedes(heap[left]) ? 1 : 0 }
            guard heap[child].precedes(item) else { break }
            heap[hole] = heap[child]
            hole = child
        }
        heap[hole] = item
    }

    mutating func remove(job: Int32) -> Bool {
        guard let index = heap.firstIndex(where: { $0.job == job }) else { return false }
        count -= 1
        let last = items[count]
        if index < count {
            // At most one of the two moves anything.
            Self.siftDown(heap, from: index, item: last)
            Self.siftUp(heap, from: index, item: heap[index])
        }
        return true
    }

    func allJobs() -> [Int32] { heap.map(\.job) }
}
