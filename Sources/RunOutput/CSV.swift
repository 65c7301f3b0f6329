import Foundation
import GroupSimulation
import ScenarioSpec
import Statistics
import Synchronization

/// Quotes a text field when it needs it.
package func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

extension RunReport {
    public static let timeSeriesHeader = RunIdentity.csvHeader + ",replication," + TimeSeriesColumn.header(TimeSeriesColumn.perReplication)

    /// `timeseries.csv`: every window of every station of every replication.
    public func timeSeriesCSV(header: Bool = true) -> String {
        var out = header ? Self.timeSeriesHeader + "\n" : ""
        let id = identity.csvFields
        for r in replications {
            for row in r.rows {
                let fields: [String] = [
                    id, String(r.replication), NumberFormat.csv(row.windowStart), NumberFormat.csv(row.windowEnd), row.warmup ? "1" : "0",
                    csvField(row.station), row.kind.rawValue, row.workflowRole ? "1" : "0", NumberFormat.csv(row.up),
                    NumberFormat.csv(row.consoles), String(row.requestsCompleted), String(row.requestsFailed), String(row.reconnects),
                    NumberFormat.csv(row.utilization), NumberFormat.csv(row.queueLength), NumberFormat.csv(row.latencyMean * 1000),
                    NumberFormat.csv(row.latencyP50 * 1000), NumberFormat.csv(row.latencyP95 * 1000), NumberFormat.csv(row.latencyP99 * 1000),
                    NumberFormat.csv(row.workflowBacklog), NumberFormat.csv(row.workflowLagP95), NumberFormat.csv(row.activeConsoles),
                ]
                out += fields.joined(separator: ",") + "\n"
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
        func opt(_ x: Double?) -> String { x.map { NumberFormat.csv($0) } ?? "" }
        for r in replications {
            for i in r.incidents {
                let isFailure = i.kind == .serverFailure
                // In `EventColumn` order. One `consoles` column for two counts, at most one of
                // them non-zero: consoles displaced (server failures), jobs waiting in the
                // database (database events).
                let fields: [String] = [
                    id, String(r.replication), NumberFormat.csv(i.time), i.kind.rawValue, csvField(i.target), String(i.displacedConsoles + i.databaseJobsWaiting),
                    String(i.failedRequests), String(i.workflowJobs), opt(i.recoverySeconds),
                    isFailure ? String(i.reconnected) : "", isFailure ? String(i.abandoned) : "",
                    opt(i.survivorPeakUtilization), opt(i.survivorPeakP95.map { $0 * 1000 }), i.backlogPeak.map(String.init) ?? "",
                    opt(i.drainSeconds), opt(i.workflowLagP95), opt(i.workflowLagMax),
                ]
                out += fields.joined(separator: ",") + "\n"
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
        for (i, row) in first.rows.enumerated() {
            func e(_ value: (WindowRow) -> Double) -> Estimate {
                Estimate(values: replications.map { value($0.rows[i]) }.filter { $0.isFinite })
            }
            let utilization = e(\.utilization)
            let p95 = e(\.latencyP95)
            let fields: [String] = [
                id, String(replications.count), NumberFormat.csv(row.windowStart), NumberFormat.csv(row.windowEnd), row.warmup ? "1" : "0",
                csvField(row.station), row.kind.rawValue, NumberFormat.csv(e { $0.workflowRole ? 1 : 0 }.mean), NumberFormat.csv(e(\.up).mean),
                NumberFormat.csv(e(\.consoles).mean), NumberFormat.csv(e { Double($0.requestsCompleted) }.mean),
                NumberFormat.csv(e { Double($0.requestsFailed) }.mean), NumberFormat.csv(e { Double($0.reconnects) }.mean),
                NumberFormat.csv(utilization.mean), NumberFormat.csv(utilization.halfWidth), NumberFormat.csv(e(\.queueLength).mean),
                NumberFormat.csv(e(\.latencyMean).mean * 1000), NumberFormat.csv(p95.mean * 1000), NumberFormat.csv(p95.halfWidth * 1000),
                NumberFormat.csv(e(\.latencyP99).mean * 1000), NumberFormat.csv(e(\.workflowBacklog).mean), NumberFormat.csv(e(\.workflowLagP95).mean),
                NumberFormat.csv(e(\.activeConsoles).mean),
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }
}
