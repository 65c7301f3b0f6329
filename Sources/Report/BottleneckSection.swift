import ScenarioSpec
import Planning

/// A run's bottleneck (bottleneck.json from `smsim run`, `check` or `compare`): the station closest to its
/// limit, why, the other stations' loads, and each remedy the model tested in a quick run.
enum BottleneckSection {
    /// One sentence for the answer box: the station, and the first remedy that passed every
    /// objective (or the one that relieved the station most).
    static func sentence(_ file: BottleneckFile) -> String {
        let b = file.bottleneck
        var text = "The bottleneck: \(b.kind) (\(b.station)), load \(NumberText.show(b.load)) where 1 is its limit."
        if let pass = file.remedies.first(where: { $0.objectivesPass == true }) {
            text += " Tested in a quick run, \(pass.label) every objective passes."
        } else if let best = file.remedies.filter({ $0.load != nil }).min(by: { $0.load! < $1.load! }) {
            text += " The remedy that relieves it most in a quick run: \(best.sentence)."
        }
        return text
    }

    static func body(_ file: BottleneckFile?) -> [String] {
        guard let file else {
            return [HTMLPage.missing("No bottleneck.json in this directory: `smsim run`, `check --out` and `compare` write it, naming the station closest to its limit and testing its remedies.")]
        }
        let b = file.bottleneck
        var out = [HTMLPage.paragraph("\(b.kind) (\(b.station)) is closest to its limit: load \(NumberText.show(b.load)), where 1 is the limit — "
                                      + b.reasons.joined(separator: "; ") + ".", cls: "headline")]
        let ranking = Table(headers: ["station", "where", "load (1 = its limit)", "why"],
                            rows: file.ranking.map { [$0.kind, $0.station, NumberText.show($0.load), $0.reasons.joined(separator: "; ")] },
                            caption: "Every station, most loaded first (a CPU's or the storage's busiest window; the workflow engine's p95 lag over the lag allowed)")
        out.append(ranking.html)
        if let skipped = file.remediesSkipped {
            out.append(HTMLPage.missing("Remedies not tested: \(skipped)."))
        } else {
            let rows = file.remedies.map { r -> [String] in
                [r.label, r.load.map(NumberText.show) ?? "n/a", r.p95LatencySeconds.map { NumberText.show($0) + " s" } ?? "n/a",
                 r.p95WorkflowLagSeconds.map { NumberText.show($0) + " s" } ?? "n/a",
                 r.objectivesPass.map { $0 ? "every objective PASS" : "not all met" } ?? "no objectives"]
            }
            out.append(Table(headers: ["remedy", "\(b.kind) load", "p95 console latency", "p95 workflow lag", "objectives"], rows: rows,
                             caption: "Remedies the model can test, each a quick run: \(file.remedyReplications) replication(s) with the run's seed \(file.seed) (means; rerun the changed scenario in full before relying on one)").html)
        }
        return out
    }
}
