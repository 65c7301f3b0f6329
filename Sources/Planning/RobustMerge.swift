import Foundation
import RunOutput
import ScenarioSpec
import Statistics

/// Puts the shards of a robust answer back together (`check --robust --shard i/n`, `compare
/// --robust --shard i/n`): the rows of every shard's `robust.csv` (and `robust-compare.csv`),
/// put in world order under the common header. A shard simulates each of its worlds, so the
/// merged files are byte for byte those of the unsharded run with `--no-screen` (`compare
/// --robust` never screens). `robust.txt` is written from the shards' records (`robust.json`,
/// `RobustRecord`) joined, by the function an unsharded run writes it with (`RobustText`):
/// the same text as that run's but for its closing line, which names the shards.
public enum RobustMerge {
    /// The files a robust shard writes, one row per world, the world's number first.
    public static let names = ["robust.csv", "robust-compare.csv"]

    public struct Result: Sendable {
        /// File name → merged text.
        public var files: [(name: String, text: String)]
        /// robust.txt's lines.
        public var summary: [String]
        public var worlds: Int
        public var inputs: Int
    }

    /// Whether `directory`'s shards (or `directory` itself) hold robust files rather than a sweep.
    public static func isRobust(_ inputs: [String]) -> Bool {
        guard let shards = try? SweepMerge.expand(inputs), let first = shards.first else { return false }
        return FileManager.default.fileExists(atPath: first + "/" + names[0])
    }

    public static func merge(_ inputs: [String]) throws -> Result {
        let shards = try SweepMerge.expand(inputs)
        guard !shards.isEmpty else { throw PlanningError("give the shard directories to merge") }
        var files: [(String, String)] = []
        var worlds = 0
        for name in names {
            let present = shards.filter { FileManager.default.fileExists(atPath: $0 + "/" + name) }
            guard !present.isEmpty else { continue }
            guard present.count == shards.count else {
                let lacking = shards.filter { !present.contains($0) }
                throw PlanningError("\(lacking[0])/\(name) is missing: the shards are incomplete or not of one robust run")
            }
            var header: String?
            var rows: [Int: (row: Substring, source: String)] = [:]
            for dir in shards {
                let path = dir + "/" + name
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw PlanningError("\(path): cannot read the file") }
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last == "" { lines.removeLast() }
                guard let first = lines.first, first.hasPrefix("world,") else { throw PlanningError("\(path): not a robust file (no world column)") }
                if let header, header != String(first) {
                    throw PlanningError("\(path): its columns differ from those of \(shards[0])/\(name); the shards are not of one robust run")
                }
                header = String(first)
                for (k, row) in lines.dropFirst().enumerated() {
                    guard let world = Int(row.prefix { $0 != "," }), world >= 1 else { throw PlanningError("\(path) line \(k + 2): no world number") }
                    if let earlier = rows[world], earlier.row != row {
                        throw PlanningError("world \(world) is in \(earlier.source) and \(path) with different results; the shards are not of one robust run")
                    }
                    rows[world] = (row, path)
                }
            }
            let count = rows.keys.max() ?? 0
            let missing = (1...max(1, count)).filter { rows[$0] == nil }
            guard missing.isEmpty, count > 0 else {
                throw PlanningError("\(name): world(s) \(missing.prefix(8).map(String.init).joined(separator: ", ")) missing; run the shards that hold them, then merge again")
            }
            if worlds != 0, worlds != count { throw PlanningError("\(name) has \(count) worlds, another file \(worlds)") }
            worlds = count
            files.append((name, header! + "\n" + (1...count).map { rows[$0]!.row + "\n" }.joined()))
        }
        guard !files.isEmpty else { throw PlanningError("\(shards[0]) holds none of \(names.joined(separator: ", ")): not a robust shard") }
        let records = try shards.map { dir in
            let path = dir + "/robust.json"
            guard FileManager.default.fileExists(atPath: path) else {
                throw PlanningError("\(path) is missing: a shard of this version of smsim writes it; run the shard again")
            }
            return (path, try RobustRecord.read(path))
        }
        let record = try RobustRecord.joined(records)
        guard record.worlds.count == worlds, record.worlds.last.map({ $0.index + 1 }) == worlds else {
            throw PlanningError("the shards' robust.json hold \(record.worlds.count) worlds, their CSVs \(worlds); the shards are not of one robust run")
        }
        let text = RobustText.merged(record, closing: "merged from \(shards.count) shard(s): \(worlds) worlds, every one simulated")
        let summary = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        return Result(files: files, summary: summary, worlds: worlds, inputs: shards.count)
    }

    /// Merges and writes each file into `directory` atomically, and `robust.txt`.
    @discardableResult
    public static func merge(_ inputs: [String], into directory: String) throws -> Result {
        let result = try merge(inputs)
        for (name, text) in result.files { try AtomicFile.write(text, to: directory + "/" + name) }
        try AtomicFile.write(result.summary.joined(separator: "\n") + "\n", to: directory + "/robust.txt")
        return result
    }
}
