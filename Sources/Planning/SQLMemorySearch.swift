import GroupSimulation
import RunOutput
import ScenarioSpec

/// `smsim size --sql-memory`: the least SQL Server memory, among the sizes a planner can buy,
/// for which every service level objective holds (verdict PASS at 95 % confidence) with the
/// scenario's servers as written.
///
/// Memory only ever helps (a larger buffer pool misses less), so the search first runs the
/// largest size (nothing smaller can hold if it does not) and then bisects the sorted list,
/// ending with a size that holds next to one that does not. Every size runs with the same
/// seed and replications (common random numbers), at most once.
public struct SQLMemorySearch {
    public struct Result: Sendable {
        /// The answer, GiB.
        public var memory: Double
        /// Every simulated size, in the order simulated.
        public var evaluations: [Evaluation]
        public var chosen: Evaluation { evaluations.first { $0.memory == memory }! }
        /// The next smaller candidate, simulated and not holding; nil when the answer is the smallest.
        public var below: Evaluation?
    }

    /// Not even the largest size meets the objectives. Carries what was simulated.
    public struct Unattainable: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var evaluations: [Evaluation]
        public var description: String { message }
    }

    public let scenario: Scenario
    /// The sizes to choose from, GiB, smallest first, each once.
    public let candidates: [Double]
    public let slo: ServiceLevelObjectives

    public init(scenario: Scenario, candidates: [Double], slo: ServiceLevelObjectives) throws {
        guard !slo.isEmpty else {
            throw PlanningError("no service level objective to size for: set an slo block in the scenario or give one as an option")
        }
        let db = scenario.managementGroup.database
        guard db.inventory != nil || db.rows > 0 else {
            throw PlanningError("the database has no size: give managementGroup.database.inventory (or rows) to size its memory")
        }
        let sorted = Array(Set(candidates)).sorted()
        guard let smallest = sorted.first else { throw PlanningError("no SQL memory size to try") }
        guard smallest > db.reservedMemory, sorted.allSatisfy(\.isFinite) else {
            throw PlanningError("every SQL memory size must be above reservedMemory (\(NumberFormat.literal(db.reservedMemory)) GiB), "
                                + "got \(NumberFormat.literal(smallest))")
        }
        self.scenario = scenario
        self.candidates = sorted
        self.slo = slo
    }

    /// `scenario` with `memory` GiB of SQL Server memory.
    public func variant(_ memory: Double) throws -> Scenario {
        var s = scenario
        s.managementGroup.database.memory = memory
        do {
            try s.validate()
        } catch {
            throw PlanningError("managementGroup.database.memory = \(NumberFormat.literal(memory)): \(error.field): \(error.message)")
        }
        return s
    }

    /// Runs the search. `simulate` runs a scenario's replications; `log` hears each size simulated.
    public func run(simulate: (Scenario) throws -> RunReport, log: (Evaluation) -> Void = { _ in }) throws -> Result {
        var cache: [Int: Evaluation] = [:]
        var order: [Evaluation] = []
        func evaluate(_ i: Int) throws -> Evaluation {
            if let known = cache[i] { return known }
            let variant = try variant(candidates[i])
            let report = try simulate(variant)
            let e = Evaluation(step: "memory", scenario: variant, report: report, slo: slo)
            cache[i] = e
            order.append(e)
            log(e)
            return e
        }
        var high = candidates.count - 1  // known to hold
        let largest = try evaluate(high)
        guard largest.holds else {
            let failed = largest.verdicts.filter { $0.verdict != .pass }.map { "\($0.name) \($0.verdict.rawValue)" }
            throw Unattainable(message: "no SQL memory up to \(NumberFormat.literal(largest.memory)) GiB meets the objectives "
                               + "(at \(NumberFormat.literal(largest.memory)) GiB: \(failed.joined(separator: ", "))); "
                               + "memory is not what limits this group, or a larger size is needed", evaluations: order)
        }
        var low = -1  // known not to hold (−1: below every candidate)
        while high - low > 1 {
            let middle = (low + high) / 2
            if try evaluate(middle).holds { high = middle } else { low = middle }
        }
        return Result(memory: candidates[high], evaluations: order, below: low >= 0 ? cache[low] : nil)
    }
}

extension SQLMemorySearch {
    /// `sql-memory.csv`: one row per simulated size, smallest first.
    public static func csv(_ evaluations: [Evaluation], scenario: Scenario) -> String {
        let footprint = scenario.managementGroup.database.footprint
        var out = "scenario,database_gib,hot_gib,memory_gib,replications,holds,hit_ratio,"
            + "\(Metric.latencyP95.csvName),latency_p95_ci95,\(Metric.storageUtilizationPeak.csvName),storage_utilization_peak_ci95,verdicts\n"
        let gib = 1_073_741_824.0
        for e in evaluations.sorted(by: { $0.memory < $1.memory }) {
            func n(_ x: Double?) -> String { x.map { NumberFormat.csv($0) } ?? "" }
            let p95 = e.report.estimate(.latencyP95), storage = e.report.estimate(.storageUtilizationPeak, station: scenario.managementGroup.database.name)
            let verdicts = e.verdicts.map { "\($0.name)=\($0.verdict.rawValue)" }.joined(separator: " ")
            out += "\(scenario.name),\(n(footprint.pages * DatabaseFootprint.pageBytes / gib)),"
                + "\(n(footprint.hotPages * DatabaseFootprint.pageBytes / gib)),\(n(e.memory)),\(e.report.replications.count),"
                + "\(e.holds ? 1 : 0),\(n(e.hitRatio)),\(n(p95?.mean)),\(n(p95?.halfWidth)),\(n(storage?.mean)),\(n(storage?.halfWidth)),\(verdicts)\n"
        }
        return out
    }
}
