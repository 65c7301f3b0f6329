import ScenarioSpec
import RunOutput

/// The station of a run closest to its limit, and why: the busiest management server's CPU,
/// the database's CPU, its storage, the workflow engine's poll capacity or the portal's
/// server. Each is given a load where 1 is the limit: a CPU's or the storage's busiest
/// window (utilization), the workflow engine's p95 lag beyond one poll interval (the wait
/// for the next poll, which no capacity removes) over the lag objective (5 minutes without
/// one, an assumption), with its backlog and what its polls and workers can take.
///
/// A saturated resource explains the queues behind it: when a CPU or the storage is at 0.9
/// or more in its busiest window it is named even if the workflow backlog's load is higher
/// (slow jobs pile up in the backlog too).
public struct Bottleneck: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case serverCPU = "management server CPU"
        case databaseCPU = "database CPU"
        case storage = "database storage"
        case workflowEngine = "workflow engine"
        case portalServer = "portal server"
    }

    public struct Candidate: Sendable, Equatable {
        public var kind: Kind
        /// The station's name (MS01, SQL); the workflow engine runs on the initial server.
        public var station: String
        /// 1 is the limit.
        public var load: Double
        /// Why, in a planner's words: utilization, hit ratio, backlog.
        public var reasons: [String]
    }

    public var named: Candidate
    /// Every station considered, most loaded first.
    public var ranking: [Candidate]

    /// Lag the workflow engine is judged against without a p95WorkflowLag objective.
    public static let defaultLagLimit = 300.0

    public init?(_ report: RunReport, scenario: Scenario) {
        var all: [Candidate] = []
        let f = NumberFormat.table
        func mean(_ m: Metric, _ station: String = "all") -> Double? {
            report.estimate(m, station: station).map(\.mean).flatMap { $0.isFinite ? $0 : nil }
        }
        let portalServer = scenario.portal?.server
        for server in scenario.layout.servers {
            guard let peak = mean(.utilizationPeak, server.name) else { continue }
            let kind: Kind = server.name == portalServer ? .portalServer : .serverCPU
            var reasons = ["busiest window \(f(peak)) of its \(server.cores) cores (mean \(mean(.utilization, server.name).map { f($0) } ?? "n/a"))"]
            if server.isInitial { reasons.append("it also runs the workflow engine") }
            if kind == .portalServer { reasons.append("the Self-Service Portal's requests land here") }
            all.append(Candidate(kind: kind, station: server.name, load: peak, reasons: reasons))
        }
        let db = scenario.managementGroup.database
        if let peak = mean(.utilizationPeak, db.name) {
            all.append(Candidate(kind: .databaseCPU, station: db.name, load: peak,
                                 reasons: ["busiest window \(f(peak)) of its \(db.cores) cores (mean \(mean(.utilization, db.name).map { f($0) } ?? "n/a"))"]))
        }
        if db.memory != nil, let peak = mean(.storageUtilizationPeak, db.name) {
            var reasons = ["busiest window \(f(peak)) busy (mean \(mean(.storageUtilization, db.name).map { f($0) } ?? "n/a"))"]
            if let hit = mean(.databaseHitRatio, db.name) {
                reasons.append("buffer-pool hit ratio \(f(hit)): \(f((1 - hit) * 100)) % of page reads go to storage")
            }
            if let queue = mean(.storageQueueLengthMean, db.name) { reasons.append("\(f(queue)) reads in service or queued on average") }
            all.append(Candidate(kind: .storage, station: db.name, load: peak, reasons: reasons))
        }
        if let lag = mean(.workflowLagP95), let backlog = mean(.workflowBacklogPeak) {
            let w = scenario.workflows
            let limit = scenario.slo.p95WorkflowLag ?? Self.defaultLagLimit
            let perPoll = Double(w.batchSize * w.subscriptions)
            let demand = w.job.server.mean + (w.job.database?.mean ?? 0)
            let reasons = ["p95 workflow lag \(f(lag)) s against \(f(limit)) s allowed, of which up to \(f(w.pollInterval)) s is the wait for the next poll",
                           "backlog peak \(f(backlog)) jobs",
                           "its polls take at most \(Int(perPoll)) jobs every \(f(w.pollInterval)) s (\(f(perPoll / w.pollInterval)) jobs/s) and "
                           + "\(w.concurrency) workers at \(f(demand)) s of demand a job run at most \(f(Double(w.concurrency) / demand)) jobs/s"]
            let initial = scenario.layout.servers.first { $0.isInitial }?.name ?? "initial server"
            // The wait for the next poll is there at any capacity: only the lag beyond it counts.
            all.append(Candidate(kind: .workflowEngine, station: initial, load: max(0, lag - w.pollInterval) / limit, reasons: reasons))
        }
        guard !all.isEmpty else { return nil }
        ranking = all.sorted { $0.load > $1.load }
        let physical = ranking.first { $0.kind != .workflowEngine }
        if let physical, physical.load >= 0.9 || physical == ranking[0] { named = physical } else { named = ranking[0] }
    }

    /// The load of the same station in another run of (a variant of) the scenario.
    public static func load(of candidate: Candidate, in report: RunReport, scenario: Scenario) -> Double? {
        Bottleneck(report, scenario: scenario)?.ranking.first { $0.kind == candidate.kind && $0.station == candidate.station }?.load
    }
}
