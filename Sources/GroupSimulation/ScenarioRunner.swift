import Foundation
import ScenarioSpec
import Synchronization

/// Runs replications of a scenario in parallel and gathers them in replication order, so
/// the results are the same whatever the thread count or scheduling.
public enum ScenarioRunner {
    /// Replications `range` of `scenario` on `threads` threads; `progress` is called (from any
    /// thread, serialised) after each replication with the number finished so far.
    public static func run(_ scenario: Scenario, replications range: Range<Int>, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) -> [ReplicationResult] {
        let count = range.count
        guard count > 0 else { return [] }
        let results = Mutex<[ReplicationResult?]>(Array(repeating: nil, count: count))
        let next = Atomic<Int>(0)
        let finished = Mutex<Int>(0)
        let workers = max(1, min(threads, count))
        // Config time, once: every replication shares the flattened scenario.
        let config = ModelConfig(scenario: scenario)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                let result = ManagementGroupModel.replicate(scenario, config: config, replication: range.lowerBound + i)
                results.withLock { $0[i] = result }
                if let progress {
                    finished.withLock { n in
                        n += 1
                        progress(n)
                    }
                }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
