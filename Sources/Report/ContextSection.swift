import Foundation
import Validation

/// The back matter every report ends with: the assumptions, the engine's validation status,
/// the run context and the conservation report.
enum ContextSection {
    /// Inputs with value and source (`Assumptions`), or why they cannot be shown.
    static func assumptions(_ context: ScenarioContext, sourcesPath: String) -> [String] {
        guard let text = context.text, let path = context.path else {
            return [HTMLPage.missing("The inputs cannot be listed: \(context.problem ?? "the scenario is unknown").")]
        }
        let sources = SourceTable(path: sourcesPath)
        let a = Assumptions(scenarioText: text, scenarioPath: path, sources: sources)
        var out = [HTMLPage.paragraph("Every field written in \(path), with its line. Fields not written take smsim's defaults, documented with their source in Documentation/Scenario.md.")]
        if sources == nil {
            out.append(HTMLPage.missing("No source table (\(sourcesPath)) was found next to the run, so each input is shown as written, without its published source or an assumption/fitted mark."))
        }
        if let t = context.startsAt {
            out.append(HTMLPage.paragraph("The simulated day starts at \(NumberText.time(0, startsAt: t)) (startsAt); times are clock times."))
        } else {
            out.append(HTMLPage.paragraph("The scenario does not say when the day starts (no startsAt), so times are hours since the start of the run."))
        }
        out.append(a.table.html)
        return out
    }

    /// The built-in validation suite, run now at `scale` (seed 1): deterministic, a few
    /// seconds in a release build at scale 1. Nil scale: not run, and the report says so.
    static func validation(scale: Double?) -> [String] {
        guard let scale else {
            return [HTMLPage.missing("The validation suite was not run for this report (--no-validation). Run smsim validate to check the engine against queueing theory.")]
        }
        var rows: [[String]] = [], failed = 0
        do {
            for c in try ValidationSuite.standardCases(scale: scale) {
                for r in ValidationSuite.run(c, seed: 1) {
                    if !r.passed { failed += 1 }
                    rows.append([r.caseName, r.metric, NumberText.interval(r.simulated, r.halfWidth), NumberText.show(r.exact), r.passed ? "PASS" : "FAIL"])
                }
            }
        } catch {
            return [HTMLPage.missing("The validation suite could not be built: \(error)")]
        }
        let verdict = failed == 0 ? "PASS" : "FAIL"
        let head = "<p><span class=\"verdict \(verdict)\">\(verdict)</span> "
            + HTML.escape("smsim validate (seed 1, run-length scale \(NumberText.show(scale))): \(rows.count - failed) of \(rows.count) figures agree with queueing theory (Erlang C, exact MVA) within their 95 % interval or 1 %.")
            + "</p>"
        return [head, Table(headers: ["case", "metric", "simulated (95 % CI)", "exact", "verdict"], rows: rows).html]
    }

    /// Version, seed, scenario hash, replications, wall time; and the books of every replication.
    static func runContext(_ runs: [RunOutput]) -> [String] {
        guard !runs.isEmpty else { return [HTMLPage.missing("No run.json was found, so the run context is unknown.")] }
        func s(_ r: RunOutput, _ key: String) -> String {
            switch r.manifest[key] {
            case let x as String: return x
            case let x as Int: return String(x)
            case let x as Double: return NumberText.show(x)
            case let x as Bool: return x ? "yes" : "no"
            default: return "not recorded"
            }
        }
        let context = Table(headers: ["configuration", "smsim version", "scenario file", "scenario hash (FNV-1a 64)", "seed", "replications", "additional servers", "down", "wall time (s)", "events"],
                            rows: runs.map { r in [r.directory.split(separator: "/").last.map(String.init) ?? r.directory, s(r, "smsimVersion"), s(r, "scenarioPath"), s(r, "scenarioHash"),
                                                   s(r, "seed"), s(r, "replications"), s(r, "additionalServers"), s(r, "down"), s(r, "wallSeconds"), s(r, "events")] })
        var out = [context.html]
        var rows: [[String]] = [], broken = 0
        for r in runs {
            for rep in r.manifest["conservation"] as? [[String: Any]] ?? [] {
                let c = rep["conservation"] as? [String: Any] ?? [:]
                let counts = c["counts"] as? [String: Any] ?? [:]
                func n(_ d: [String: Any], _ k: String) -> Int { d[k] as? Int ?? 0 }
                let ok = rep["conserved"] as? Bool ?? false
                if !ok { broken += 1 }
                rows.append([
                    r.directory.split(separator: "/").last.map(String.init) ?? "", String(rep["replication"] as? Int ?? 0),
                    "\(n(counts, "sessionsArrived")) = \(n(counts, "sessionsCompleted")) + \(n(c, "sessionsActive")) + \(n(counts, "sessionsRefused")) + \(n(counts, "sessionsAbandoned"))",
                    "\(n(counts, "requestsIssued")) = \(n(counts, "requestsCompleted")) + \(n(counts, "requestsFailed")) + \(n(c, "requestsInFlight"))",
                    "\(n(counts, "workflowsTriggered")) = \(n(counts, "workflowsCompleted")) + \(n(c, "workflowsPending"))",
                    ok ? "balances" : "IMBALANCE",
                ])
            }
        }
        out.append(HTMLPage.paragraph(broken == 0
            ? "Conservation: in every replication each session, request and workflow job that entered is accounted for (finished, still in progress, refused or abandoned)."
            : "Conservation: \(broken) replication(s) do not balance; the results are not to be trusted."))
        out.append(Table(headers: ["configuration", "replication", "sessions: arrived = completed + active + refused + abandoned",
                                   "requests: issued = completed + failed + in flight", "workflow jobs: triggered = completed + pending", "books"], rows: rows).html)
        return out
    }
}
