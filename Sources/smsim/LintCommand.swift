import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// `smsim lint`: load and check scenarios without simulating them.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check scenario files without simulating them.",
        discussion: """
        Loads and validates each file as `run` would, then prints what it describes: the \
        servers (the workflow server, which accept consoles, up to how many), the consoles per \
        server, and the estimated events and run time of one replication (at about 1 M events/s). \
        A scenario over the work limit (\(Int(WorkEstimate.limit)) events per replication) fails \
        unless --allow-long is given; one whose run would hold more than \
        \(Scenario.bytesText(MemoryEstimate.limit)) in memory (time series, servers, console slots, \
        with the scenario's replications) fails unless --allow-large is given. Every problem is one line on stderr, \
        FILE:LINE:COL: error: FIELD: message. Fast enough for a pre-commit hook. \
        Exit status: 0 all files are valid, 2 at least one is not.

        Examples:
          smsim lint Scenarios/*.yaml
          smsim lint Scenarios/weekday-50.yaml --json
          smsim lint --assumptions Scenarios/weekday-50.yaml
        """)

    @Argument(help: "Scenario files (YAML).")
    var scenarios: [String]

    @Flag(help: "Print one JSON object per file in a list instead of text.")
    var json = false

    @Flag(help: "Accept scenarios whose estimated work is over the limit.")
    var allowLong = false

    @Flag(help: "Accept scenarios whose estimated memory is over the limit.")
    var allowLarge = false

    @Flag(help: "Print the plausible range of every assumed input, with the reason for each bound.")
    var assumptions = false

    struct Report: Encodable {
        struct Server: Encodable {
            var name: String
            var cores: Int
            var connectionLimit: Int?
            var acceptsConsoles: Bool
            var workflows: Bool
        }
        var file: String
        var valid: Bool
        var error: String?
        var servers: [Server]?
        var consoles: Int?
        var consolesPerServer: Double?
        var database: String?
        var replications: Int?
        var eventsPerReplication: Double?
        var secondsPerReplication: Double?
        /// Bytes the run would hold at its peak, one replication at a time.
        var memoryBytes: Double?
    }

    func run() throws {
        if assumptions { return try printAssumptions() }
        var reports: [Report] = []
        for path in scenarios {
            do throws(ScenarioError) {
                let scenario = try ScenarioLoader.load(path: path)
                let estimate = scenario.workEstimate
                if !allowLong, let message = scenario.tooLongMessage {
                    throw ScenarioError(file: path, line: 1, column: 1, field: "duration", message: message)
                }
                let memory = scenario.memoryEstimate()
                if !allowLarge, let (field, message) = memory.refusal {
                    let yaml = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                    throw ScenarioLoader.error(file: path, yaml: yaml, field: field, message: message)
                }
                let layout = scenario.layout
                let pool = layout.servers.filter(\.acceptsConsoles)
                reports.append(Report(
                    file: path, valid: true,
                    servers: layout.servers.map {
                        .init(name: $0.name, cores: $0.cores, connectionLimit: $0.connectionLimit,
                              acceptsConsoles: $0.acceptsConsoles, workflows: $0.isInitial)
                    },
                    consoles: scenario.consoles.peak,
                    consolesPerServer: pool.isEmpty ? nil : Double(scenario.consoles.peak) / Double(pool.count),
                    database: scenario.managementGroup.database.name, replications: scenario.replications,
                    eventsPerReplication: estimate.eventsPerReplication.isFinite ? estimate.eventsPerReplication.rounded() : nil,
                    secondsPerReplication: estimate.secondsPerReplication.isFinite ? estimate.secondsPerReplication : nil,
                    memoryBytes: memory.bytes.isFinite ? memory.bytes.rounded() : nil))
            } catch {
                printError(error.description)
                reports.append(Report(file: path, valid: false, error: error.description))
            }
        }
        if json {
            try printJSON(reports)
        } else {
            for report in reports where report.valid { print(Self.describe(report)) }
        }
        if reports.contains(where: { !$0.valid }) { throw ExitCode(2) }
    }

    static func describe(_ r: Report) -> String {
        // Consecutive servers alike are one entry: `MS02…MS09 (4 cores, ≤ 60 consoles each)`.
        var groups: [(first: Report.Server, last: Report.Server)] = []
        for s in r.servers ?? [] {
            if let g = groups.last, !s.workflows, !g.first.workflows, g.first.cores == s.cores,
               g.first.acceptsConsoles == s.acceptsConsoles, g.first.connectionLimit == s.connectionLimit {
                groups[groups.count - 1].last = s
            } else {
                groups.append((s, s))
            }
        }
        let servers = groups.map { g in
            var roles = ["\(g.first.cores) cores"]
            if g.first.workflows { roles.append("workflows") }
            roles.append(!g.first.acceptsConsoles ? "no consoles" : g.first.connectionLimit.map { "≤ \($0) consoles (hard limit)" } ?? "consoles")
            let name = g.first.name == g.last.name ? g.first.name : "\(g.first.name)…\(g.last.name)"
            return "\(name) (\(roles.joined(separator: ", ")))"
        }
        let perServer = r.consolesPerServer.map { String(format: "%.1f", $0) } ?? "none"
        let events = r.eventsPerReplication.map { String(format: "%.3g", $0) } ?? "∞"
        let seconds = r.secondsPerReplication.map { String(format: "%.1f s", $0) } ?? "∞"
        return """
        \(r.file): valid
          servers: \(servers.joined(separator: ", ")); database \(r.database ?? "")
          consoles: \(r.consoles ?? 0) at peak, \(perServer) per server accepting consoles
          estimate: \(events) events, about \(seconds) per replication × \(r.replications ?? 0); \
        memory about \(r.memoryBytes.map(Scenario.bytesText) ?? "∞")
        """
    }
}
