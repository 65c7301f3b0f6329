import GroupSimulation
import ScenarioSpec
import Statistics

/// How a regression coefficient becomes scenario numbers: the demand table of
/// `smsim calibrate`. One row per (regression, regressor); a new demand in the model (a logon
/// cost, a round trip) is fitted by adding its regressor to the regression and a row here.
enum CalibrationTarget {
    /// A row of the table.
    struct Row {
        var regression: String
        var column: String
        var name: String
        /// The base scenario's value of what the coefficient estimates.
        var modelled: (Scenario) -> Double
        /// The fields it sets, and their new values, given the estimate.
        var fields: (Scenario, Double) -> [(ScenarioQuantity, Double)]
        var note: String
    }

    /// The table for `base`: pooled or per-class request demands, workflow job demands.
    static func rows(base: Scenario, perClass: Bool) -> [Row] {
        let classes = base.consoles.requests
        let totalWeight = classes.reduce(0) { $0 + $1.weight }
        func q(_ field: String) -> ScenarioQuantity? { base.quantity(field) }
        /// Scales `fields` (those present) by estimate / modelled.
        func scale(_ fields: [String], _ modelled: Double) -> (Scenario, Double) -> [(ScenarioQuantity, Double)] {
            { s, estimate in
                guard modelled > 0 else { return [] }
                return fields.compactMap { f in q(f).map { ($0, $0.get(s) * estimate / modelled) } }
            }
        }
        var out: [Row] = []
        if perClass {
            for (i, c) in classes.enumerated() {
                let server = c.server.mean + (c.serverAfter?.mean ?? 0)
                out.append(Row(regression: "management servers", column: "requests \(c.name)",
                               name: "server CPU per \(c.name) request", modelled: { _ in server },
                               fields: scale(["consoles.requests[\(i)].server.mean", "consoles.requests[\(i)].serverAfter.mean"],
                                             server),
                               note: c.serverAfter != nil ? "server and serverAfter scaled together" : ""))
                let db = c.database?.mean ?? 0
                out.append(Row(regression: "database", column: "requests \(c.name)", name: "database time per \(c.name) request",
                               modelled: { _ in db }, fields: scale(["consoles.requests[\(i)].database.mean"], db),
                               note: c.database == nil ? "the class has no database demand in the base scenario; not written" : ""))
            }
        } else {
            let server = classes.reduce(0) { $0 + $1.weight * ($1.server.mean + ($1.serverAfter?.mean ?? 0)) } / totalWeight
            let serverFields = classes.indices.flatMap { ["consoles.requests[\($0)].server.mean", "consoles.requests[\($0)].serverAfter.mean"] }
            out.append(Row(regression: "management servers", column: "requests", name: "server CPU per request (mix of all classes)",
                           modelled: { _ in server }, fields: scale(serverFields, server),
                           note: "every class's server demand scaled by the same factor"))
            let db = classes.reduce(0) { $0 + $1.weight * ($1.database?.mean ?? 0) } / totalWeight
            out.append(Row(regression: "database", column: "requests", name: "database time per request (mix of all classes)",
                           modelled: { _ in db }, fields: scale(classes.indices.map { "consoles.requests[\($0)].database.mean" }, db),
                           note: "every class's database demand scaled by the same factor"))
        }
        if let logon = base.consoles.logon {
            let server = logon.server.mean + (logon.serverAfter?.mean ?? 0), db = logon.database?.mean ?? 0
            let reads = logon.pageReads * (1 - ModelConfig(scenario: base).hitRatio)
            out += [
                Row(regression: "management servers", column: "logons", name: "server CPU per logon", modelled: { _ in server },
                    fields: scale(["consoles.logon.server.mean", "consoles.logon.serverAfter.mean"], server),
                    note: logon.serverAfter != nil ? "server and serverAfter scaled together" : ""),
                Row(regression: "database", column: "logons", name: "database time per logon", modelled: { _ in db },
                    fields: scale(["consoles.logon.database.mean"], db),
                    note: logon.database == nil ? "the logon has no database demand in the base scenario; not written" : ""),
                Row(regression: StorageFit.regressionName, column: "logons", name: "physical reads per logon", modelled: { _ in reads },
                    fields: scale(["consoles.logon.pageReads"], reads), note: "logical page reads scaled at the model's hit ratio"),
            ]
        }
        out += storageRows(base: base, perClass: perClass, scale: scale)
        out += workItemRows(base: base, scale: scale)
        out.append(Row(regression: "management servers", column: "workflow jobs", name: "server CPU per workflow job",
                       modelled: { $0.workflows.job.server.mean },
                       fields: { _, v in q("workflows.job.server.mean").map { [($0, v)] } ?? [] },
                       note: "recurring jobs with their own demands add to the workflow server's background"))
        out.append(Row(regression: "database", column: "workflow jobs", name: "database time per workflow job",
                       modelled: { $0.workflows.job.database?.mean ?? 0 },
                       fields: { _, v in q("workflows.job.database.mean").map { [($0, v)] } ?? [] },
                       note: base.workflows.job.database == nil ? "the job has no database demand in the base scenario; not written" : ""))
        return out
    }

    /// With a work-items export the workflow regressor is work items per second, so its
    /// coefficient is a demand per work item: the job's demand × workflows per work item (the
    /// scenario's mean over the requests that trigger workflows). The job's demand is that
    /// coefficient divided back.
    static func workItemRows(base: Scenario, scale: ([String], Double) -> (Scenario, Double) -> [(ScenarioQuantity, Double)]) -> [Row] {
        let saves = base.consoles.requests.filter { $0.workflowsPerRequest > 0 }
        let saveWeight = saves.reduce(0) { $0 + $1.weight }
        let perItem = saveWeight > 0 ? saves.reduce(0) { $0 + $1.weight * $1.workflowsPerRequest } / saveWeight : 0
        let job = base.workflows.job
        let note = perItem > 0 ? "per work item = per workflow job × \(NumberFormat.message(perItem)) workflows per work item (the scenario's)"
                               : "no request class triggers workflows in the base scenario; not written"
        func perJob(_ field: String) -> (Scenario, Double) -> [(ScenarioQuantity, Double)] {
            { s, v in perItem > 0 ? s.quantity(field).map { [($0, v / perItem)] } ?? [] : [] }
        }
        let miss = 1 - ModelConfig(scenario: base).hitRatio
        return [
            Row(regression: "management servers", column: "work items", name: "server CPU per work item",
                modelled: { _ in job.server.mean * perItem }, fields: perJob("workflows.job.server.mean"), note: note),
            Row(regression: "database", column: "work items", name: "database time per work item",
                modelled: { _ in (job.database?.mean ?? 0) * perItem }, fields: perJob("workflows.job.database.mean"), note: note),
            Row(regression: StorageFit.regressionName, column: "work items", name: "physical reads per work item",
                modelled: { _ in job.pageReads * miss * perItem }, fields: scale(["workflows.job.pageReads"], job.pageReads * miss * perItem),
                note: note),
        ]
    }

    /// Physical reads (buffer-pool misses) per request and per workflow job: the model's are
    /// page reads × (1 − its hit ratio), so a fit scales the logical page reads.
    static func storageRows(base: Scenario, perClass: Bool,
                            scale: ([String], Double) -> (Scenario, Double) -> [(ScenarioQuantity, Double)]) -> [Row] {
        let miss = 1 - ModelConfig(scenario: base).hitRatio
        let classes = base.consoles.requests
        let regression = StorageFit.regressionName
        let note = miss > 0 ? "logical page reads scaled so that page reads × (1 − the model's hit ratio) gives the fitted reads"
                            : "the base scenario sends no reads to storage (no memory, or every page hits); not written"
        var out: [Row] = []
        if perClass {
            for (i, c) in classes.enumerated() {
                let reads = c.pageReads * miss
                out.append(Row(regression: regression, column: "requests \(c.name)", name: "physical reads per \(c.name) request",
                               modelled: { _ in reads }, fields: scale(["consoles.requests[\(i)].pageReads"], reads), note: note))
            }
        } else {
            let totalWeight = classes.reduce(0) { $0 + $1.weight }
            let reads = classes.reduce(0) { $0 + $1.weight * $1.pageReads } / totalWeight * miss
            out.append(Row(regression: regression, column: "requests", name: "physical reads per request (mix of all classes)",
                           modelled: { _ in reads }, fields: scale(classes.indices.map { "consoles.requests[\($0)].pageReads" }, reads),
                           note: note))
        }
        let jobReads = base.workflows.job.pageReads * miss
        out.append(Row(regression: regression, column: "workflow jobs", name: "physical reads per workflow job",
                       modelled: { _ in jobReads }, fields: scale(["workflows.job.pageReads"], jobReads), note: note))
        return out
    }

    /// The fitted values of every row whose regressor was in a regression, then the intercepts.
    static func values(base: Scenario, regressions: [UtilizationRegression], perClass: Bool) -> [Calibration.FittedValue] {
        var out: [Calibration.FittedValue] = []
        for row in rows(base: base, perClass: perClass) {
            guard let r = regressions.first(where: { $0.name == row.regression }), let c = r.coefficient(row.column) else { continue }
            out.append(Calibration.FittedValue(
                name: row.name, regression: r.name, estimate: c.estimate, halfWidth: c.halfWidth, modelled: row.modelled(base),
                windows: r.rows.count, rSquared: r.fit.rSquared, fields: row.fields(base, c.estimate), note: row.note))
        }
        for r in regressions {
            for j in 0..<r.intercepts {
                out.append(Calibration.FittedValue(
                    name: r.columns[j] + (r.name == StorageFit.regressionName ? " (reads/s)" : " (busy cores)"), regression: r.name, estimate: r.fit.coefficients[j],
                    halfWidth: r.fit.halfWidths[j], modelled: .nan, windows: r.rows.count, rSquared: r.fit.rSquared, fields: [],
                    note: "load no counter explains (other services, recurring engine work); the model has no field for it"))
            }
        }
        return out
    }
}

/// Think time from the interactive response time law: with N consoles connected, X requests
/// per second answered and mean response time R, each console's cycle is N/X = R + Z, so
/// Z = N/X − R. Estimated per window over all servers; the interval is Student's t over
/// the windows.
struct ThinkTimeEstimate {
    var value: Calibration.FittedValue
    var warnings: [String] = []

    init?(base: Scenario, stations: [String], counter: (String, CounterRole) -> [Double]?) {
        var perWindow: [Double] = []
        var noResponseTime = false
        let series = stations.compactMap { s -> (n: [Double], x: [Double], r: [Double]?)? in
            guard let n = counter(s, .consoles), let x = counter(s, .requests) else { return nil }
            return (n, x, counter(s, .responseTime))
        }
        guard let count = series.first?.n.count else { return nil }
        for w in 0..<count {
            var n = 0.0, x = 0.0, rx = 0.0
            var complete = true
            for s in series {
                guard s.n[w].isFinite, s.x[w].isFinite else { complete = false; break }
                n += s.n[w]
                x += s.x[w]
                if let r = s.r { if r[w].isFinite { rx += r[w] * s.x[w] } } else { noResponseTime = true }
            }
            guard complete, x > 0, n >= 1 else { continue }
            perWindow.append(n / x - rx / x)
        }
        guard perWindow.count >= 2 else { return nil }
        let e = Estimate(values: perWindow)
        let field = base.quantity("consoles.thinkTime.mean")!
        value = Calibration.FittedValue(
            name: "think time", regression: "response time law", estimate: e.mean, halfWidth: e.halfWidth,
            modelled: base.consoles.thinkTime.mean, windows: perWindow.count, rSquared: .nan,
            fields: e.mean > 0 ? [(field, e.mean)] : [],
            note: noResponseTime ? "no response time counter: think time includes the response time" : "Z = N/X − R per window")
        if noResponseTime { warnings.append("think time: no response time counter, so the estimate includes the response time") }
    }
}
