import Foundation
import GroupSimulation
import ScenarioSpec
import Statistics
import Synchronization

extension RunReport {
    public static let timeSeriesHeader = RunIdentity.csvHeader + ",replication," + TimeSeriesColumn.header(TimeSeriesColumn.perReplication)

    /// `timeseries.csv`: every window of every station of every replication.
    public func timeSeriesCSV(header: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(Self.rowBytes * replications.reduce(1) { $0 + $1.rows.count })
        if header { out += (Self.timeSeriesHeader + "\n").utf8 }
        let id = identity.csvFields
        let columns = TimeSeriesColumn.perReplication.map { ($0, $0.csvScale) }
        for r in replications {
            let prefix = Array((id + "," + String(r.replication)).utf8)
            for row in r.rows {
                out += prefix
                for (column, scale) in columns {
                    out.append(UInt8(ascii: ","))
                    column.figure(row).scaled(scale).appendCSV(to: &out)
                }
                out.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// About the length of a time-series row, to reserve the text's storage once.
    static let rowBytes = 160

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
        var out = Array((Self.meanTimeSeriesHeader + "\n").utf8)
        guard let first = replications.first else { return String(decoding: out, as: UTF8.self) }
        out.reserveCapacity(Self.rowBytes * (first.rows.count + 1))
        let prefix = Array((identity.csvFields + "," + String(replications.count)).utf8)
        let columns = TimeSeriesColumn.acrossReplications.map { ($0, $0.csvScale) }
        for (i, row) in first.rows.enumerated() {
            out += prefix
            for (column, scale) in columns {
                let figure: ColumnFigure
                if let measured = column.halfWidthOf {
                    figure = .number(tally(measured, row: i).halfWidth())
                } else if case .label = column.figure(row) {
                    figure = column.figure(row)
                } else {
                    let tally = tally(column, row: i)
                    figure = .number(tally.count > 0 ? tally.mean : .nan)
                }
                out.append(UInt8(ascii: ","))
                figure.scaled(scale).appendCSV(to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The column's figures in window row `row` across replications, non-finite ones left
    /// out: what `Estimate(values:)` would tally, without an array per cell.
    private func tally(_ column: TimeSeriesColumn, row: Int) -> Tally {
        var tally = Tally()
        for r in replications {
            if let x = column.figure(r.rows[row]).number, x.isFinite { tally.add(x) }
        }
        return tally
    }
}
