import QueueingTheory
import ScenarioSpec

extension ManagementGroup.Database {
    /// Fraction of logical page reads SQL Server's buffer pool answers, from the database's
    /// footprint and its memory less `reservedMemory` (Che's approximation of LRU with
    /// Zipf-like popularity, Design.md "SQL memory and I/O"); nil without `memory`.
    ///
    /// A database given as rows is one popularity law over all its pages. An inventory's
    /// pages are two segments: the hot working set, taking 1 − `coldReads` of the reads, and
    /// the cold retained items and history, taking the rest; each spreads its reads by the
    /// same `popularity`. Computed once per scenario, never per event.
    public var bufferPoolHitRatio: Double? {
        guard let memory else { return nil }
        let gib = 1_073_741_824.0
        let footprint = self.footprint
        let cache = max(0, (memory - reservedMemory) * gib / DatabaseFootprint.pageBytes)
        let hot = footprint.hotPages, cold = footprint.coldPages
        let pool: LRUCacheApproximation?
        if inventory != nil, footprint.coldReads > 0, hot >= 1, cold >= 1 {
            pool = try? LRUCacheApproximation(segments: [.init(items: hot, share: 1 - footprint.coldReads),
                                                           .init(items: cold, share: footprint.coldReads)],
                                                capacity: cache, skew: popularity)
        } else {
            pool = try? LRUCacheApproximation(items: footprint.pages, capacity: cache, skew: popularity)
        }
        return pool?.hitRatio() ?? 1
    }
}
