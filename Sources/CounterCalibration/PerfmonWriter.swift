import Foundation
import GroupSimulation
import ScenarioSpec

/// `smsim run --perfmon`: the counter logs a planner would collect from the simulated group,
/// one PDH-CSV file per host, one sample per window (stamped at the window's end, as
/// typeperf stamps a rate at the end of its interval), with the host names and counter
/// paths of the default `CounterMap`. Calibrating on them must give back the scenario's
/// demands: the round trip that proves `smsim calibrate`.
public enum PerfmonWriter {
    /// Local time of the simulation's time 0 in the logs: a Wednesday at 07:00, in UTC.
    public static let startTime = "11/25/2026 07:00:00.000"
    public static let header = "(PDH-CSV 4.0) (Coordinated Universal Time)(0)"

    /// Host name → PDH-CSV text, for one replication, hosts in layout order then the database.
    public static func logs(_ result: ReplicationResult, scenario: Scenario, map: CounterMap = CounterMap()) -> [(host: String, text: String)] {
        let layout = scenario.layout
        let config = ModelConfig(scenario: scenario)
        // Rows per window: the servers, the database, its storage (if any), `all`.
        let stations = layout.servers.count + (config.hasStorage ? 3 : 2)
        let windows = result.rows.count / stations
        let classes = scenario.consoles.requests
        // Completions are recorded for every class the model runs (the logon class too).
        let recordedClasses = config.requests.count
        let start = PDHCSVLog.parseTimestamp(startTime)!
        func path(_ host: String, _ role: CounterRole, instance: String? = nil) -> String {
            var p = map.counters[role]!
            p.host = host
            if let instance { p.instance = instance }
            return quote(p.description)
        }
        var out: [(String, String)] = []
        for (s, server) in layout.servers.enumerated() {
            var text = quote(header) + "," + [
                path(server.name, .processor), path(server.name, .consoles), path(server.name, .requests),
            ].joined(separator: ",")
            for c in classes { text += "," + path(server.name, .requests, instance: c.name) }
            if config.logonClass != nil { text += "," + path(server.name, .logons) }
            text += "," + path(server.name, .responseTime) + "," + path(server.name, .workflowJobs) + "\r\n"
            for w in 0..<windows {
                let row = result.rows[w * stations + s]
                let span = row.windowEnd - row.windowStart
                var cells = [timestamp(start + row.windowEnd), number(row.utilization * 100), number(row.consoles),
                             number(Double(row.requestsCompleted) / span)]
                for k in classes.indices {
                    let index = (w * layout.servers.count + s) * recordedClasses + k
                    let count = index < result.classCompletions.count ? Double(result.classCompletions[index]) : .nan
                    cells.append(number(count / span))
                }
                if let logon = config.logonClass {
                    let index = (w * layout.servers.count + s) * recordedClasses + logon
                    cells.append(number(index < result.classCompletions.count ? Double(result.classCompletions[index]) / span : .nan))
                }
                cells.append(number(row.latencyMean))
                cells.append(number(Double(row.workflowsCompleted) / span))
                text += cells.map(quote).joined(separator: ",") + "\r\n"
            }
            out.append((server.name, text))
        }
        let db = scenario.managementGroup.database.name
        let storage: [CounterRole] = config.hasStorage ? [.bufferCacheHitRatio, .diskReads, .diskSecondsPerRead] : []
        var text = quote(header) + "," + ([path(db, .processor)] + storage.map { path(db, $0) }).joined(separator: ",") + "\r\n"
        let disk = scenario.managementGroup.database.storage
        for w in 0..<windows {
            let row = result.rows[w * stations + layout.servers.count]
            var cells = [timestamp(start + row.windowEnd), number(row.utilization * 100)]
            if config.hasStorage {
                let st = result.rows[w * stations + layout.servers.count + 1]
                cells += [number(config.hitRatio * 100),
                          number(diskReadsPerSecond(storageUtilization: st.utilization, disk)),
                          number(secondsPerRead(storageUtilization: st.utilization, queueLength: st.queueLength, disk))]
            }
            text += cells.map(quote).joined(separator: ",") + "\r\n"
        }
        out.append((db, text))
        return out
    }

    /// Reads per second the storage served: the model's storage station is the array as one
    /// server whose demands are reads × read time / drives, so its busy fraction is
    /// reads/s × read time / drives.
    static func diskReadsPerSecond(storageUtilization u: Double, _ disk: ManagementGroup.Storage) -> Double {
        u * Double(disk.effectiveDevices) / disk.effectiveReadTime
    }

    /// What `Avg. Disk sec/Read` shows: one read's own time on its drive, stretched by the
    /// queueing the model's storage station saw. Under processor sharing, the time in the
    /// station per unit of demand is the mean number of jobs over the busy fraction (L / U,
    /// 1 / (1 − U) for M/M/1); NaN (a blank sample) in a window without reads.
    static func secondsPerRead(storageUtilization u: Double, queueLength l: Double, _ disk: ManagementGroup.Storage) -> Double {
        u > 0 ? disk.effectiveReadTime * l / u : .nan
    }

    /// The work-items export (`WorkItemsLog`'s format) a planner would take from the
    /// database: per window, the saves (requests that trigger workflows) answered in it.
    public static func workItems(_ result: ReplicationResult, scenario: Scenario) -> String {
        let config = ModelConfig(scenario: scenario)
        let servers = scenario.layout.servers.count
        let recorded = config.requests.count
        let saves = scenario.consoles.requests.indices.filter { scenario.consoles.requests[$0].workflowsPerRequest > 0 }
        let stations = servers + (config.hasStorage ? 3 : 2)
        let start = PDHCSVLog.parseTimestamp(startTime)!
        var out = "# work items created or updated per interval (UTC start of the interval), from smsim run --perfmon\n"
        out += WorkItemsLog.header + "\n"
        for w in 0..<(result.rows.count / stations) {
            var count: Int32 = 0
            for s in 0..<servers {
                for k in saves where (w * servers + s) * recorded + k < result.classCompletions.count {
                    count += result.classCompletions[(w * servers + s) * recorded + k]
                }
            }
            out += isoTimestamp(start + result.rows[w * stations].windowStart) + ",\(count)\n"
        }
        return out
    }

    /// `YYYY-MM-DD HH:MM:SS` of seconds since 1970 (UTC).
    static func isoTimestamp(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        let (y, m, d) = civil(fromDays: whole / 86_400)
        let rest = whole % 86_400
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, rest / 3600, rest / 60 % 60, rest % 60)
    }

    static func quote(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A sample as typeperf writes it; a blank (" ") when there is no value.
    static func number(_ x: Double) -> String {
        x.isFinite ? String(format: "%.6f", x) : " "
    }

    /// `MM/dd/yyyy HH:mm:ss.fff` of seconds since 1970 (UTC, bias 0).
    static func timestamp(_ seconds: Double) -> String {
        let millis = Int64((seconds * 1000).rounded())
        let days = Int(millis / 86_400_000)
        let rest = Int(millis % 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        return String(format: "%02d/%02d/%04d %02d:%02d:%02d.%03d", m, d, y, rest / 3_600_000, rest / 60_000 % 60,
                      rest / 1000 % 60, rest % 1000)
    }

    /// The date of a day number since 1970-01-01 (Howard Hinnant's algorithm, inverse of `daysFromCivil`).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
