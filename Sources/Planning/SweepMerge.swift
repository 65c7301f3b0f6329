import Foundation
import RunOutput

/// Puts the `sweep.csv` files of a sharded sweep back together: the rows of every shard,
/// sorted by point index, under the common header. The result is byte for byte the file an
/// unsharded sweep writes. Shards are checked to belong to one sweep (same header, same
/// manifest but for the shard) and, when their manifests say how many points there are,
/// to cover every point exactly once.
public enum SweepMerge {
    public struct Result: Sendable {
        public var csv: String
        /// The merged manifest (shard removed), when the inputs had manifests.
        public var manifest: SweepManifest?
        public var points: Int
        public var inputs: Int
    }

    /// Merges the sweeps in `inputs`: directories holding `sweep.csv` (and `sweep.json`),
    /// `sweep.csv` files, or the directory a sharded sweep wrote its shards into (see `shards(in:)`).
    public static func merge(_ inputs: [String]) throws -> Result {
        guard !inputs.isEmpty else { throw PlanningError("give the shard directories to merge") }
        let inputs = try expand(inputs)
        var header: String?
        var rows: [Int: (row: Substring, source: String)] = [:]
        var manifests: [(SweepManifest, String)] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw PlanningError("\(input): no such file or directory")
            }
            let csvPath = isDirectory.boolValue ? input + "/" + Sweep.csvName : input
            let manifestPath = URL(fileURLWithPath: csvPath).deletingLastPathComponent().appendingPathComponent(Sweep.manifestName).path
            guard let data = FileManager.default.contents(atPath: csvPath) else {
                throw PlanningError("\(csvPath): cannot read the file")
            }
            // A trailing partial line (an interrupted shard) is ignored, as a resumed sweep would.
            let completeLength = (data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
            let text = String(decoding: data.prefix(completeLength), as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            guard let first = lines.first else { throw PlanningError("\(csvPath): empty file, not a sweep") }
            guard first.hasPrefix("point_index,") else { throw PlanningError("\(csvPath): not a sweep file (no point_index column)") }
            if let header, header != String(first) {
                throw PlanningError("\(csvPath): its columns differ from those of \(inputs[0]); the shards are not from one sweep")
            }
            header = String(first)
            for (k, row) in lines.dropFirst().enumerated() {
                guard let index = SweepTable.pointIndex(of: row), index >= 0 else {
                    throw PlanningError("\(csvPath) line \(k + 2): no point index")
                }
                if let earlier = rows[index] {
                    guard earlier.row == row else {
                        throw PlanningError("point \(index) is in \(earlier.source) and \(csvPath) with different results; "
                                            + "the shards are not from one sweep")
                    }
                    continue
                }
                rows[index] = (row, csvPath)
            }
            if let manifest = try SweepManifest.read(path: manifestPath) { manifests.append((manifest, manifestPath)) }
        }

        var merged: SweepManifest?
        if let (first, firstPath) = manifests.first {
            var base = first
            base.shard = nil
            for (m, path) in manifests.dropFirst() {
                var other = m
                other.shard = nil
                guard other == base else {
                    throw PlanningError("\(path) and \(firstPath) describe different sweeps (\(base.differences(from: other).joined(separator: ", ")) differ)")
                }
            }
            merged = base
        }
        let expected = merged?.points ?? ((rows.keys.max() ?? -1) + 1)
        let missing = (0..<expected).filter { rows[$0] == nil }
        if !missing.isEmpty {
            let shown = missing.prefix(8).map(String.init).joined(separator: ", ") + (missing.count > 8 ? ", …" : "")
            throw PlanningError("the sweep is incomplete: \(missing.count) of \(expected) point(s) missing (\(shown)); "
                                + "run or resume the shards that hold them, then merge again")
        }
        if let extra = rows.keys.first(where: { $0 >= expected }) {
            throw PlanningError("point \(extra) is beyond the \(expected) points of the sweep")
        }
        var csv = header! + "\n"
        for index in 0..<expected { csv += rows[index]!.row + "\n" }
        return Result(csv: csv, manifest: merged, points: expected, inputs: inputs.count)
    }

    /// The inputs with every directory that holds shards replaced by its shard directories,
    /// the shards of all of them taken together: a sweep whose shards were written into
    /// several directories (one per cluster task, say) merges as one. Throws naming the
    /// shards missing from the union, or when the shards are of sweeps split different ways.
    static func expand(_ inputs: [String]) throws -> [String] {
        var direct: [String] = []
        var found: [(shard: Shard, path: String)] = []
        var holders: [String] = []
        for input in inputs {
            if let shards = try shardDirectories(in: input) {
                found += shards
                holders.append(input)
            } else {
                direct.append(input)
            }
        }
        guard let first = holders.first else { return direct }
        let counts = Set(found.map(\.shard.count)).sorted()
        guard counts.count == 1, let n = counts.first else {
            throw PlanningError("\(holders.joined(separator: ", ")) hold shards of sweeps split \(counts.map(String.init).joined(separator: ", ")) ways; "
                                + "merge one set at a time by naming its directories")
        }
        var byIndex: [Int: String] = [:]
        for (shard, path) in found where byIndex[shard.index] == nil { byIndex[shard.index] = path }
        let missing = (1...n).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "shard-\($0)-of-\(n)" }
            let place = holders.count == 1 ? first : "any of " + holders.joined(separator: ", ")
            throw PlanningError("\(place) lacks \(names.joined(separator: ", ")) of its \(n) shards; run "
                                + "`smsim sweep … --shard \(missing[0])/\(n) --out \(first)` for each, then merge again")
        }
        return direct + (1...n).map { byIndex[$0]! }
    }

    /// The shard directories inside `directory` (`shard-i-of-n`, as `sweep --shard i/n --out
    /// directory` writes them), complete and in shard order; nil when it holds none but has a
    /// `sweep.csv` of its own (it is then a shard or a whole sweep). Throws naming the
    /// directories it expected when it holds neither, or when shards are missing.
    public static func shards(in directory: String) throws -> [String]? {
        guard try shardDirectories(in: directory) != nil else { return nil }
        return try expand([directory])
    }

    /// The `shard-i-of-n` directories directly inside `directory`, in no particular order;
    /// nil when it is not a directory, or holds none but has a `sweep.csv` of its own.
    static func shardDirectories(in directory: String) throws -> [(shard: Shard, path: String)]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var found: [(shard: Shard, path: String)] = []
        for name in names.sorted() {
            let parts = name.split(separator: "-")
            guard parts.count == 4, parts[0] == "shard", parts[2] == "of", let i = Int(parts[1]), let n = Int(parts[3]),
                  let shard = try? Shard(index: i, count: n), shard.slug == name else { continue }
            found.append((shard, directory + "/" + name))
        }
        guard !found.isEmpty else {
            if ([Sweep.csvName] + RobustMerge.names).contains(where: { FileManager.default.fileExists(atPath: directory + "/" + $0) }) { return nil }
            throw PlanningError("\(directory) holds neither \(Sweep.csvName) nor shard directories "
                                + "(shard-1-of-n … shard-n-of-n, as `smsim sweep … --shard i/n --out \(directory)` writes them)")
        }
        return found
    }

    /// Merges `inputs` and writes `directory/sweep.csv` (and `sweep.json`), each atomically.
    @discardableResult
    public static func merge(_ inputs: [String], into directory: String) throws -> Result {
        let result = try merge(inputs)
        try AtomicFile.write(result.csv, to: directory + "/" + Sweep.csvName)
        if let manifest = result.manifest { try AtomicFile.write(try manifest.json(), to: directory + "/" + Sweep.manifestName) }
        return result
    }
}
