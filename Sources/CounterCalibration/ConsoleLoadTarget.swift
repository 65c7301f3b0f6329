import ScenarioSpec

/// How the per-console fits become scenario numbers: the rows `CalibrationTarget` has for
/// per-request fits, for the fits of `ConsoleLoadFit`.
///
/// The logs measure what a connected console costs; a scenario states it as think time,
/// active fraction, request mix and per-request demands. The calibrated scenario keeps the
/// base's split and scales its demands until `ConsoleLoad` of the result equals the fitted
/// figure; which split was assumed is said in the note (and so in the file's comments and
/// the report). The per-host figures are reported beside it: the scenario has one set of
/// demands for every server, so a host whose figure differs from the pooled one is a finding.
enum ConsoleLoadTarget {
    /// Fitted values for every console column of `regressions`. `withJobs`: the database's
    /// per-console figure includes the workflow jobs (no workflow column of its own).
    static func values(base: Scenario, regressions: [UtilizationRegression], withJobs: Bool) -> [Calibration.FittedValue] {
        var out: [Calibration.FittedValue] = []
        let modelled = ConsoleLoad(base, withJobs: withJobs)
        func value(_ r: UtilizationRegression, _ column: String, _ name: String, _ modelled: Double,
                   _ fields: [(ScenarioQuantity, Double)], _ note: String, unit: String = "busy cores") {
            guard let c = r.coefficient(column) else { return }
            out.append(Calibration.FittedValue(name: name, regression: r.name, estimate: c.estimate, halfWidth: c.halfWidth,
                                               modelled: modelled, windows: r.rows.count, rSquared: r.fit.rSquared,
                                               fields: fields, note: note, unit: unit))
        }
        let k = factors(base: base, regressions: regressions, withJobs: withJobs)
        for r in regressions {
            switch r.name {
            case ConsoleLoadFit.byHost:
                for column in r.columns.dropFirst(r.intercepts) where column.hasPrefix(ConsoleLoadFit.consoles(on: "")) {
                    let host = String(column.dropFirst(ConsoleLoadFit.consoles(on: "").count))
                    value(r, column, "server busy cores per console on \(host)", modelled.server, [],
                          "this host alone; the scenario takes the pooled figure")
                }
            case ConsoleLoadFit.pooled:
                let fields = serverFields(base)
                value(r, ConsoleLoadFit.consoles, "server busy cores per console (pooled)", modelled.server,
                      k.server.map { k in fields.map { ($0, $0.get(base) * k) } } ?? [],
                      k.server.map { "request and logon server demands × \(NumberFormat.message($0)); split assumed (see the top)" }
                        ?? "no scaling of the server demands reaches it; not written")
            case ConsoleLoadFit.databaseConsoles:
                let fields = databaseFields(base, withJobs: withJobs)
                value(r, ConsoleLoadFit.consoles, "database busy cores per console", modelled.database,
                      k.database.map { k in fields.map { ($0, $0.get(base) * k) } } ?? [],
                      k.database.map { "database demands × \(NumberFormat.message($0))\(withJobs ? " (workflow job's too)" : ""); split assumed (see the top)" }
                        ?? "the base scenario has no database demand to scale; not written")
            case ConsoleLoadFit.databaseBatches:
                value(r, ConsoleLoadFit.batches, "database CPU per SQL batch", .nan, [],
                      "SQL Server's busy seconds per batch; the model has no batches, so it is reported, not written", unit: "s")
            case StorageFit.regressionName:
                let fields = readFields(base, withJobs: withJobs)
                let reads = modelled.reads
                guard let c = r.coefficient(ConsoleLoadFit.consoles) else { continue }
                value(r, ConsoleLoadFit.consoles, "physical reads/s per console", reads,
                      reads > 0 ? fields.map { ($0, $0.get(base) * c.estimate / reads) } : [],
                      reads > 0 ? "logical page reads × \(NumberFormat.message(c.estimate / reads)) at the model's hit ratio; split assumed (see the top)"
                                : "the base scenario sends no reads to storage; not written", unit: "reads/s")
            default:
                continue
            }
        }
        return out
    }

    /// The factors for the server and the database demands that give the pooled per-console
    /// figures together: each one's response time is part of the other's cycle, so each is
    /// solved with the other's scaling in place, a few rounds (the coupling is weak: a
    /// request's demands are small beside the think time).
    static func factors(base: Scenario, regressions: [UtilizationRegression], withJobs: Bool) -> (server: Double?, database: Double?) {
        let serverTarget = regressions.first { $0.name == ConsoleLoadFit.pooled }?.coefficient(ConsoleLoadFit.consoles)?.estimate
        let databaseTarget = regressions.first { $0.name == ConsoleLoadFit.databaseConsoles }?.coefficient(ConsoleLoadFit.consoles)?.estimate
        let server = serverFields(base), database = databaseFields(base, withJobs: withJobs)
        func scaled(_ fields: [ScenarioQuantity], _ k: Double?) -> Scenario {
            var s = base
            for q in fields { q.set(&s, q.get(base) * (k ?? 1)) }
            return s
        }
        var ks: Double?, kd: Double?
        for _ in 0..<6 {
            ks = serverTarget.flatMap { t in ConsoleLoad.factor(base: scaled(database, kd), fields: server, target: t) { ConsoleLoad($0, withJobs: withJobs).server } }
            kd = databaseTarget.flatMap { t in ConsoleLoad.factor(base: scaled(server, ks), fields: database, target: t) { ConsoleLoad($0, withJobs: withJobs).database } }
        }
        return (ks, kd)
    }

    /// Every server demand a console causes: its request classes' (refresh included) and its logon's.
    static func serverFields(_ s: Scenario) -> [ScenarioQuantity] {
        fields(s) { $0.hasSuffix(".server.mean") || $0.hasSuffix(".serverAfter.mean") }
    }

    static func databaseFields(_ s: Scenario, withJobs: Bool) -> [ScenarioQuantity] {
        fields(s, withJobs: withJobs) { $0.hasSuffix(".database.mean") }
    }

    static func readFields(_ s: Scenario, withJobs: Bool) -> [ScenarioQuantity] {
        fields(s, withJobs: withJobs) { $0.hasSuffix(".pageReads") }
    }

    /// The quantities of the request classes and the logon (and the workflow job) whose field matches.
    static func fields(_ s: Scenario, withJobs: Bool = false, _ matches: (String) -> Bool) -> [ScenarioQuantity] {
        s.quantities.filter { q in
            matches(q.field) && (q.field.hasPrefix("consoles.requests[") || q.field.hasPrefix("consoles.logon.")
                                 || (withJobs && q.field.hasPrefix("workflows.job.")))
        }
    }
}
