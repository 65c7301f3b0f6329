import Foundation
import RunOutput
import ScenarioSpec

/// `sweep.json`: what a sweep file holds, so that a resumed sweep or a merge can tell whether
/// the rows it finds belong to the same sweep (same scenario file, seed, replications, grid).
/// It carries no timing, so an interrupted and resumed sweep writes the same bytes as one
/// that ran straight through.
public struct SweepManifest: Codable, Sendable, Equatable {
    public var smsimVersion: String
    public var scenario: String
    /// FNV-1a 64 of the scenario file's bytes, hex (as in run.json).
    public var scenarioHash: String
    public var seed: UInt64
    /// Replications per point; with `precision`, the first batch of each point.
    public var replications: Int
    /// `--precision` and `--max-replications`, when replications were added until precise.
    public var precision: Double?
    public var maxReplications: Int?
    public var grid: SweepGrid
    /// Points in the whole sweep (all shards).
    public var points: Int
    /// The shard this file holds, `i/n`; absent for a whole sweep or a merge of all shards.
    public var shard: String?

    public init(scenario: Scenario, scenarioHash: String, grid: SweepGrid, points: Int, shard: Shard?,
                precision: Double? = nil, maxReplications: Int? = nil) {
        self.precision = precision
        self.maxReplications = precision == nil ? nil : maxReplications
        smsimVersion = RunOutput.smsimVersion
        self.scenario = scenario.name
        self.scenarioHash = scenarioHash
        seed = scenario.seed
        replications = scenario.replications
        self.grid = grid
        self.points = points
        self.shard = shard?.description
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    public static func read(path: String) throws -> SweepManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(SweepManifest.self, from: data)
        } catch {
            throw PlanningError("\(path): not a sweep manifest (\(error.localizedDescription))")
        }
    }

    /// The fields in which `other` differs from this manifest, by name.
    func differences(from other: SweepManifest) -> [String] {
        var out: [String] = []
        if smsimVersion != other.smsimVersion { out.append("smsimVersion \(other.smsimVersion) vs \(smsimVersion)") }
        if scenario != other.scenario { out.append("scenario \(other.scenario) vs \(scenario)") }
        if scenarioHash != other.scenarioHash { out.append("the scenario file's contents") }
        if seed != other.seed { out.append("seed \(other.seed) vs \(seed)") }
        if replications != other.replications { out.append("replications \(other.replications) vs \(replications)") }
        if precision != other.precision || maxReplications != other.maxReplications { out.append("the precision asked for") }
        if grid != other.grid || points != other.points { out.append("the grid of points") }
        if shard != other.shard { out.append("shard \(other.shard ?? "none") vs \(shard ?? "none")") }
        return out
    }
}
