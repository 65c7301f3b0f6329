/// What a station is working on: one console's request, the workflow job in one engine-thread
/// slot, or the current object of a scheduled job (a connector, grooming, a data warehouse job).
/// Stations know a job only by an `Int32`; `ModelConfig.id(_:)` and `job(_:)` are the one place
/// that packs and unpacks it (consoles take `0..<consoleCapacity`, then the slots, then the
/// scheduled jobs, the promotion work, the portal's visits, the workflow rules' poll queries).
enum StationJob: Equatable {
    case console(Int)
    case workflow(slot: Int)
    case scheduled(job: Int)
    /// The promoted server's own work after a promotion procedure (`+Promotion.swift`).
    case promotionWork
    /// A Self-Service Portal visit's request (`+Portal.swift`).
    case portal(user: Int)
    /// A workflow rule's poll query in the database (`+WorkflowRules.swift`).
    case pollQuery(rule: Int)
}

extension ModelConfig {
    /// The station job id of `job`.
    @inline(__always)
    func id(_ job: StationJob) -> Int32 {
        switch job {
        case .console(let c): Int32(c)
        case .workflow(let s): Int32(consoleCapacity + s)
        case .scheduled(let j): Int32(consoleCapacity + workflowConcurrency + j)
        case .promotionWork: Int32(consoleCapacity + workflowConcurrency + scheduledJobs.count)
        case .portal(let u): Int32(consoleCapacity + workflowConcurrency + scheduledJobs.count + 1 + u)
        case .pollQuery(let r): Int32(consoleCapacity + workflowConcurrency + scheduledJobs.count + 1 + portalSlots + r)
        }
    }

    /// The job a station job id stands for.
    @inline(__always)
    func job(_ id: Int32) -> StationJob {
        let i = Int(id)
        if i < consoleCapacity { return .console(i) }
        let slot = i - consoleCapacity
        if slot < workflowConcurrency { return .workflow(slot: slot) }
        let j = slot - workflowConcurrency
        if j < scheduledJobs.count { return .scheduled(job: j) }
        if j == scheduledJobs.count { return .promotionWork }
        let u = j - scheduledJobs.count - 1
        return u < portalSlots ? .portal(user: u) : .pollQuery(rule: u - portalSlots)
    }
}
