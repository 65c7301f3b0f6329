import Foundation
import GroupSimulation
import ScenarioSpec
import Statistics
import Synchronization

extension RunReport {
    public static let timeSeriesHeader = RunIdentity.csvHeader + ",replication," + TimeSeriesColumn.header(TimeSeriesColumn.perReplication)

    /// `timeseries.csv`: every window of every station of every replication.
    public func timeSeriesCSV(header: Bool = true) -> String {
        var out = header ? Self.timeSeriesHeader + "\n" : ""
        let id = identity.csvFields
        let columns = TimeSeriesColumn.perReplication.map { ($0, $0.csvScale) }
        for r in replications {
            for row in r.rows {
                out += id + "," + String(r.replication)
                for (column, scale) in columns { out += "," + column.figure(row).scaled(scale).csv }
                out += "\n"
            }
        }
        return out
    }

    public static let summaryHeader = RunIdentity.csvHeader + ",replications,metric,station,mean,ci95,min,max"

    /// `summary.csv`: each metric after warm-up across replications: mean, 95 % CI half-width, min, max.
    public func summaryCSV(header: Bool = true) -> String {
        var out = header ? Self.summaryHeader + "\n" : ""
        let id = identity.csvFields
        for row in summary {
            let e = row.estimate
            out += "\(id),\(replications.count),\(csvField(row.metric.csvName)),\(csvField(row.station)),"
                + "\(NumberFormat.csv(e.mean)),\(NumberFormat.csv(e.halfWidth)),\(NumberFormat.csv(e.min)),\(NumberFormat.csv(e.max))\n"
        }
        return out
    }

    public static let eventsHeader = RunIdentity.csvHeader + "," + EventColumn.header

    /// `events.csv`: failures, repairs, promotions and database outages with their recovery figures.
    public func eventsCSV(header: Bool = true) -> String {
        var out = header ? Self.eventsHeader + "\n" : ""
        let id = identity.csvFields
        for r in replications {
            for incident in r.incidents {
                out += id
                for column in EventColumn.allCases { out += "," + column.figure(incident, replication: r.replication).csv }
                out += "\n"
            }
        }
        return out
    }
}

/// Writes files so that a reader never sees half of one: each goes to a temporary name in
/// the same directory and is renamed over the final name once complete.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        inFlight.withLock { _ = $0.insert(temporary.path) }
        defer { inFlight.withLock { _ = $0.remove(temporary.path) } }
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Temporary files being written now.
    private static let inFlight = Mutex<Set<String>>([])

    /// Removes the temporary files being written, for a process stopping on a signal: what
    /// it leaves is only complete files under their final names.
    public static func removeTemporaryFiles() {
        inFlight.withLock { paths in
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }
}

extension RunReport {
    public static let meanTimeSeriesHeader = RunIdentity.csvHeader + ",replications," + TimeSeriesColumn.header(TimeSeriesColumn.acrossReplications)

    /// `timeseries-mean.csv`: each window and station averaged across replications (what the
    /// plots draw), with 95 % half-widths for utilization and p95 latency. Every replication
    /// has the same windows and stations in the same order, so rows match by position.
    public func meanTimeSeriesCSV() -> String {
        var out = Self.meanTimeSeriesHeader + "\n"
        guard let first = replications.first else { return out }
        let id = identity.csvFields
        let columns = TimeSeriesColumn.acrossReplications.map { ($0, $0.csvScale) }
        for (i, row) in first.rows.enumerated() {
            /// The column's figure across replications (non-finite ones left out).
            func estimate(_ column: TimeSeriesColumn) -> Estimate {
                Estimate(values: replications.compactMap { column.figure($0.rows[i]).number }.filter { $0.isFinite })
            }
            out += id + "," + String(replications.count)
            for (column, scale) in columns {
                let figure: ColumnFigure
                if let measured = column.halfWidthOf {
                    figure = .number(estimate(measured).halfWidth)
                } else if case .label = column.figure(row) {
                    figure = column.figure(row)
                } else {
                    figure = .number(estimate(column).mean)
                }
                out += "," + figure.scaled(scale).csv
            }
            out += "\n"
        }
        return out
    }
}
