import Foundation
import GroupSimulation
import ScenarioSpec
import Stochastics

/// The version written into every run manifest.
public let smsimVersion = "0.1.0"

/// `run.json`: the full context of a run, so a result can be traced to its inputs.
public struct RunManifest: Encodable, Sendable {
    public struct Replication: Encodable, Sendable {
        public var replication: Int
        public var events: Int
        public var conservation: Conservation
        public var conserved: Bool
    }

    public var smsimVersion: String
    public var scenario: String
    public var scenarioPath: String
    /// FNV-1a 64 of the scenario file's bytes, hex.
    public var scenarioHash: String
    /// The scenario's `startsAt` (`07:00`), for clock time in plots; absent when it has none.
    public var startsAt: String?
    public var seed: UInt64
    public var replications: Int
    public var additionalServers: Int
    public var consolesPerServer: Int?
    public var down: Int
    public var servers: [String]
    public var initialServerTakesConsoles: Bool
    public var events: Int
    public var wallSeconds: Double
    public var eventsPerSecond: Double
    public var conservation: [Replication]

    public init(scenario: Scenario, path: String, content: String, report: RunReport, wallSeconds: Double) {
        smsimVersion = RunOutput.smsimVersion
        self.scenario = scenario.name
        scenarioPath = path
        scenarioHash = String(StreamSeed.fnv1a64(content), radix: 16)
        startsAt = scenario.startsAt.map(TimeOfDay.text)
        seed = scenario.seed
        replications = report.replications.count
        let layout = scenario.layout
        additionalServers = layout.additionalCount
        consolesPerServer = layout.ratio
        down = scenario.failures.down
        servers = layout.servers.map(\.name)
        initialServerTakesConsoles = layout.servers.first?.acceptsConsoles ?? false
        events = report.events
        self.wallSeconds = wallSeconds
        eventsPerSecond = wallSeconds > 0 ? Double(report.events) / wallSeconds : 0
        conservation = report.replications.map {
            Replication(replication: $0.replication, events: $0.events, conservation: $0.conservation, conserved: $0.conservation.holds)
        }
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
