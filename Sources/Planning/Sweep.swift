import Foundation
import GroupSimulation
import RunOutput

/// Runs the points of a sweep in order and appends one row per finished point to
/// `sweep.csv`, so that an interrupted sweep picks up where it stopped and ends with the very
/// bytes of an uninterrupted one. Points run one after another (their order in the file is
/// the point order); the parallelism is in the replications of each point.
public enum Sweep {
    public static let csvName = "sweep.csv"
    public static let manifestName = "sweep.json"

    public struct Outcome: Sendable, Equatable {
        /// Points this sweep (or shard) holds.
        public var points: Int
        /// Points found already done in the file.
        public var skipped: Int
        /// Points simulated by this call.
        public var ran: Int
        public var complete: Bool { skipped + ran == points }
    }

    /// Runs `points` (all of a sweep's points; `shard` selects its share) into
    /// `directory/sweep.csv` and `directory/sweep.json`.
    ///
    /// - `manifest` describes the sweep; an existing file with rows from a different sweep is
    ///   refused rather than mixed. With a precision in the manifest, points may run different
    ///   numbers of replications, and a resumed sweep matches its rows without that column.
    /// - `stopAfter` stops after that many points have been run by this call (for testing
    ///   interruption); nil runs to the end.
    /// - `simulate` runs one point's replications; it hears the point, how many points this
    ///   call has run before it and how many it will run in all.
    /// - `inspect` sees each point's report before its row is written; throwing from it
    ///   stops the sweep with that point not written.
    public static func run(points: [SweepPoint], shard: Shard? = nil, directory: String, manifest: SweepManifest,
                           stopAfter: Int? = nil,
                           simulate: (_ point: SweepPoint, _ done: Int, _ total: Int) throws -> RunReport,
                           inspect: (SweepPoint, RunReport) throws -> Void = { _, _ in }) throws -> Outcome {
        let mine = points.filter { shard?.contains(pointIndex: $0.index) ?? true }
        let replications = manifest.precision == nil ? manifest.replications : nil
        let csvPath = directory + "/" + csvName
        let manifestPath = directory + "/" + manifestName
        let identities = mine.map { SweepTable.identity($0, replications: replications) }

        let existing = try? SweepManifest.read(path: manifestPath)
        func anotherSweep(_ existing: SweepManifest) -> PlanningError {
            PlanningError("\(directory) holds results of another sweep (\(manifest.differences(from: existing).joined(separator: ", ")) "
                          + "differ); use another --out or delete the directory")
        }
        let table: AppendOnlyTable
        do {
            table = try AppendOnlyTable(path: csvPath, header: SweepTable.header, identities: identities)
        } catch let error as PlanningError {
            // Rows that do not fit: name what changed if the manifest says.
            if let existing, existing != manifest { throw anotherSweep(existing) }
            throw error
        }
        defer { table.close() }
        if table.existingRows > 0, let existing, existing != manifest { throw anotherSweep(existing) }
        if existing != manifest { try AtomicFile.write(try manifest.json(), to: manifestPath) }

        let todo = mine.dropFirst(table.existingRows)
        let limit = stopAfter.map { min($0, todo.count) } ?? todo.count
        var ran = 0
        for point in todo.prefix(limit) {
            let report = try simulate(point, ran, limit)
            try inspect(point, report)
            try table.append(SweepTable.row(point, report: report))
            ran += 1
        }
        return Outcome(points: mine.count, skipped: table.existingRows, ran: ran)
    }

    /// Runs the sweep with each point's replications, `threads` at a time.
    public static func run(points: [SweepPoint], shard: Shard? = nil, directory: String, manifest: SweepManifest,
                           threads: Int, stopAfter: Int? = nil) throws -> Outcome {
        try run(points: points, shard: shard, directory: directory, manifest: manifest, stopAfter: stopAfter,
                simulate: { point, _, _ in
                    let results = ScenarioRunner.run(point.scenario, replications: 0..<point.scenario.replications, threads: threads)
                    return RunReport(scenario: point.scenario, replications: results)
                })
    }
}
