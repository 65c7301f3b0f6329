import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// The report of `smsim compare`: the paired differences with their intervals and what
/// they mean, then the configurations drawn on shared axes.
enum ComparePage {
    static func build(_ csv: CSVTable, _ options: ReportOptions) -> HTMLPage {
        let dir = options.directory
        let ratioDirs = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasPrefix("ratio-") }.sorted { (Int($0.dropFirst(6)) ?? 0) < (Int($1.dropFirst(6)) ?? 0) }
        let runs = ratioDirs.compactMap { RunOutput(directory: "\(dir)/\($0)") }
        let first = runs.first
        let context = ReportBuilder.scenario(options, named: first?.scenarioPathInManifest, hash: first?.manifest["scenarioHash"] as? String,
                                             scenarioName: first?.scenarioName)
        let name = csv.rows.first.map { csv.text($0, "scenario") } ?? "?"
        var page = HTMLPage(title: "\(name): consoles per server compared",
                            subtitle: "smsim compare: the same users (common random numbers) at \(runs.compactMap(\.ratio).map(String.init).joined(separator: ", ")) consoles per server; differences are paired, with 95 % confidence intervals.")
        page.answer = answer(csv, runs: runs, context: context)
        let bottlenecks = runs.map { ($0, BottleneckFile.read("\($0.directory)/bottleneck.json")) }
        for case let (run, file?) in bottlenecks {
            page.answer.append(HTMLPage.paragraph("\(configuration(run)): " + BottleneckSection.sentence(file)))
        }
        page.section("bottleneck", "The bottleneck of each configuration: what is closest to its limit, and what relieves it",
                     bottlenecks.flatMap { run, file in ["<h3>\(HTML.escape(configuration(run)))</h3>"] + BottleneckSection.body(file) })
        page.section("overlay", "Evidence: the configurations on shared axes", overlays(runs, context))
        for run in runs {
            let figures = RunFigures(run: run, context: context)
            page.section("ratio-\(run.ratio ?? 0)", "At \(run.ratio.map(String.init) ?? "?") consoles per server (\(run.additionalServers) servers)",
                         [figures.latency.html, figures.utilization.html])
        }
        Sensitivity.section(dir, into: &page)
        page.section("assumptions", "Assumptions: every input and its source", ContextSection.assumptions(context, sourcesPath: options.sourcesPath))
        page.section("validation", "Is the engine right? The validation suite", ContextSection.validation(scale: options.validationScale))
        page.section("context", "Run context and conservation", ContextSection.runContext(runs))
        return page
    }

    /// `At 40 consoles per server (10 servers)`.
    static func configuration(_ run: RunOutput) -> String {
        "At \(run.ratio.map(String.init) ?? "?") consoles per server (\(run.additionalServers) servers)"
    }

    /// Whether a paired interval excludes zero, in words.
    static func meaning(_ diff: Double, _ ci: Double?, better: String, worse: String) -> String {
        guard let ci, ci.isFinite else { return "one replication: no interval, so no conclusion" }
        if abs(diff) <= ci { return "cannot be told apart from no difference (the interval contains 0)" }
        return diff > 0 ? worse : better
    }

    /// The metric's label, scale and unit as the page shows them: fractions in percentage
    /// points (as the catalogue shows them), latencies in seconds like the rest of the page.
    static func display(_ csvName: String) -> (label: String, scale: Double, unit: String) {
        guard let m = Metric(csvName: csvName) else { return (csvName, 1, "") }
        let d = m.unit == .milliseconds ? m.unit.limit : m.display
        return (m.label, d.scale, d.unit)
    }

    static func answer(_ csv: CSVTable, runs: [RunOutput], context: ScenarioContext) -> [String] {
        var out: [String] = []
        var tableRows: [[String]] = []
        var pairs: [String] = []
        for r in csv.rows {
            let pair = "\(csv.text(r, "ratio_b")) vs \(csv.text(r, "ratio_a"))"
            if !pairs.contains(pair) { pairs.append(pair) }
            guard let diff = csv.number(r, "diff") else { continue }
            let metric = csv.text(r, "metric")
            let (label, scale, unit) = display(metric)
            let ci = csv.number(r, "paired_ci95"), unpaired = csv.number(r, "unpaired_ci95")
            let d = NumberText.signedInterval(diff * scale, ci.map { $0 * scale }) + (unit.isEmpty ? "" : " " + unit)
            tableRows.append([pair + " per server", label + (csv.text(r, "station") == "all" ? "" : " (\(csv.text(r, "station")))"),
                              NumberText.show((csv.number(r, "mean_a") ?? .nan) * scale) + (unit == "pp" ? " %" : " " + unit),
                              NumberText.show((csv.number(r, "mean_b") ?? .nan) * scale) + (unit == "pp" ? " %" : " " + unit),
                              d, unpaired.map { "± " + NumberText.halfWidth($0 * scale, of: diff * scale) } ?? "",
                              meaning(diff, ci, better: "lower, beyond doubt at 95 %", worse: "higher, beyond doubt at 95 %")])
        }
        for pair in pairs {
            let rows = csv.rows.filter { "\(csv.text($0, "ratio_b")) vs \(csv.text($0, "ratio_a"))" == pair }
            guard let any = rows.first else { continue }
            func row(_ m: String) -> [String]? { rows.first { csv.text($0, "metric") == m && csv.text($0, "station") == "all" } }
            var sentence = "Going from \(csv.text(any, "ratio_a")) to \(csv.text(any, "ratio_b")) consoles per server needs \(csv.text(any, "servers_b")) additional servers instead of \(csv.text(any, "servers_a"))"
            if let p = row(Metric.latencyP95.csvName), let diff = csv.number(p, "diff") {
                let ci = csv.number(p, "paired_ci95")
                sentence += "; p95 console latency changes by \(NumberText.signedInterval(diff / 1000, ci.map { $0 / 1000 })) s"
                    + " (" + meaning(diff, ci, better: "it gets faster", worse: "it gets slower") + ")"
            }
            if let p = row(Metric.serverUtilizationPeak.csvName), let diff = csv.number(p, "diff") {
                let ci = csv.number(p, "paired_ci95")
                sentence += "; the busiest server's peak window changes by \(NumberText.signedInterval(diff * 100, ci.map { $0 * 100 })) percentage points"
            }
            out.append(HTMLPage.paragraph(sentence + ".", cls: "headline"))
        }
        out.append(HTMLPage.paragraph("Paired: replication i of every configuration sees the same users doing the same things, so the difference is measured replication by replication; the unpaired ± is what independent runs would have given for the same effort."))
        out.append(Table(headers: ["pair", "metric", "first", "second", "difference (paired 95 % CI)", "unpaired 95 % CI", "what it means"], rows: tableRows).html)
        if let scenario = context.scenario {
            for run in runs {
                let results = Verdicts.judge(run, scenario: scenario)
                guard !results.isEmpty else { continue }
                out.append("<p><strong>\(HTML.escape("At \(run.ratio.map(String.init) ?? "?") consoles per server (\(run.additionalServers) servers):"))</strong></p>" + Verdicts.badges(results))
            }
        } else {
            out.append(HTMLPage.missing("No objective verdicts per configuration: \(context.problem ?? "the scenario is unknown")."))
        }
        return out
    }

    static func overlays(_ runs: [RunOutput], _ context: ScenarioContext) -> [String] {
        guard !runs.isEmpty else { return [HTMLPage.missing("No ratio-*/ directories with timeseries-mean.csv were found, so there is nothing to overlay.")] }
        func figure(_ title: String, station: (RunOutput) -> String, column: TimeSeriesColumn, ci: TimeSeriesColumn?, scale: Double, y: String, yMax: Double?) -> String {
            let series: [ChartSeries] = runs.enumerated().map { i, run in
                let points = run.values(station(run), column).map { ($0.0, $0.1.map { $0 * scale }) }
                let halves = ci.map { c in Dictionary(run.values(station(run), c).compactMap { t, h in h.map { (t, $0 * scale) } }, uniquingKeysWith: { a, _ in a }) } ?? [:]
                let band = points.compactMap { t, v -> (Double, Double, Double)? in
                    guard let v, let h = halves[t], h > 0 else { return nil }
                    return (t, max(0, v - h), v + h)
                }
                return ChartSeries(name: "\(run.ratio.map(String.init) ?? "?") per server (\(run.additionalServers) servers)", colour: Palette.colour(i), points: points, band: band)
            }
            let chart = LineChart(xLabel: context.timeAxisLabel, yLabel: y, series: series, xTick: context.clock, yMax: yMax,
                                  xRange: (0, runs[0].duration), timeX: true)
            let table = Table.series(series, xs: runs.first?.windows ?? [], xHeader: "window start", unit: "", x: context.clock)
            return Figure(title: title, svg: chart.svg(title: title), legend: series.map { ($0.name, $0.colour, false) },
                          note: "Mean of the paired replications per 5-minute window, with its 95 % band.", table: table).html
        }
        return [
            figure("p95 console latency, all servers: the configurations overlaid", station: { _ in "all" }, column: .latencyP95, ci: .latencyP95CI, scale: 0.001, y: "p95 latency (s)", yMax: nil),
            figure("Mean CPU utilization of the management servers: the configurations overlaid", station: { _ in "all" }, column: .utilization, ci: .utilizationCI, scale: 1, y: "utilization", yMax: 1),
            figure("Database CPU utilization: the configurations overlaid", station: { $0.databases.first ?? "SQL" }, column: .utilization, ci: .utilizationCI, scale: 1, y: "utilization", yMax: 1),
        ]
    }
}
