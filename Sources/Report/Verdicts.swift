import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Statistics

/// The scenario's objectives judged against a run's summary.csv, with the same rule as
/// `smsim run` and `check` (`RunReport.evaluate`): PASS when the whole 95 % interval is
/// within the limit, FAIL when it is wholly beyond, UNSURE when it straddles.
enum Verdicts {
    static func judge(_ run: RunOutput, scenario: Scenario) -> [SLOResult] {
        guard let summary = run.summary else { return [] }
        var report = RunReport(scenario: scenario, replications: [])
        report.summary = summary.rows.compactMap { r in
            guard let mean = summary.number(r, "mean"), let metric = Metric(csvName: summary.text(r, "metric")) else { return nil }
            let ci = summary.number(r, "ci95") ?? .nan
            return SummaryRow(metric: metric, station: summary.text(r, "station"),
                              estimate: Estimate(mean: mean, halfWidth: ci, min: summary.number(r, "min") ?? mean,
                                                 max: summary.number(r, "max") ?? mean, count: run.replications))
        }
        return report.evaluate(scenario.slo, databaseName: scenario.managementGroup.database.name)
    }

    /// What an objective means in words, for the first screen (the name itself when it is
    /// not one smsim knows).
    static func describe(_ name: String) -> String {
        Objective(rawValue: name)?.meaning ?? name
    }

    /// The objective's short name for a sentence.
    static func title(_ name: String) -> String {
        Objective(rawValue: name)?.title ?? name
    }

    static func value(_ x: Double, unit: String) -> String {
        switch unit {
        case "": return NumberText.percent(x)
        case "s": return NumberText.show(x) + " s"
        default: return NumberText.show(x) + " " + unit
        }
    }

    /// `2.63 s ± 0.10 s` in the objective's unit (percentages for fractions); `2.63 s in
    /// every replication` when they all agree.
    static func interval(_ r: SLOResult) -> String {
        interval(mean: r.estimate.mean, halfWidth: r.estimate.halfWidth, unit: r.unit)
    }

    static func interval(mean m: Double, halfWidth h: Double, unit: String) -> String {
        let mean = value(m, unit: unit)
        guard h.isFinite else { return mean + " (no interval: one replication)" }
        let parts = NumberFormat.estimateParts(m, h, plain: .report)
        if parts.halfWidth == "0" { return mean + " in every replication" }
        if unit.isEmpty { return NumberText.percentInterval(m, h) }
        let u = unit == "s" ? " s" : " " + unit
        return "\(parts.value)\(u) ± \(parts.halfWidth ?? "")\(u)"
    }

    static func table(_ results: [SLOResult]) -> Table {
        Table(headers: ["objective", "meaning", "estimate (95 % CI)", "limit", "verdict"],
              rows: results.map { [$0.name, describe($0.name), interval($0), value($0.limit, unit: $0.unit), $0.verdict.rawValue] })
    }

    /// Verdict badges in a sentence: "PASS p95Latency 2.892 s ± 0.6245 s (limit 4 s)".
    static func badges(_ results: [SLOResult]) -> String {
        "<ul class=\"verdicts\">" + results.map { r in
            "<li><span class=\"verdict \(r.verdict.rawValue)\">\(r.verdict.rawValue)</span> "
                + HTML.escape("\(describe(r.name)) \(value(r.limit, unit: r.unit)): estimate \(interval(r))")
                + "</li>"
        }.joined() + "</ul>"
    }
}
