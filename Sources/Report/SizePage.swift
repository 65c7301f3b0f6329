import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// The report of `smsim size`: how many servers, with how many down, what saturates first
/// and how much headroom is left; then every simulated count and the chosen count's day.
enum SizePage {
    struct Verdict {
        var name: String
        var limit: Double
        var unit: String
        var mean: Double
        var ci: Double
        var verdict: String
    }

    static func verdicts(_ evaluation: [String: Any]?) -> [Verdict] {
        (evaluation?["verdicts"] as? [[String: Any]] ?? []).map {
            Verdict(name: $0["name"] as? String ?? "?", limit: $0["limit"] as? Double ?? .nan, unit: $0["unit"] as? String ?? "",
                    mean: $0["mean"] as? Double ?? .nan, ci: $0["ci95"] as? Double ?? 0, verdict: $0["verdict"] as? String ?? "?")
        }
    }

    static func build(_ csv: CSVTable, _ options: ReportOptions) -> HTMLPage {
        let dir = options.directory
        let json = (try? Data(contentsOf: URL(fileURLWithPath: "\(dir)/size.json")))
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let first = csv.rows.first
        let name = first.map { csv.text($0, "scenario") } ?? "?"
        let consoles = first.map { csv.text($0, "consoles") } ?? "?"
        let down = first.map { csv.text($0, "down") } ?? "0"
        let chosenCount = json?["servers"] as? Int ?? csv.rows.filter { csv.text($0, "holds") == "1" }.compactMap { Int(csv.text($0, "servers")) }.min()
        let chosenRun = chosenCount.flatMap { RunOutput(directory: "\(dir)/servers-\($0)") }
        let context = ReportBuilder.scenario(options, named: chosenRun?.scenarioPathInManifest, hash: chosenRun?.manifest["scenarioHash"] as? String,
                                             scenarioName: name)
        var page = HTMLPage(title: "\(name): how many management servers for \(consoles) consoles?",
                            subtitle: "smsim size: the fewest additional servers meeting every objective with \(down) down; \(first.map { csv.text($0, "replications") } ?? "?") replications per count, every figure with its 95 % confidence interval.")
        page.answer = answer(csv, json: json, chosen: chosenCount, consoles: consoles, down: down)
        page.section("counts", "Evidence: every count simulated", countsFigures(csv, context))
        if let chosenRun {
            page.section("chosen", "Evidence: the day at \(chosenCount!) servers", RunFigures(run: chosenRun, context: context).all)
        } else {
            page.section("chosen", "Evidence: the day at the chosen count", [HTMLPage.missing(chosenCount == nil
                ? "No count meets the objectives, so there is no chosen configuration to draw."
                : "The chosen count's time series were not kept: run smsim size with --report to keep them (servers-N/) and draw its day here.")])
        }
        Sensitivity.section(dir, into: &page)
        page.section("assumptions", "Assumptions: every input and its source", ContextSection.assumptions(context, sourcesPath: options.sourcesPath))
        page.section("validation", "Is the engine right? The validation suite", ContextSection.validation(scale: options.validationScale))
        page.section("context", "Run context and conservation", chosenRun.map { ContextSection.runContext([$0]) }
            ?? [HTMLPage.missing("The chosen count's run.json was not kept (run with --report), so its run context and conservation report are not shown.")])
        return page
    }

    static func answer(_ csv: CSVTable, json: [String: Any]?, chosen: Int?, consoles: String, down: String) -> [String] {
        let k = Int(down) ?? 0
        guard let chosen else {
            let why = json?["unattainable"] as? String ?? "no simulated count met every objective"
            return [HTMLPage.paragraph("No number of management servers meets every objective for \(consoles) consoles\(k > 0 ? " with \(k) down" : ""): \(why).", cls: "headline")]
        }
        var out: [String] = []
        let downText = k > 0 ? "still meeting every objective with \(k) of them down" : "meeting every objective with all of them up"
        out.append(HTMLPage.paragraph("\(chosen) additional management servers for \(consoles) consoles, \(downText).", cls: "headline"))
        let chosenV = verdicts(json?["chosen"] as? [String: Any]), below = json?["below"] as? [String: Any]
        let belowV = verdicts(below)
        if let below, let n = below["servers"] as? Int {
            let broken = belowV.filter { $0.verdict != "PASS" }
            let text = broken.map { "\(Verdicts.describe($0.name)) \(Verdicts.value($0.limit, unit: $0.unit)) is \($0.verdict) (\(Verdicts.interval(mean: $0.mean, halfWidth: $0.ci, unit: $0.unit)))" }
            out.append(HTMLPage.paragraph("The first thing to saturate: with one server fewer (\(n)), " + text.joined(separator: "; ") + "."
                + (broken.allSatisfy { $0.verdict == "UNSURE" } ? " That is UNSURE, not a clear FAIL: more replications might show \(n) is enough." : "")))
        } else if json != nil {
            out.append(HTMLPage.paragraph("\(chosen) is the floor: fewer servers cannot hold \(consoles) consoles within their hard connection limits (connectionLimit)\(k > 0 ? " with \(k) down" : "")."))
        }
        if !chosenV.isEmpty {
            let headroom = chosenV.map { v -> (String, Double) in
                let used = v.mean + (v.ci.isFinite ? v.ci : 0)
                return ("\(Verdicts.describe(v.name)) \(Verdicts.value(v.limit, unit: v.unit)): \(Verdicts.interval(mean: v.mean, halfWidth: v.ci, unit: v.unit)), \(NumberText.percent(max(0, 1 - used / v.limit))) of the limit to spare", 1 - used / v.limit)
            }
            if json?["below"] == nil, let tightest = headroom.min(by: { $0.1 < $1.1 }) {
                out.append(HTMLPage.paragraph("Closest to its limit at \(chosen): \(tightest.0)."))
            }
            out.append(HTMLPage.paragraph("Headroom at \(chosen) servers (upper end of each 95 % interval against its limit):"))
            out.append("<ul>" + headroom.map { "<li>\(HTML.escape($0.0))</li>" }.joined() + "</ul>")
        } else {
            out.append(HTMLPage.missing("Headroom per objective needs size.json (written by smsim size --report); size.csv alone gives p95 latency and peak utilization only (see the table below)."))
        }
        if let r = json?["equivalentRatio"] as? [String: Any], let lo = r["low"] as? Int, let hi = r["high"] as? Int {
            out.append(HTMLPage.paragraph("To write the answer back into the scenario: consolesPerServer \(lo == hi ? "\(lo)" : "\(lo)–\(hi)") gives \(chosen) additional servers."))
        }
        return out
    }

    static func countsFigures(_ csv: CSVTable, _ context: ScenarioContext) -> [String] {
        func series(_ column: String, _ ci: String, _ scale: Double, _ i: Int, _ name: String) -> ChartSeries {
            ChartSeries(name: name, colour: Palette.colour(i),
                        points: csv.rows.compactMap { r in csv.number(r, "servers").map { ($0, csv.number(r, column).map { $0 * scale }) } }
                            .sorted { $0.0 < $1.0 },
                        band: csv.rows.compactMap { r in
                            guard let x = csv.number(r, "servers"), let m = csv.number(r, column), let h = csv.number(r, ci) else { return nil }
                            return (x, max(0, (m - h) * scale), (m + h) * scale)
                        }.sorted { $0.0 < $1.0 }, dots: true)
        }
        let p95 = series(SizeSearch.Column.latencyP95, SizeSearch.Column.latencyP95HalfWidth, 0.001, 0, "p95 latency (s)")
        let peak = series(SizeSearch.Column.peakUtilization, SizeSearch.Column.peakUtilizationHalfWidth, 1, 1, "peak server utilization")
        let slo = context.scenario?.slo
        let rows = csv.rows.map { r in
            [csv.text(r, "servers"), csv.text(r, "holds") == "1" ? "holds" : "does not hold",
             NumberText.interval((csv.number(r, SizeSearch.Column.latencyP95) ?? .nan) / 1000, csv.number(r, SizeSearch.Column.latencyP95HalfWidth).map { $0 / 1000 }),
             NumberText.interval(csv.number(r, SizeSearch.Column.peakUtilization) ?? .nan, csv.number(r, SizeSearch.Column.peakUtilizationHalfWidth)),
             csv.text(r, "verdicts")]
        }
        let table = Table(headers: ["additional servers", "objectives", "p95 latency (s)", "peak utilization", "verdicts"], rows: rows)
        let note = "Each count was simulated once with the same seed and replications (common random numbers); the band is the 95 % confidence interval. A count holds when every objective PASSes."
        func figure(_ s: ChartSeries, _ title: String, _ y: String, _ ref: (Double, String)?, yMax: Double?) -> String {
            // One simulated count is one number, not a line: a labelled bar with its interval.
            if s.points.count < 2 {
                let parts = s.points.map { x, v in
                    PartsChart.Part(label: "\(Int(x)) additional servers", value: v ?? .nan,
                                    halfWidth: s.band.first { $0.0 == x }.map { ($0.2 - $0.1) / 2 })
                }
                let objective = ref.map { " Judged against the \($0.1)." } ?? ""
                return Figure(title: title, svg: PartsChart(parts: parts, xLabel: y).svg(title: title),
                              note: "Only one count was simulated, so there is no line to draw: the bar is its value and the whisker its 95 % confidence interval." + objective,
                              table: table).html
            }
            let chart = LineChart(xLabel: "additional management servers", yLabel: y, series: [s], integerX: true, yMax: yMax,
                                  references: ref.map { [(y: $0.0, label: $0.1)] } ?? [])
            return Figure(title: title, svg: chart.svg(title: title), legend: [(s.name, s.colour, false)], note: note, table: table).html
        }
        return [
            figure(p95, "p95 console latency at each simulated count", "p95 latency (s)",
                   slo?.p95Latency.map { ($0, "objective \(NumberText.show($0)) s") }, yMax: nil),
            figure(peak, "Busiest 5-minute window of any server at each simulated count", "utilization",
                   slo?.maxUtilization.map { ($0, "objective \(NumberText.percent($0))") }, yMax: 1),
        ]
    }
}
