import Foundation
import ScenarioSpec
import Statistics

/// An input a robust answer varies, as its files and text name it: its field, label, unit
/// and range. What robust.txt needs of a factor, without the scenario it came from.
public struct RobustInput: Codable, Sendable, Equatable {
    public var field: String
    public var label: String
    public var unit: ScenarioQuantity.Unit
    public var low: Double
    public var high: Double

    public init(_ f: SensitivityFactor) {
        field = f.quantity.field
        label = f.label
        unit = f.quantity.unit
        low = f.low
        high = f.high
    }
}

/// What a shard of `check --robust` or `compare --robust` leaves beside its CSVs
/// (`robust.json`): its worlds at full precision and what its text names. `smsim merge`
/// joins the shards' records and writes robust.txt with the same code as an unsharded run
/// (`RobustCheck.lines`, `RobustComparison.lines`), so the merged text is that run's.
public struct RobustRecord: Codable, Sendable {
    /// `check` or `compare`.
    public var command: String
    /// robust.txt's first line: the scenario, its size and seed.
    public var heading: String
    public var scenarioName: String
    public var inputs: [RobustInput]
    public var objectives: [Objective]
    /// In each objective's limit unit.
    public var limits: [Double]
    public var replications: Int
    /// compare: the consoles-per-server ratios and the p95 tolerance.
    public var ratios: [Int]?
    public var tolerance: Double?
    public var worlds: [World]

    public struct World: Codable, Sendable {
        /// In the design, from 0.
        public var index: Int
        public var inputs: [Double]
        /// Each objective's value, per ratio (check: one).
        public var values: [[Double]]
        /// compare: the p95 console latency per ratio, seconds.
        public var p95: [Double]?
    }

    /// `robust.json`'s text: NaN and infinities as strings, which JSON has no number for.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    public static func read(_ path: String) throws -> RobustRecord {
        guard let data = FileManager.default.contents(atPath: path) else { throw PlanningError("\(path): cannot read the file") }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return try decoder.decode(RobustRecord.self, from: data)
        } catch {
            throw PlanningError("\(path): not a robust shard's record (\(error.localizedDescription))")
        }
    }

    /// The records of one run's shards as one: every world once, in design order. Refuses
    /// records of different runs.
    public static func joined(_ records: [(path: String, record: RobustRecord)]) throws -> RobustRecord {
        guard var out = records.first?.record else { throw PlanningError("no robust.json to merge") }
        var worlds: [Int: World] = [:]
        for (path, r) in records {
            guard r.command == out.command, r.heading == out.heading, r.inputs == out.inputs, r.objectives == out.objectives,
                  r.limits == out.limits, r.replications == out.replications, r.ratios == out.ratios, r.tolerance == out.tolerance else {
                throw PlanningError("\(path): its run differs from that of \(records[0].path); the shards are not of one robust run")
            }
            for w in r.worlds { worlds[w.index] = w }
        }
        out.worlds = worlds.keys.sorted().map { worlds[$0]! }
        return out
    }
}

/// robust.txt of `check --robust` and `compare --robust`, whole or merged from shards: one
/// function for both, so a merge writes what the unsharded run writes.
public enum RobustText {
    /// The heading, the answer in a planner's words, and the closing line (the run's timing,
    /// or which shards a merge joined).
    public static func check(_ c: RobustCheck, heading: String, closing: String) -> String {
        text([heading] + c.lines + [closing])
    }

    public static func compare(_ c: RobustComparison, heading: String, closing: String) -> String {
        text([heading] + c.lines + [closing])
    }

    /// A merged record's text.
    public static func merged(_ r: RobustRecord, closing: String) -> String {
        r.command == "compare" ? compare(RobustComparison(record: r), heading: r.heading, closing: closing)
            : check(RobustCheck(record: r), heading: r.heading, closing: closing)
    }

    static func text(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }
}

extension RobustCheck {
    /// The record a shard writes (`robust.json`).
    public func record(heading: String) -> RobustRecord {
        RobustRecord(command: "check", heading: heading, scenarioName: scenarioName, inputs: factors, objectives: objectives,
                     limits: limits, replications: replications, worlds: analysis.worlds.map {
                         RobustRecord.World(index: $0.index, inputs: $0.inputs, values: [$0.outcome?.values ?? objectives.map { _ in .nan }])
                     })
    }

    /// The check its shards' joined record holds: every world simulated, as in an unsharded
    /// run with `--no-screen`.
    public init(record r: RobustRecord) {
        scenarioName = r.scenarioName
        factors = r.inputs
        objectives = r.objectives
        limits = r.limits
        replications = r.replications
        let worlds = r.worlds.map { w in
            let outcome = RobustOutcome(values: w.values[0], holds: zip(w.values[0], r.limits).map { $0 <= $1 })
            return RobustAnalysis.World(index: w.index, inputs: w.inputs, outcome: outcome, holds: outcome.allHold, decision: .simulated)
        }
        analysis = RobustAnalysis(worlds: worlds)
        deciders = RobustDeciders(inputs: worlds.map(\.inputs), fails: worlds.map { !$0.holds })
    }
}

extension RobustAnalysis {
    /// Worlds already decided (a merge of shards).
    init(worlds: [World]) {
        self.worlds = worlds
        interval = WilsonInterval(successes: worlds.filter(\.holds).count, trials: worlds.count)
    }
}

extension RobustComparison {
    /// The record a shard writes (`robust.json`).
    public func record(heading: String) -> RobustRecord {
        RobustRecord(command: "compare", heading: heading, scenarioName: scenarioName, inputs: factors, objectives: objectives,
                     limits: limits, replications: replications, ratios: ratios, tolerance: tolerance, worlds: inputs.indices.map { w in
                         RobustRecord.World(index: worldIndices[w], inputs: inputs[w], values: ratios.indices.map { outcomes[$0][w].values },
                                            p95: ratios.indices.map { p95[$0][w] })
                     })
    }
}
