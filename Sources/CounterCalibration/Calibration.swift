import ScenarioSpec
import Statistics

/// `smsim calibrate`: fits a scenario's demands to windows of performance counters.
///
/// Two utilization regressions: one pooled over the management servers (an intercept per
/// host, then the request throughput of that host and, on the workflow server, its workflow
/// jobs per second), one for the database (an intercept, the request throughput of all
/// servers, the workflow jobs). Their coefficients become scenario numbers through
/// `CalibrationTarget`s; think time comes from the interactive response time law.
public struct Calibration: Sendable {
    public var base: Scenario
    public var map: CounterMap
    public var windows: CounterWindows
    public var regressions: [UtilizationRegression] = []
    public var values: [FittedValue] = []
    /// Counters reported beside the fit (SQL batches, page life expectancy) that no model field takes.
    public var observed: [(name: String, estimate: Estimate)] = []
    public var warnings: [String] = []
    /// The base scenario with every fitted value set.
    public var calibrated: Scenario

    /// One fitted number and the scenario fields it sets.
    public struct FittedValue: Sendable {
        /// What was fitted: `request demand on management servers (all classes)`.
        public var name: String
        public var regression: String
        public var estimate: Double
        public var halfWidth: Double
        /// The base scenario's value of the same quantity.
        public var modelled: Double
        public var windows: Int
        public var rSquared: Double
        /// Scenario fields and their new values.
        public var fields: [(quantity: ScenarioQuantity, value: Double)]
        public var note: String
        /// The estimate's unit when it is not the unit of the fields it sets (a per-console
        /// load in busy cores scales demands in seconds); nil: the fields' unit.
        public var unit: String? = nil
    }

    /// What the calibrated numbers rest on that the logs could not measure (the split of a
    /// per-console load): said at the top of the calibrated file and in the report.
    public var assumptions: [String] = []

    /// What a work-items export cannot tell: windows it does not cover, intervals longer than
    /// the windows (the rate is spread evenly over each, which blurs it).
    static func check(_ workItems: WorkItemsLog, rates: [Double], windows: CounterWindows) -> [String] {
        var out: [String] = []
        let uncovered = rates.filter { !$0.isFinite }.count
        if uncovered > 0 {
            out.append("work items: \(uncovered) of \(rates.count) windows are outside the export's times and are left out of the initial server's fit")
        }
        if workItems.longestInterval > windows.length * 1.001 {
            out.append("work items: intervals of up to \(DurationSyntax.format(workItems.longestInterval)) are longer than the "
                       + "\(DurationSyntax.format(windows.length)) windows; each count is spread evenly over its interval, which "
                       + "blurs the rate and biases the per-work-item demands low: export at the window length or finer")
        }
        return out
    }

    /// Throws a `CounterLogError` when a logged host is neither a station nor mapped to one.
    public static func checkHosts(_ logs: [PDHCSVLog], map: CounterMap, scenario: Scenario) throws {
        let stations = scenario.layout.servers.map(\.name) + [scenario.managementGroup.database.name]
        for log in logs {
            for (k, counter) in log.counters.enumerated() where map.station(forHost: counter.host, stations: stations) == nil {
                throw CounterLogError(file: log.path, line: 1, column: log.counterColumns[k],
                                      message: "host '\(counter.host)' is not a station of scenario '\(scenario.name)' "
                                      + "(\(stations.joined(separator: ", "))); map it in the counter map: hosts: { \(counter.host): <station> }")
            }
        }
    }

    /// - Parameter workItems: the planner's export of work items per interval: when given, it
    ///   drives the workflow load on the initial server (and in the database) instead of a
    ///   workflow jobs counter, and the fit is per work item.
    public init(base: Scenario, map: CounterMap, windows: CounterWindows, workItems: WorkItemsLog? = nil) {
        self.base = base
        self.map = map
        self.windows = windows
        calibrated = base
        let layout = base.layout
        let stations = layout.servers.map(\.name) + [base.managementGroup.database.name]
        // Station → the logged host that is it.
        var hostOf: [String: String] = [:]
        for host in windows.hosts {
            if let station = map.station(forHost: host, stations: stations) { hostOf[station] = host }
        }
        func counter(_ station: String, _ role: CounterRole, instance: String? = nil) -> [Double]? {
            guard let host = hostOf[station], var path = map.counters[role] else { return nil }
            if let instance { path.instance = instance }
            return windows.series(host: host, path)
        }
        let classes = base.consoles.requests
        let perClass = map.requestClasses == .perClass
        // Logons are a column of their own when the scenario has a logon and a server logs them.
        let fitsLogons = base.consoles.logon != nil && layout.servers.contains { counter($0.name, .logons) != nil }
        let requestColumns = (perClass ? classes.map { "requests \($0.name)" } : ["requests"]) + (fitsLogons ? ["logons"] : [])
        func requests(_ station: String) -> [[Double]]? {
            var series: [[Double]?] = perClass ? classes.map { counter(station, .requests, instance: $0.name) } : [counter(station, .requests)]
            guard !series.contains(where: { $0 == nil }) else { return nil }
            if fitsLogons { series.append(counter(station, .logons) ?? Array(repeating: .nan, count: windows.count)) }
            return series.map { $0! }
        }

        // A work item's workflows wait for the next subscription poll: half a poll interval on average.
        let workItemRates = workItems.map { $0.rates(in: windows, lag: base.workflows.pollInterval / 2) }
        let workflowColumn = workItems == nil ? "workflow jobs" : "work items"
        if let workItems, let rates = workItemRates {
            warnings += Self.check(workItems, rates: rates, windows: windows)
        }
        /// What a station's host logged, for warnings that say what was found instead.
        func found(_ station: String) -> String {
            guard let host = hostOf[station] else { return "no log names this host" }
            let logged = windows.series.keys.filter { $0.host.uppercased() == host.uppercased() }.map(\.localDescription).sorted()
            return logged.isEmpty ? "\(host) logged nothing" : "found: " + logged.joined(separator: ", ")
        }
        if Self.usesConsoleLoad(base, counter: { counter($0, $1) }) {
            let initial = layout.servers.first(where: \.isInitial)?.name
            fitConsoleLoad(workflow: { s in workItemRates.map { s == initial ? $0 : nil } ?? counter(s, .workflowJobs) },
                           workflowColumn: workflowColumn, counter: { counter($0, $1) }, found: found)
            return
        }

        // Management servers: rows of (host, window).
        var serverHosts: [(station: String, cores: Double, requests: [[Double]]?, workflows: [Double]?, busy: [Double])] = []
        for server in layout.servers {
            guard let cpu = counter(server.name, .processor) else { continue }
            let req = requests(server.name)
            // The work items drive the workflows on the initial server, where the role starts.
            let wf = workItemRates.map { server.isInitial ? $0 : nil } ?? counter(server.name, .workflowJobs)
            if req == nil && wf == nil {
                warnings.append("\(server.name): no '\(map.counters[.requests]!.localDescription)' nor "
                                + "'\(map.counters[.workflowJobs]!.localDescription)' (\(found(server.name))); left out of the fit")
                continue
            }
            serverHosts.append((server.name, Double(server.cores), req, wf, cpu.map { $0 / 100 * Double(server.cores) }))
        }
        let hasWorkflows = serverHosts.contains { $0.workflows != nil }
        let serverColumns = serverHosts.map { "\($0.station) background" } + requestColumns + (hasWorkflows ? [workflowColumn] : [])
        var serverRows: [UtilizationRegression.Row] = []
        var saturated = 0
        for (h, host) in serverHosts.enumerated() {
            for w in 0..<windows.count {
                var x = [Double](repeating: 0, count: serverHosts.count)
                x[h] = 1
                x += host.requests.map { $0.map { $0[w] } } ?? Array(repeating: 0, count: requestColumns.count)
                if hasWorkflows { x.append(host.workflows?[w] ?? 0) }
                let y = host.busy[w]
                guard y.isFinite, x.allSatisfy(\.isFinite) else { continue }
                if y / host.cores > UtilizationRegression.saturationLimit { saturated += 1; continue }
                serverRows.append(.init(host: host.station, window: w, busy: y, regressors: x))
            }
        }
        if !serverHosts.isEmpty {
            regressions.append(UtilizationRegression(name: "management servers", columns: serverColumns,
                                                     intercepts: serverHosts.count, rows: serverRows, saturatedWindows: saturated))
        } else {
            warnings.append("no management server has processor and request or workflow counters: server demands not fitted")
        }

        // The database and its storage: against everything the servers sent them.
        let database = base.managementGroup.database
        let databaseColumns = ["\(database.name) background"] + requestColumns + (hasWorkflows ? [workflowColumn] : [])
        let databaseRegressors: [[Double]?] = serverHosts.isEmpty ? [] : (0..<windows.count).map { w in
            var x = [1.0] + Array(repeating: 0, count: requestColumns.count) + (hasWorkflows ? [0] : [])
            for host in serverHosts {
                for k in requestColumns.indices { x[1 + k] += host.requests?[k][w] ?? 0 }
                if hasWorkflows { x[x.count - 1] += host.workflows?[w] ?? 0 }
            }
            return x.allSatisfy(\.isFinite) ? x : nil
        }
        if let cpu = counter(database.name, .processor), !serverHosts.isEmpty {
            var rows: [UtilizationRegression.Row] = []
            var saturatedDB = 0
            let cores = Double(database.cores)
            for (w, x) in databaseRegressors.enumerated() {
                let y = cpu[w] / 100 * cores
                guard let x, y.isFinite else { continue }
                if y / cores > UtilizationRegression.saturationLimit { saturatedDB += 1; continue }
                rows.append(.init(host: database.name, window: w, busy: y, regressors: x))
            }
            regressions.append(UtilizationRegression(name: "database", columns: databaseColumns,
                                                     intercepts: 1, rows: rows, saturatedWindows: saturatedDB))
        } else if counter(database.name, .processor) == nil {
            warnings.append("\(database.name): no '\(map.counters[.processor]!.localDescription)' (\(found(database.name))): "
                            + "database demands not fitted")
        } else {
            warnings.append("\(database.name): processor logged, but no management server's requests or workflow counter "
                            + "to explain it: database demands not fitted")
        }
        let storage = StorageFit(base: base, columns: databaseColumns, regressors: databaseRegressors) { counter(database.name, $0) }
        if let r = storage.regression { regressions.append(r) }
        for r in regressions { warnings += r.warnings }

        values = CalibrationTarget.values(base: base, regressions: regressions, perClass: perClass)
        if let think = ThinkTimeEstimate(base: base, stations: layout.servers.map(\.name), counter: { counter($0, $1) }) {
            values.append(think.value)
            warnings += think.warnings
        } else {
            warnings.append("think time not fitted: it needs the consoles and requests counters of the servers")
        }
        values += storage.values
        warnings += storage.warnings
        for role in [CounterRole.sqlBatches, .pageLifeExpectancy] {
            guard let series = counter(database.name, role) else { continue }
            observed.append((role.rawValue, Estimate(values: series.filter(\.isFinite))))
        }
        for value in values {
            for (quantity, v) in value.fields { quantity.set(&calibrated, v) }
        }
    }
}
