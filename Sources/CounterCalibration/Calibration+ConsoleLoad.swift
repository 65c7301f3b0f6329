import ScenarioSpec
import Statistics

/// The per-console path of `smsim calibrate`: taken when no management server logs a
/// requests counter (a default installation publishes none) but servers log their processor
/// and the SDK service's client connections.
extension Calibration {
    /// Whether the logs call for the per-console fits: some server has processor and
    /// consoles counters, none has a requests counter.
    static func usesConsoleLoad(_ base: Scenario, counter: (String, CounterRole) -> [Double]?) -> Bool {
        let servers = base.layout.servers.map(\.name)
        return !servers.contains { counter($0, .requests) != nil }
            && servers.contains { counter($0, .processor) != nil && counter($0, .consoles) != nil }
    }

    /// Fits busy cores per connected console (per host and pooled), the database's per console
    /// and per SQL batch, the physical reads per console, and writes the pooled figures into
    /// `calibrated` through the base's split.
    mutating func fitConsoleLoad(workflow: (String) -> [Double]?, workflowColumn: String,
                                 counter: (String, CounterRole) -> [Double]?, found: (String) -> String) {
        let database = base.managementGroup.database
        let fit = ConsoleLoadFit(base: base, windows: windows.count, workflow: workflow, workflowColumn: workflowColumn,
                                 counter: counter)
        regressions = fit.regressions
        for server in base.layout.servers where !fit.fittedServers.contains(server.name) {
            let missing = [CounterRole.processor, .consoles].filter { counter(server.name, $0) == nil }
            guard !missing.isEmpty else { continue }
            warnings.append("\(server.name): no \(missing.map { "'\(map.counters[$0]!.localDescription)'" }.joined(separator: " nor ")) "
                            + "(\(found(server.name))); left out of the per-console fit")
        }
        if fit.fittedServers.isEmpty {
            warnings.append("no management server logs both '\(map.counters[.processor]!.localDescription)' and "
                            + "'\(map.counters[.consoles]!.localDescription)': server load per console not fitted")
        }
        if counter(database.name, .processor) == nil {
            warnings.append("\(database.name): no '\(map.counters[.processor]!.localDescription)' (\(found(database.name))): "
                            + "database load per console and per batch not fitted")
        } else if counter(database.name, .sqlBatches) == nil {
            warnings.append("\(database.name): no '\(map.counters[.sqlBatches]!.localDescription)' (\(found(database.name))): "
                            + "database CPU per batch not fitted")
        }
        let storage = StorageFit(base: base, columns: fit.databaseColumns, regressors: fit.databaseRegressors) { counter(database.name, $0) }
        if let r = storage.regression { regressions.append(r) }
        for r in regressions { warnings += r.warnings }

        let withJobs = !fit.databaseColumns.contains(workflowColumn)
        values = ConsoleLoadTarget.values(base: base, regressions: regressions, withJobs: withJobs)
        // The workflow rows (per work item, per job) and the backgrounds of the fits the
        // scenario takes (the per-host and per-batch fits' own backgrounds would repeat them).
        values += CalibrationTarget.values(base: base, regressions: regressions, perClass: false).filter {
            $0.fields.count > 0 || ![ConsoleLoadFit.byHost, ConsoleLoadFit.databaseBatches].contains($0.regression)
        }
        if values.contains(where: { !$0.fields.isEmpty && $0.unit == "busy cores" }) { assumptions.append(ConsoleLoad.split(base)) }
        values += storage.values
        warnings += storage.warnings
        warnings.append("think time not fitted: no server logs '\(map.counters[.requests]!.localDescription)', so the logs "
                        + "measure the load per connected console; the base's think time, active fraction and request mix "
                        + "are kept as the assumed split (see the per-console rows)")
        for role in [CounterRole.sqlBatches, .pageLifeExpectancy] {
            guard let series = counter(database.name, role) else { continue }
            observed.append((role.rawValue, Estimate(values: series.filter(\.isFinite))))
        }
        for value in values {
            for (quantity, v) in value.fields { quantity.set(&calibrated, v) }
        }
    }
}
