import ScenarioSpec
import RunOutput
import Planning

/// plan.json: the answer, why, the published guidance beside it, and every simulated
/// configuration; what `--json` prints and the report reads.
public struct PlanJSON: Codable, Sendable {
    public struct Configuration: Codable, Sendable {
        public var step: String
        public var servers: Int
        public var memoryGiB: Double
        public var sqlCores: Int
        public var p95LatencySeconds: Double
        public var peakServerUtilization: Double
        public var peakDatabaseUtilization: Double
        public var holds: Bool
        public var notMet: [String]
    }

    public struct Robust: Codable, Sendable {
        public var worlds: Int
        public var holding: Int
        public var probability: Double
        public var low: Double
        public var high: Double
        public var simulated: Int
        public var screened: Int
        public var lines: [String]
    }

    public var name: String
    public var consoles: Int
    public var computers: Int
    public var workItemsPerHour: Double
    public var down: Int
    public var promotionSeconds: Double?
    public var portalUsers: Int
    public var additionalServers: Int
    public var serverCores: Int
    public var initialServerTakesConsoles: Bool
    public var consolesPerServer: Double
    public var consolesPerServerWithDown: Double
    public var sqlCores: Int
    public var sqlMemoryGiB: Double
    public var storage: String
    public var whyNotFewerServers: String
    public var whyNotLessMemory: String
    public var guidanceBinds: Bool
    public var bottleneck: String?
    /// Microsoft's figures beside the answer (checks, never inputs).
    public var guidanceAdditionalServers: [Int]
    public var publishedMemoryRuleGiB: Double
    public var verdicts: [String]
    public var robust: Robust?
    /// The answer at the inputs' point values, before the robust step.
    public var pointAdditionalServers: Int
    public var pointSqlMemoryGiB: Double
    public var share: Double
    public var robustSteps: [RobustStep]
    public var lines: [String]
    public var configurations: [Configuration]
    public var seconds: Double

    public init(_ plan: Plan, seconds: Double) {
        let p = plan.input
        name = p.name
        consoles = p.consoles ?? 0
        computers = p.computers ?? 0
        workItemsPerHour = p.workItemsPerHour
        down = p.down
        promotionSeconds = p.promotion
        portalUsers = p.portalUsers
        additionalServers = plan.servers
        serverCores = p.serverCores
        initialServerTakesConsoles = plan.initialTakesConsoles
        consolesPerServer = plan.consolesPerServer.allUp
        consolesPerServerWithDown = plan.consolesPerServer.withDown
        sqlCores = plan.sqlCores
        sqlMemoryGiB = plan.memory
        storage = plan.storage.rawValue
        whyNotFewerServers = plan.serversNote
        whyNotLessMemory = plan.memoryNote
        guidanceBinds = plan.guidanceBinds
        bottleneck = plan.bottleneck.map { "\($0.named.kind.rawValue) \($0.named.station) at \(NumberFormat.table($0.named.load)) of its limit" }
        guidanceAdditionalServers = [plan.guidanceServers.lowerBound, plan.guidanceServers.upperBound]
        publishedMemoryRuleGiB = plan.publishedMemoryRule
        verdicts = plan.final.verdicts.map { "\($0.objective.rawValue) \($0.verdict.rawValue)" }
        robust = plan.robust.map { r in
            let a = r.analysis
            return Robust(worlds: a.worlds.count, holding: a.holding, probability: a.interval.proportion, low: a.interval.low,
                          high: a.interval.high, simulated: a.simulated, screened: a.screened, lines: r.lines)
        }
        pointAdditionalServers = plan.pointServers
        pointSqlMemoryGiB = plan.pointMemory
        share = plan.share
        robustSteps = plan.robustSteps
        lines = plan.lines
        configurations = plan.evaluations.map(Self.configuration)
        self.seconds = seconds
    }

    static func configuration(_ e: Evaluation) -> Configuration {
        let db = e.scenario.managementGroup.database
        func m(_ metric: Metric, _ station: String = "all") -> Double { e.report.estimate(metric, station: station)?.mean ?? .nan }
        return Configuration(step: e.step, servers: e.servers, memoryGiB: e.memory, sqlCores: db.cores,
                             p95LatencySeconds: m(.latencyP95) * Objective.p95Latency.limitUnit.scale,
                             peakServerUtilization: m(.serverUtilizationPeak), peakDatabaseUtilization: m(.utilizationPeak, db.name),
                             holds: e.holds, notMet: e.verdicts.filter { $0.verdict != .pass }.map { "\($0.objective.rawValue) \($0.verdict.rawValue)" })
    }

    /// plan.csv: one row per simulated configuration, in the order simulated.
    public static func csv(_ plan: Plan) -> String {
        var rows = ["step,additional_servers,sql_memory_gib,sql_cores,latency_p95_s,server_utilization_peak,database_utilization_peak,holds,not_met"]
        for c in plan.evaluations.map(configuration) {
            rows.append([c.step, String(c.servers), NumberFormat.csv(c.memoryGiB), String(c.sqlCores), NumberFormat.csv(c.p95LatencySeconds),
                         NumberFormat.csv(c.peakServerUtilization), NumberFormat.csv(c.peakDatabaseUtilization), c.holds ? "1" : "0",
                         c.notMet.joined(separator: "; ")].map(csvField).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
