import Foundation
import ScenarioSpec

/// `bottleneck.json`, written by `smsim run` and read by the report: the station closest to
/// its limit, why, the rest of the ranking, and what each remedy did in its quick run (or
/// why the remedies were not run).
public struct BottleneckFile: Codable, Sendable, Equatable {
    public struct Station: Codable, Sendable, Equatable {
        public var kind: String
        public var station: String
        public var load: Double
        public var reasons: [String]
    }

    public struct Remedy: Codable, Sendable, Equatable {
        public var label: String
        public var load: Double?
        public var p95LatencySeconds: Double?
        public var p95WorkflowLagSeconds: Double?
        public var objectivesPass: Bool?
        /// The outcome as the terminal prints it.
        public var sentence: String
    }

    public var bottleneck: Station
    public var ranking: [Station]
    /// Replications and seed of each remedy's quick run.
    public var remedyReplications: Int
    public var seed: UInt64
    public var remedies: [Remedy]
    /// Why no remedy was run, when none was.
    public var remediesSkipped: String?

    public init(_ b: Bottleneck, scenario: Scenario, outcomes: [Bottleneck.Outcome], skipped: String?) {
        func station(_ c: Bottleneck.Candidate) -> Station { Station(kind: c.kind.rawValue, station: c.station, load: c.load, reasons: c.reasons) }
        bottleneck = station(b.named)
        ranking = b.ranking.map(station)
        remedyReplications = Bottleneck.quickReplications(scenario)
        seed = scenario.seed
        remedies = outcomes.map {
            Remedy(label: $0.label, load: $0.load, p95LatencySeconds: $0.p95Latency, p95WorkflowLagSeconds: $0.p95WorkflowLag,
                   objectivesPass: $0.objectivesPass, sentence: $0.sentence(b.named.kind))
        }
        remediesSkipped = skipped
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    public static func read(_ path: String) -> BottleneckFile? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(BottleneckFile.self, from: data)
    }

    /// `database storage (SQL) is closest to its limit: load 1.000; busiest window …`.
    public var headline: String {
        "\(bottleneck.kind) (\(bottleneck.station)) is closest to its limit: load \(NumberFormat.table(bottleneck.load)); "
            + bottleneck.reasons.joined(separator: "; ")
    }
}
