import Foundation
import ScenarioSpec
import Yams

/// What a counter in a log means to smsim: declared once, with its default path, for the map
/// reader, `smsim run --perfmon` and `Documentation/Calibration.md`.
///
/// The standard counters (on every Windows, SQL Server and Service Manager installation) come
/// first; the Service Manager request and workflow counters after them are optional.
public enum CounterRole: String, Sendable, CaseIterable {
    case processor
    case consoles
    case sqlBatches
    case bufferCacheHitRatio
    case pageLifeExpectancy
    case diskReads
    case diskSecondsPerRead
    case requests
    case logons
    case responseTime
    case workflowJobs

    /// Whether a default installation publishes the counter. The others are named in the map
    /// only when the planner's installation (or a counter of their own) has them; without a
    /// requests counter, calibrate fits the load per connected console instead.
    public var isStandard: Bool {
        switch self {
        case .requests, .logons, .responseTime, .workflowJobs: false
        default: true
        }
    }

    /// The counter path (without host) a map uses unless it names another.
    ///
    /// Processor, SQL Server and disk counters are the standard Windows and SQL Server ones.
    /// The Service Manager ones are *assumptions*: the console connections counter is the
    /// SDK (Data Access) service's, the request and workflow counters are whatever the
    /// planner's installation exposes (or a planner's own export); name them in the map.
    public var defaultPath: String {
        switch self {
        case .processor: "\\Processor(_Total)\\% Processor Time"
        case .consoles: "\\OpsMgr SDK Service\\Client Connections"
        case .requests: "\\Service Manager Console Requests(_Total)\\Requests/sec"
        case .logons: "\\Service Manager Console Requests(logon)\\Requests/sec"
        case .responseTime: "\\Service Manager Console Requests(_Total)\\Avg. Response Time"
        case .workflowJobs: "\\Service Manager Workflows\\Jobs Completed/sec"
        case .sqlBatches: "\\SQLServer:SQL Statistics\\Batch Requests/sec"
        case .bufferCacheHitRatio: "\\SQLServer:Buffer Manager\\Buffer cache hit ratio"
        case .pageLifeExpectancy: "\\SQLServer:Buffer Manager\\Page life expectancy"
        case .diskReads: "\\PhysicalDisk(_Total)\\Disk Reads/sec"
        case .diskSecondsPerRead: "\\PhysicalDisk(_Total)\\Avg. Disk sec/Read"
        }
    }

    /// What the counter is used for, one line.
    public var meaning: String {
        switch self {
        case .processor: "CPU of every host, percent of all its cores: the utilization each fit explains"
        case .consoles: "consoles connected to a management server (SDK service client connections): load per console; think time with requests"
        case .requests: "console requests answered per second by a management server; instances named after request classes give per-class demands"
        case .logons: "console logons (initial loads: first connection or reconnection) answered per second by a management server: the logon's demands"
        case .responseTime: "mean console response time, seconds: think time = consoles / requests per second − response time"
        case .workflowJobs: "workflow jobs completed per second on the workflow server"
        case .sqlBatches: "SQL batches per second on the database server: its CPU per batch (without a requests counter), else reported beside the fit"
        case .bufferCacheHitRatio: "SQL buffer cache hit ratio, percent: compared with the model's (Che's approximation)"
        case .pageLifeExpectancy: "SQL page life expectancy, seconds: reported beside the fit"
        case .diskReads: "disk reads per second of the database's data volume: physical reads per request and per workflow job"
        case .diskSecondsPerRead: "seconds per disk read: the storage read time, from the lightly loaded windows"
        }
    }
}

/// Says which host of a log is which station of the scenario and which counter is what.
///
///     hosts:                     # host in the log: station in the scenario
///       SCSM-MS01: MS01          # (default: a host is the station of the same name)
///     counters:                  # role: counter path without the host (defaults in CounterRole)
///       consoles: '\OpsMgr SDK Service\Client Connections'
///     requestClasses: pooled     # or per-class
public struct CounterMap: Sendable {
    /// How request throughput is split into regressors.
    public enum RequestClasses: String, Sendable, CaseIterable {
        /// One mean demand per request from the requests counter's own instance (`_Total`);
        /// the fit scales every class's demand by the same factor.
        case pooled
        /// One demand per request class, from instances of the requests counter named after
        /// the classes: identifiable only when the mix of classes varies between windows.
        case perClass = "per-class"
    }

    /// Host (upper-cased) → station name.
    public var hosts: [String: String] = [:]
    public var counters: [CounterRole: CounterPath]
    public var requestClasses: RequestClasses = .pooled

    /// The defaults: hosts named like the scenario's stations, every counter at its default path.
    public init() {
        counters = Dictionary(uniqueKeysWithValues: CounterRole.allCases.map { ($0, CounterPath(localPath: $0.defaultPath)!) })
    }

    /// The station a host is, by the map or by name; nil when neither knows it.
    public func station(forHost host: String, stations: [String]) -> String? {
        if let mapped = hosts[host.uppercased()] { return mapped }
        return stations.first { $0.uppercased() == host.uppercased() }
    }

    /// The default map as YAML, with every role's meaning: what `Documentation/Calibration.md` shows.
    public static var defaultYAML: String {
        var out = "# smsim counter map: which host is which station, which counter is what.\n"
        out += "hosts: {}                  # e.g. { SCSM-MS01: MS01, SCSM-SQL: SQL }; default: same names\n"
        out += "counters:\n"
        out += "  # Standard counters: every Windows + SQL Server + Service Manager install has them.\n"
        out += "  # Localized Windows names them in its language: list yours with typeperf -q and write them here.\n"
        for role in CounterRole.allCases where role.isStandard {
            out += "  \(role.rawValue): '\(role.defaultPath)'\n    # \(role.meaning)\n"
        }
        out += "  # Optional: Service Manager publishes no such counters by default. Keep a line only when your\n"
        out += "  # installation (or a counter of your own) has it, with the path typeperf -q shows; a counter\n"
        out += "  # that is not logged is simply not used (without requests, calibrate fits the load per console).\n"
        for role in CounterRole.allCases where !role.isStandard {
            out += "  \(role.rawValue): '\(role.defaultPath)'\n    # optional: \(role.meaning)\n"
        }
        out += "requestClasses: pooled     # or per-class\n"
        return out
    }

    /// Reads a map file; absent keys keep their defaults. Errors are `FILE:LINE:COL: error: …`.
    public static func load(path: String) throws -> CounterMap {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CounterLogError(file: path, line: 0, column: 0, message: "cannot read the counter map")
        }
        return try parse(yaml: text, path: path)
    }

    public static func parse(yaml: String, path: String) throws -> CounterMap {
        func fail(_ node: Node?, _ message: String) -> CounterLogError {
            CounterLogError(file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw CounterLogError(file: path, line: mark.line, column: mark.column, message: problem)
            default:
                throw CounterLogError(file: path, line: 1, column: 1, message: "\(error)")
            }
        }
        var map = CounterMap()
        guard let root else { return map }
        guard let top = root.mapping else { throw fail(root, "a counter map is a mapping with keys hosts, counters, requestClasses") }
        for (key, value) in top {
            switch key.string {
            case "hosts":
                guard let hosts = value.mapping else { throw fail(value, "hosts: expected a mapping of host: station") }
                for (host, station) in hosts {
                    guard let h = host.string, let s = station.string, !s.isEmpty else {
                        throw fail(station, "hosts: expected host: station, both names")
                    }
                    map.hosts[h.uppercased()] = s
                }
            case "counters":
                guard let counters = value.mapping else { throw fail(value, "counters: expected a mapping of role: counter path") }
                for (role, counter) in counters {
                    guard let name = role.string, let r = CounterRole(rawValue: name) else {
                        let known = CounterRole.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail(role, "counters: unknown role '\(role.string ?? "")'; known: \(known)")
                    }
                    guard let text = counter.string, let parsed = CounterPath(localPath: text) ?? CounterPath(parsing: text) else {
                        throw fail(counter, "counters.\(name): '\(counter.string ?? "")' is not a counter path \\Object(Instance)\\Counter")
                    }
                    map.counters[r] = parsed
                }
            case "requestClasses":
                guard let text = value.string, let choice = RequestClasses(rawValue: text) else {
                    throw fail(value, "requestClasses: expected pooled or per-class")
                }
                map.requestClasses = choice
            default:
                throw fail(key, "unknown key '\(key.string ?? "")'; a counter map has hosts, counters, requestClasses")
            }
        }
        return map
    }
}
