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

    @inlinable
    mutating func advance(to now: Double) {
        virtualTime += rate * (now - lastUpdate)
        lastUpdate = now
    }

    @inlinable
    mutating func updateRate() {
        if isPaused || inService.isEmpty {
            rate = 0
        } else if discipline == .processorSharing {
            rate = Swift.min(1, Double(servers) / Double(inService.count))
        } else {
            rate = 1
        }
    }

    /// A job with `demand` seconds of work arrives.
    /// - Complexity: O(log n).
    @inlinable
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
    @inlinable
    public func nextCompletion(now: Double) -> Double? {
        guard rate > 0, let tag = inService.minTag else { return nil }
        let virtualNow = virtualTime + rate * (now - lastUpdate)
        return now + Swift.max(0, tag - virtualNow) / rate
    }

    /// Removes the job whose service ends now and returns its id.
    /// - Complexity: O(log n).
    @inlinable
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
@usableFromInline
struct TagHeap {
    @usableFromInline var tags: ContiguousArray<Double> = []
    @usableFromInline var jobs: ContiguousArray<Int32> = []

    @usableFromInline init() {}

    @inlinable var count: Int { tags.count }
    @inlinable var isEmpty: Bool { tags.isEmpty }
    @inlinable var minTag: Double? { tags.first }

    @inlinable func less(_ i: Int, _ j: Int) -> Bool {
        tags[i] < tags[j] || (tags[i] == tags[j] && jobs[i] < jobs[j])
    }

    @inlinable
    mutating func swapAt(_ i: Int, _ j: Int) {
        tags.swapAt(i, j)
        jobs.swapAt(i, j)
    }

    @inlinable
    mutating func push(tag: Double, job: Int32) {
        tags.append(tag)
        jobs.append(job)
        var i = tags.count - 1
        while i > 0 {
            let parent = (i - 1) >> 1
            guard less(i, parent) else { break }
            swapAt(i, parent)
            i = parent
        }
    }

    @inlinable
    mutating func pop() -> Int32 {
        let job = jobs[0]
        let last = tags.count - 1
        swapAt(0, last)
        tags.removeLast()
        jobs.removeLast()
        siftDown(0)
        return job
    }

    @inlinable
    mutating func siftDown(_ start: Int) {
        var i = start
        let n = tags.count
        while true {
            let l = 2 * i + 1
            if l >= n { return }
            var m = l
            if l + 1 < n && less(l + 1, l) { m = l + 1 }
            guard less(m, i) else { return }
            swapAt(i, m)
            i = m
        }
    }

    mutating func remove(job: Int32) -> Bool {
        guard let index = jobs.firstIndex(of: job) else { return false }
        let last = tags.count - 1
        swapAt(index, last)
        tags.removeLast()
        jobs.removeLast()
        if index < tags.count {
            siftDown(index)
            var i = index
            while i > 0 {
                let parent = (i - 1) >> 1
                guard less(i, parent) else { break }
                swapAt(i, parent)
                i = parent
            }
        }
        return true
    }

    func allJobs() -> [Int32] { Array(jobs) }
}
