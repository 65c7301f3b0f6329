import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration

/// The report of `smsim run` or `smsim check`: each objective's verdict first, then the
/// day's evidence.
enum RunPage {
    static func build(_ run: RunOutput, _ context: ScenarioContext, _ options: ReportOptions) -> HTMLPage {
        let ratio = run.ratio.map { ", \($0) consoles per server" } ?? ""
        let down = run.down > 0 ? ", \(run.down) down for the whole run" : ""
        var page = HTMLPage(title: "\(run.scenarioName): does the deployment meet its objectives?",
                            subtitle: "smsim run of \(run.scenarioName): \(run.additionalServers) additional management servers\(ratio)\(down); \(run.replications) replications; every figure with its 95 % confidence interval.")
        page.answer = answer(run, context)
        let bottleneck = BottleneckFile.read("\(run.directory)/bottleneck.json")
        if let bottleneck { page.answer.append(HTMLPage.paragraph(BottleneckSection.sentence(bottleneck))) }
        page.section("bottleneck", "The bottleneck: what is closest to its limit, and what relieves it", BottleneckSection.body(bottleneck))
        page.section("evidence", "Evidence: the day in figures", RunFigures(run: run, context: context).all)
        Sensitivity.section(options.directory, into: &page)
        page.section("assumptions", "Assumptions: every input and its source", ContextSection.assumptions(context, sourcesPath: options.sourcesPath))
        page.section("validation", "Is the engine right? The validation suite", ContextSection.validation(scale: options.validationScale))
        page.section("context", "Run context and conservation", ContextSection.runContext([run]))
        return page
    }

    static func answer(_ run: RunOutput, _ context: ScenarioContext) -> [String] {
        var out: [String] = []
        guard let scenario = context.scenario else {
            out.append(HTMLPage.missing("No verdicts: \(context.problem ?? "the scenario is unknown"). The figures below still show what the run measured."))
            out.append(keyFigures(run))
            return out
        }
        let results = Verdicts.judge(run, scenario: scenario)
        if results.isEmpty {
            out.append(HTMLPage.missing("The scenario sets no objectives (no slo block), so there is nothing to pass or fail; the figures below show what the run measured."))
        } else {
            let failed = results.filter { $0.verdict == .fail }, unsure = results.filter { $0.verdict == .inconclusive }
            let headline: String
            if !failed.isEmpty {
                headline = "No: \(failed.count) of \(results.count) objectives FAIL (\(failed.map { Verdicts.title($0.name) }.joined(separator: ", "))) — the whole 95 % interval is beyond the limit."
            } else if !unsure.isEmpty {
                headline = "Not shown yet: \(unsure.count) of \(results.count) objectives are UNSURE (\(unsure.map { Verdicts.title($0.name) }.joined(separator: ", "))) — the interval straddles the limit; more replications (--precision) would tell. The rest PASS."
            } else {
                headline = "Yes: all \(results.count) objectives PASS — each whole 95 % interval is within its limit."
            }
            out.append(HTMLPage.paragraph(headline, cls: "headline"))
            out.append(Verdicts.badges(results))
            out.append(Verdicts.table(results).html)
        }
        out.append(keyFigures(run))
        return out
    }

    /// The handful of numbers a planner quotes, from summary.csv.
    static func keyFigures(_ run: RunOutput) -> String {
        func e(_ metric: Metric, _ station: String = "all", scale: Double = 1, unit: String = "") -> String {
            guard let x = run.estimate(metric, station: station) else { return "not recorded" }
            if metric.unit == .fraction { return NumberText.percentInterval(x.mean, x.ci) }
            return NumberText.interval(x.mean * scale, x.ci.map { $0 * scale }) + unit
        }
        var rows = [
            ["p95 console latency, all requests", e(.latencyP95, scale: 0.001, unit: " s")],
            ["busiest 5-minute window, any management server", e(.serverUtilizationPeak)],
            ["consoles connected (time average)", e(.consolesMean)],
        ]
        if run.estimate(.activeConsolesMean) != nil { rows.append(["consoles active (time average)", e(.activeConsolesMean)]) }
        rows += [
            ["workflow lag p95", e(.workflowLagP95, unit: " s")],
            ["sessions refused / abandoned", "\(e(.sessionsRefused)) / \(e(.sessionsAbandoned))"],
        ]
        for db in run.databases {
            rows.append(["database \(db): mean CPU utilization / busiest window", "\(e(.utilization, db)) / \(e(.utilizationPeak, db))"])
            if run.estimate(.storageUtilization, station: db) != nil {
                rows.append(["database \(db): mean storage utilization / busiest window", "\(e(.storageUtilization, db)) / \(e(.storageUtilizationPeak, db))"])
            }
            if run.estimate(.databaseHitRatio, station: db) != nil {
                rows.append(["database \(db): buffer-pool hit ratio (page reads served from memory)", e(.databaseHitRatio, db)])
            }
        }
        return Table(headers: ["figure (after warm-up, mean of replications)", "estimate ± 95 % CI"], rows: rows, caption: "Key figures").html
    }
}
