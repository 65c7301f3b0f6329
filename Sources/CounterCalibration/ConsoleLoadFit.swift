import ScenarioSpec
import Statistics

/// The fits a management group's standard counters allow: busy cores against connected
/// consoles on each management server, and the SQL server's busy cores against its batches
/// and against the consoles connected to all servers.
///
/// A default Service Manager installation publishes no counter of console requests, only the
/// SDK service's client connections; what the logs can measure is then the load a connected
/// console puts on its server, U(t) = U₀ + d · N(t). `Calibration` uses these fits when no
/// server logs a requests counter, so logs that do have one keep their per-request fits.
struct ConsoleLoadFit {
    /// Per host, each with its own per-console figure: reported, not written (the scenario
    /// has one set of demands for every server).
    static let byHost = "management servers by host"
    /// One per-console figure for all servers (a background each): written into the scenario.
    /// Named like the per-request fit so the workflow rows of `CalibrationTarget` apply to it.
    static let pooled = "management servers"
    /// The database against all consoles: written into the scenario.
    static let databaseConsoles = "database"
    /// The database against its own batches: reported (the model has no batches).
    static let databaseBatches = "database per SQL batch"
    /// The regressor columns.
    static let consoles = "consoles"
    static let batches = "SQL batches"
    static func consoles(on host: String) -> String { "consoles on \(host)" }

    var regressions: [UtilizationRegression] = []
    var warnings: [String] = []
    /// The database fit's columns and per-window rows (nil where a regressor is missing), for
    /// the disk reads regression: physical reads per console.
    var databaseColumns: [String] = []
    var databaseRegressors: [[Double]?] = []
    /// Servers that entered the fits.
    var fittedServers: [String] = []

    /// - Parameters:
    ///   - workflow: the workflow load on each server (a workflow jobs counter, or the work
    ///     items on the initial server), per window; a column of its own where given.
    ///   - counter: a station's series for a role, if logged.
    init(base: Scenario, windows count: Int, workflow: (String) -> [Double]?, workflowColumn: String,
         counter: (String, CounterRole) -> [Double]?) {
        let layout = base.layout
        var hosts: [(station: String, cores: Double, consoles: [Double], workflow: [Double]?, busy: [Double])] = []
        var allConsoles: [[Double]] = []
        for server in layout.servers {
            let n = counter(server.name, .consoles)
            if let n { allConsoles.append(n) }
            guard let cpu = counter(server.name, .processor), let n else { continue }
            hosts.append((server.name, Double(server.cores), n, workflow(server.name), cpu.map { $0 / 100 * Double(server.cores) }))
        }
        fittedServers = hosts.map(\.station)
        let hasWorkflow = hosts.contains { $0.workflow != nil }
        if !hosts.isEmpty {
            for byHost in [true, false] {
                let columns = hosts.map { "\($0.station) background" }
                    + (byHost ? hosts.map { Self.consoles(on: $0.station) } : [Self.consoles]) + (hasWorkflow ? [workflowColumn] : [])
                var rows: [UtilizationRegression.Row] = []
                var saturated = 0
                for (h, host) in hosts.enumerated() {
                    for w in 0..<count {
                        var x = [Double](repeating: 0, count: columns.count)
                        x[h] = 1
                        x[hosts.count + (byHost ? h : 0)] = host.consoles[w]
                        if hasWorkflow { x[columns.count - 1] = host.workflow?[w] ?? 0 }
                        let y = host.busy[w]
                        guard y.isFinite, x.allSatisfy(\.isFinite) else { continue }
                        if y / host.cores > UtilizationRegression.saturationLimit { saturated += 1; continue }
                        rows.append(.init(host: host.station, window: w, busy: y, regressors: x))
                    }
                }
                regressions.append(UtilizationRegression(name: byHost ? Self.byHost : Self.pooled, columns: columns,
                                                         intercepts: hosts.count, rows: rows, saturatedWindows: saturated))
            }
        }

        // The database: its busy cores against the consoles of all servers (and the workflow
        // load), and against its own batches.
        let database = base.managementGroup.database
        let cores = Double(database.cores)
        let cpu = counter(database.name, .processor)
        if !allConsoles.isEmpty {
            databaseColumns = ["\(database.name) background", Self.consoles] + (hasWorkflow ? [workflowColumn] : [])
            databaseRegressors = (0..<count).map { w in
                var x = [1.0, allConsoles.reduce(0) { $0 + $1[w] }]
                if hasWorkflow { x.append(hosts.reduce(0) { $0 + ($1.workflow?[w] ?? 0) }) }
                return x.allSatisfy(\.isFinite) ? x : nil
            }
            if let cpu { regressions.append(Self.database(Self.databaseConsoles, database.name, cores, cpu, databaseColumns, databaseRegressors)) }
        }
        if let cpu, let batches = counter(database.name, .sqlBatches) {
            let rows = batches.map { $0.isFinite ? [1.0, $0] : nil }
            regressions.append(Self.database(Self.databaseBatches, database.name, cores, cpu,
                                             ["\(database.name) background", Self.batches], rows))
        }
    }

    /// One database regression of busy cores on `regressors` per window.
    static func database(_ name: String, _ host: String, _ cores: Double, _ cpu: [Double], _ columns: [String],
                         _ regressors: [[Double]?]) -> UtilizationRegression {
        var rows: [UtilizationRegression.Row] = []
        var saturated = 0
        for (w, x) in regressors.enumerated() {
            let y = cpu[w] / 100 * cores
            guard let x, y.isFinite else { continue }
            if y / cores > UtilizationRegression.saturationLimit { saturated += 1; continue }
            rows.append(.init(host: host, window: w, busy: y, regressors: x))
        }
        return UtilizationRegression(name: name, columns: columns, intercepts: 1, rows: rows, saturatedWindows: saturated)
    }
}
