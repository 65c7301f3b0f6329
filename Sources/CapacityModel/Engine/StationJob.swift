/// What a station is working on: one console's request or the workflow job in one engine-thread
/// slot. Stations know a job only by an `Int32`; `ModelConfig.id(_:)` and `job(_:)` are the one
/// place that packs and unpacks it (consoles take `0..<consoleCapacity`, slots the numbers after).
enum StationJob: Equatable {
    case console(Int)
    case workflow(slot: Int)
}

extension ModelConfig {
    /// The station job id of `job`.
    @inline(__always)
    func id(_ job: StationJob) -> Int32 {
        switch job {
        case .console(let c): Int32(c)
        case .workflow(let s): Int32(consoleCapacity + s)
        }
    }

    /// The job a station job id stands for.
    @inline(__always)
    func job(_ id: Int32) -> StationJob {
        Int(id) < consoleCapacity ? .console(Int(id)) : .workflow(slot: Int(id) - consoleCapacity)
    }
}
