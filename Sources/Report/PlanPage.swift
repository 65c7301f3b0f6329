import Foundation
import DeploymentPlan
import ScenarioSpec

/// The page of `smsim plan` (plan.json, plan.csv, answer/, robust.csv): the recommendation
/// first, Microsoft's guidance beside it, then every simulated configuration, the answer's
/// hour, how likely it holds, and the assumptions of the generated scenario.
enum PlanPage {
    static func build(_ directory: String, _ options: ReportOptions) -> HTMLPage {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: "\(directory)/plan.json")),
              let plan = try? JSONDecoder().decode(PlanJSON.self, from: data) else {
            var page = HTMLPage(title: "smsim plan", subtitle: "")
            page.answer = [HTMLPage.missing("plan.json is missing or unreadable: run smsim plan again with --out \(directory).")]
            return page
        }
        let answerRun = RunOutput(directory: "\(directory)/answer")
        let context = ReportBuilder.scenario(options, named: answerRun?.scenarioPathInManifest ?? "\(directory)/scenario.yaml",
                                             hash: answerRun?.manifest["scenarioHash"] as? String, scenarioName: plan.name)
        var page = HTMLPage(title: "\(plan.name): what to deploy for \(plan.consoles) consoles and \(plan.computers) computers",
                            subtitle: "smsim plan: the busiest hour built from a planner's counts and the sourced defaults, sized by simulation; "
                                + "every figure with its 95 % confidence interval.")
        page.answer = [HTMLPage.paragraph(plan.lines.first ?? "", cls: "headline")]
            + plan.lines.dropFirst().prefix { !$0.hasPrefix("how likely") }.map { HTMLPage.paragraph($0.trimmingCharacters(in: .whitespaces)) }
            + [guidance(plan).html]
        if let r = plan.robust {
            page.answer.append(HTMLPage.paragraph("How likely it holds: every objective holds in \(r.holding) of \(r.worlds) plausible worlds, "
                + "P = \(NumberFormat.table(r.probability)) (95 % Wilson interval \(NumberFormat.table(r.low))–\(NumberFormat.table(r.high)))."))
        } else {
            page.answer.append(HTMLPage.missing("The probability over the plausible assumptions was not estimated (--points 0)."))
        }
        page.section("configurations", "Evidence: every configuration simulated", [configurations(plan).html])
        if let r = plan.robust, let csv = CSVTable(path: "\(directory)/robust.csv") {
            page.section("robust", "Evidence: the answer over the plausible assumptions",
                         r.lines.map { HTMLPage.paragraph($0.trimmingCharacters(in: .whitespaces)) } + RobustPage.figure(csv))
        }
        if let answerRun {
            page.section("hour", "Evidence: the busiest hour at the answer", RunFigures(run: answerRun, context: context).all)
        }
        page.section("assumptions", "Assumptions: every input of the generated scenario and its source",
                     ContextSection.assumptions(context, sourcesPath: options.sourcesPath))
        page.section("validation", "Is the engine right? The validation suite", ContextSection.validation(scale: options.validationScale))
        return page
    }

    /// The answer beside Microsoft's published guidance (checks: nothing was set from them).
    static func guidance(_ p: PlanJSON) -> Table {
        let g = p.guidanceAdditionalServers
        let range = g[0] == g[1] ? "\(g[0])" : "\(g[0])–\(g[1])"
        return Table(headers: ["", "smsim plan", "Microsoft's guidance"], rows: [
            ["additional management servers", "\(p.additionalServers)", "\(range) (one per 40–50 consoles, S-ADDMS)"],
            ["consoles per server", NumberFormat.table(p.consolesPerServer) + (p.down > 0 ? " (\(NumberFormat.table(p.consolesPerServerWithDown)) with \(p.down) down)" : ""),
             "40–50; at most 60 (S-TOPO)"],
            ["SQL Server memory", "\(NumberFormat.literal(p.sqlMemoryGiB)) GiB", "\(NumberFormat.literal(p.publishedMemoryRuleGiB)) GB (8 at 20 000 computers, +8 per 10 000, S-HWPERF)"],
            ["SQL Server cores", "\(p.sqlCores)", "8 (S-SYSREQ)"],
        ], caption: "The answer beside the published figures, which are checks: none of them set an input")
    }

    static func configurations(_ p: PlanJSON) -> Table {
        Table(headers: ["step", "additional servers", "SQL memory (GiB)", "SQL cores", "p95 latency (s)", "peak server utilization",
                        "peak database utilization", "objectives"],
              rows: p.configurations.map { c in
                  [c.step, String(c.servers), NumberFormat.literal(c.memoryGiB), String(c.sqlCores), NumberFormat.table(c.p95LatencySeconds),
                   NumberFormat.table(c.peakServerUtilization), NumberFormat.table(c.peakDatabaseUtilization),
                   c.holds ? "all PASS" : c.notMet.joined(separator: ", ")]
              }, caption: "In the order simulated: servers found first with memory generous, then the smallest memory at that count")
    }
}
