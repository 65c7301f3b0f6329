import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation
import Statistics

/// The report of `smsim sweep`: per curve (ratio or consoles, and servers down), the fewest
/// servers meeting every objective, then p95 latency and peak utilization against the
/// server count with their 95 % intervals.
enum SweepPage {
    struct Curve {
        var key: String
        var title: String
        var rows: [[String]]
    }

    static func build(_ csv: CSVTable, _ options: ReportOptions) -> HTMLPage {
        let manifest = (try? Data(contentsOf: URL(fileURLWithPath: "\(options.directory)/sweep.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } ?? [:]
        let name = csv.rows.first.map { csv.text($0, "scenario") } ?? "?"
        let context = ReportBuilder.scenario(options, named: nil, hash: manifest["scenarioHash"] as? String, scenarioName: name)
        let curves = self.curves(csv)
        var page = HTMLPage(title: "\(name): how latency and utilization move with the number of servers",
                            subtitle: "smsim sweep: \(csv.rows.count) configurations, \(csv.rows.first.map { csv.text($0, "replications") } ?? "?") replications each; every point with its 95 % confidence interval.")
        page.answer = answer(csv, curves, context)
        let db = context.scenario?.managementGroup.database.name ?? "database"
        page.section("curves", "Evidence: sweep curves", [
            figure(csv, curves, Metric.latencyP95.csvName, scale: 0.001, y: "p95 latency (s)", title: "p95 console latency against additional servers",
                   reference: context.scenario?.slo.p95Latency.map { ($0, "objective \(NumberText.show($0)) s") }),
            figure(csv, curves, Metric.serverUtilizationPeak.csvName, scale: 1, y: "utilization", title: "Busiest 5-minute window of any management server",
                   reference: context.scenario?.slo.maxUtilization.map { ($0, "objective \(NumberText.percent($0))") }, yMax: 1),
            figure(csv, curves, SweepTable.databaseColumn(.utilizationPeak), scale: 1, y: "utilization", title: "Busiest 5-minute window of the database (\(db))",
                   reference: context.scenario?.slo.maxDatabaseUtilization.map { ($0, "objective \(NumberText.percent($0))") }, yMax: 1),
        ])
        Sensitivity.section(options.directory, into: &page)
        page.section("assumptions", "Assumptions: every input and its source", ContextSection.assumptions(context, sourcesPath: options.sourcesPath))
        page.section("validation", "Is the engine right? The validation suite", ContextSection.validation(scale: options.validationScale))
        var run: [[String]] = []
        for key in ["scenario", "scenarioHash", "seed", "replications", "points", "smsimVersion"] {
            run.append([key, manifest[key].map { "\($0)" } ?? "not recorded"])
        }
        page.section("context", "Run context", [Table(headers: ["field", "value"], rows: run).html,
                                                HTMLPage.paragraph("A sweep keeps per point only its summary (sweep.csv); the conservation of each replication was checked while it ran (an imbalance stops a sweep with exit status 3).")])
        return page
    }

    /// Curves keyed as plots.gnuplot keys them: the ratio when set, else the consoles, and the servers down.
    static func curves(_ csv: CSVTable) -> [Curve] {
        var order: [String] = [], rows: [String: [[String]]] = [:]
        let downs = Set(csv.rows.map { csv.text($0, "down") })
        for r in csv.rows {
            let ratio = csv.text(r, "ratio")
            var title = ratio.isEmpty ? "\(csv.text(r, "consoles")) consoles" : "\(ratio) consoles/server"
            if downs.count > 1 { title += ", \(csv.text(r, "down")) down" }
            if rows[title] == nil { order.append(title) }
            rows[title, default: []].append(r)
        }
        return order.map { k in Curve(key: k, title: k, rows: rows[k]!.sorted { (csv.number($0, "servers") ?? 0) < (csv.number($1, "servers") ?? 0) }) }
    }

    static func figure(_ csv: CSVTable, _ curves: [Curve], _ metric: String, scale: Double, y: String, title: String,
                       reference: (Double, String)?, yMax: Double? = nil) -> String {
        guard csv.has(metric + "_mean") else {
            return HTMLPage.missing("\(title): sweep.csv has no \(metric) column (written by an older smsim).")
        }
        let series = curves.enumerated().map { i, c in
            ChartSeries(name: c.title, colour: Palette.colour(i),
                        points: c.rows.compactMap { r in csv.number(r, "servers").map { ($0, csv.number(r, metric + "_mean").map { $0 * scale }) } },
                        band: c.rows.compactMap { r in
                            guard let x = csv.number(r, "servers"), let m = csv.number(r, metric + "_mean"), let h = csv.number(r, metric + "_ci95") else { return nil }
                            return (x, max(0, (m - h) * scale), (m + h) * scale)
                        }, dots: true)
        }
        let chart = LineChart(xLabel: "additional management servers", yLabel: y, series: series, integerX: true, yMax: yMax,
                              references: reference.map { [(y: $0.0, label: $0.1)] } ?? [])
        let rows = curves.flatMap { c in c.rows.map { r in
            [c.title, csv.text(r, "servers"), csv.text(r, "consoles"),
             NumberText.interval((csv.number(r, metric + "_mean") ?? .nan) * scale, csv.number(r, metric + "_ci95").map { $0 * scale })]
        } }
        return Figure(title: title, svg: chart.svg(title: title), legend: series.map { ($0.name, $0.colour, false) },
                      note: "Each dot is one configuration's mean over its replications; the band is its 95 % confidence interval.",
                      table: Table(headers: ["curve", "additional servers", "consoles", "\(y) ± 95 % CI"], rows: rows)).html
    }

    /// The objectives judged at each point with the rule of `smsim check`.
    static func verdicts(_ csv: CSVTable, _ row: [String], _ scenario: Scenario) -> [SLOResult] {
        var report = RunReport(scenario: scenario, replications: [])
        let db = scenario.managementGroup.database.name
        for h in csv.header where h.hasSuffix("_mean") {
            let metric = String(h.dropLast(5))
            guard let mean = csv.number(row, h) else { continue }
            let name = metric.hasPrefix("database_") ? String(metric.dropFirst(9)) : metric
            guard let m = Metric(csvName: name) else { continue }
            let ci = csv.number(row, metric + "_ci95") ?? .nan
            let e = Estimate(mean: mean, halfWidth: ci, min: mean, max: mean, count: Int(csv.text(row, "replications")) ?? 0)
            report.summary.append(SummaryRow(metric: m, station: metric.hasPrefix("database_") ? db : "all", estimate: e))
        }
        return report.evaluate(scenario.slo, databaseName: db)
    }

    static func answer(_ csv: CSVTable, _ curves: [Curve], _ context: ScenarioContext) -> [String] {
        guard let scenario = context.scenario else {
            return [HTMLPage.missing("No verdicts: \(context.problem ?? "the scenario is unknown"); pass --scenario to judge each point against its objectives. The curves below show what the sweep measured.")]
        }
        var out: [String] = [], rows: [[String]] = []
        for c in curves {
            var first: String?
            for r in c.rows {
                let v = verdicts(csv, r, scenario)
                let ok = !v.isEmpty && v.allSatisfy { $0.verdict == .pass }
                if ok && first == nil { first = csv.text(r, "servers") }
                let notMet = v.filter { $0.verdict != .pass }.map { "\($0.name) \($0.verdict.rawValue)" }
                rows.append([c.title, csv.text(r, "servers"), csv.text(r, "consoles"), v.isEmpty ? "no objectives" : (ok ? "all PASS" : notMet.joined(separator: ", "))])
            }
            out.append(HTMLPage.paragraph(first.map { "\(c.title): \($0) additional servers is the fewest in the sweep meeting every objective." }
                ?? "\(c.title): no server count in the sweep meets every objective.", cls: "headline"))
        }
        out.append(Table(headers: ["curve", "additional servers", "consoles", "objectives (PASS needs the whole 95 % interval within the limit)"], rows: rows).html)
        return out
    }
}
