import RunOutput
import ScenarioSpec

extension RobustSize {
    /// The answer in a planner's words, a line each.
    public var lines: [String] {
        var out: [String] = []
        let target = NumberFormat.literal(share)
        if let answer, let at = counts.first(where: { $0.servers == answer }) {
            out.append("\(answer) additional server(s): every objective holds in \(at.interval.successes) of \(inputs.count) "
                       + "plausible worlds, \(Self.share(at)), at least the --share \(target) asked")
            if let below = counts.last(where: { $0.servers < answer }) {
                out.append("\(below.servers) additional server(s): \(below.interval.successes) of \(inputs.count) worlds, "
                           + "\(Self.share(below)), short of \(target)")
            } else if answer == candidates.lowerBound {
                out.append("\(answer) is the fewest count tried (the floor, or --min-servers)")
            }
        } else {
            let best = counts.last
            out.append("no count up to \(candidates.upperBound) additional servers holds in \(target) of the worlds"
                       + (best.map { " (at \($0.servers): \($0.interval.successes) of \(inputs.count), \(Self.share($0)))" } ?? ""))
        }
        out.append("\(factors.count) inputs varied over their plausible ranges, \(replications) replication(s) a simulation, common random numbers; "
                   + "\(cells.count) world-counts decided: \(simulated) simulated, \(screened) by the MVA screen"
                   + (checked > 0 ? " (\(checked) of those simulated as a check: \(disagreements) disagreed)" : "")
                   + ", \(inferred) inferred from the same world at another count, \(unrelieved) from a failure at fewer servers "
                   + "on the database's utilization (more servers do not relieve it)")
        if let worst = counts.last, worst.unrelieved > 0 {
            out.append("at \(worst.servers) servers \(worst.unrelieved) of \(inputs.count) worlds fail on the database's utilization, "
                       + "which more management servers do not relieve")
        }
        return out
    }

    /// `P = 0.92 (95 % Wilson 0.86–0.95)`.
    static func share(_ c: Count) -> String {
        let i = c.interval
        return "P = \(NumberFormat.table(i.proportion)) (95 % Wilson \(NumberFormat.table(i.low))–\(NumberFormat.table(i.high)))"
    }

    /// Each count tried: the share holding with its interval and how its worlds were decided.
    public var table: TextTable {
        var t = TextTable(["servers", "worlds holding", "share (95 % Wilson)", "simulated", "screened", "inferred", "database-bound"],
                          minimumWidths: [9, 16, 24], indent: "  ")
        for c in counts {
            let i = c.interval
            t.add([String(c.servers) + (c.servers == answer ? " *" : ""), "\(i.successes) of \(i.trials)",
                   "\(NumberFormat.table(i.proportion)) (\(NumberFormat.table(i.low))–\(NumberFormat.table(i.high)))",
                   String(c.simulated), String(c.screened), String(c.inferred), String(c.unrelieved)])
        }
        return t
    }

    /// One row per count tried (`robust-size.csv`).
    public var countsCSV: String {
        var rows = ["servers,worlds,holding,share,low,high,simulated,screened,inferred,unrelieved,answer"]
        for c in counts {
            let i = c.interval
            rows.append([String(c.servers), String(i.trials), String(i.successes), NumberFormat.csv(i.proportion),
                         NumberFormat.csv(i.low), NumberFormat.csv(i.high), String(c.simulated), String(c.screened),
                         String(c.inferred), String(c.unrelieved), c.servers == answer ? "1" : "0"].joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// One row per world and count (`robust-cells.csv`), by count then world: the inputs, each
    /// objective's simulated value (empty when not simulated), how it was decided, the verdict.
    public var cellsCSV: String {
        var rows = [(["servers", "world"] + factors.map(\.quantity.field) + objectives.map(\.rawValue) + ["decided", "holds"])
            .joined(separator: ",")]
        for c in cells.sorted(by: { ($0.servers, $0.world) < ($1.servers, $1.world) }) {
            let values = c.outcome?.values ?? objectives.map { _ in Double.nan }
            rows.append(([String(c.servers), String(c.world + 1)] + inputs[c.world].map { NumberFormat.csv($0) }
                         + values.map { NumberFormat.csv($0) } + [c.decision.rawValue, c.holds ? "1" : "0"]).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// `robust.csv` as `check --robust` writes it, for the report's page: every world at the
    /// answer (or, without one, at the most servers tried).
    public var reportCSV: String {
        let n = answer ?? counts.last?.servers ?? candidates.lowerBound
        var rows = [(["world"] + factors.map(\.quantity.field) + objectives.map(\.rawValue) + ["decided", "holds"]).joined(separator: ",")]
        for c in cells.filter({ $0.servers == n }).sorted(by: { $0.world < $1.world }) {
            let values = c.outcome?.values ?? objectives.map { _ in Double.nan }
            rows.append(([String(c.world + 1)] + inputs[c.world].map { NumberFormat.csv($0) } + values.map { NumberFormat.csv($0) }
                         + [c.decision.rawValue, c.holds ? "1" : "0"]).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// The counts a search may try for `consoles` with `down` failed: from the fewest that can
    /// hold them (`SizeSearch.floor`) to `maxServers`, or four times the analytic estimate
    /// (at least the floor + 16), as `size` does.
    public static func candidates(scenario: Scenario, consoles: Int, down: Int, maxServers: Int? = nil) throws -> ClosedRange<Int> {
        let search = try SizeSearch(scenario: scenario, consoles: consoles, down: down, slo: scenario.slo, maxServers: maxServers)
        let floor = try search.floor()
        let guess = AnalyticSizing.estimate(scenario, consoles: consoles, down: down, limit: search.estimateLimit,
                                            from: floor, through: max(floor, consoles + down))
        return floor...max(floor, maxServers ?? min(max(4 * guess, floor + 16), max(floor, consoles + down)))
    }
}
