import RunOutput
import ScenarioSpec
import Statistics

extension RobustComparison {
    static func probability(_ i: WilsonInterval) -> String {
        "P = \(NumberFormat.table(i.proportion)) (\(i.successes) of \(i.trials); 95 % Wilson \(NumberFormat.table(i.low))–\(NumberFormat.table(i.high)))"
    }

    static func percent(_ x: Double) -> String { NumberFormat.literal((x * 100).rounded()) + " %" }

    /// "fails in 40 % of worlds where think time < 13.9 s (0 % elsewhere)", strongest first.
    func reasons(_ d: RobustDeciders, verb: String) -> [String] {
        d.cuts.prefix(2).map { c in
            "\(verb) in \(Self.percent(c.inside)) of worlds where \(RobustCheck.condition(c, factors: factors)) (\(Self.percent(c.outside)) elsewhere)"
        }
    }

    /// The answer in a planner's words, a line each.
    public var lines: [String] {
        var out: [String] = []
        let tol = NumberFormat.literal((tolerance * 100 * 1000).rounded() / 1000) + " %"
        for (k, r) in ratios.enumerated() {
            out.append("\(r) consoles/server: every objective holds, \(Self.probability(holds[k]))")
            let why = reasons(holdDeciders[k], verb: "fails")
            out += why.isEmpty ? ["  what decides it: no single input separates holding from failing by 10 points or more"]
                               : why.map { "  " + $0 }
        }
        for k in 1..<ratios.count {
            let both = (0..<inputs.count).filter { outcomes[0][$0].allHold && !outcomes[k][$0].allHold }.count
            let reverse = (0..<inputs.count).filter { !outcomes[0][$0].allHold && outcomes[k][$0].allHold }.count
            out.append("\(ratios[k]) vs \(ratios[0]): p95 latency within \(tol) of \(ratios[0])'s, \(Self.probability(within[k - 1])); "
                       + "paired by world, \(ratios[0]) holds where \(ratios[k]) fails in \(both), the reverse in \(reverse)")
            let why = reasons(withinDeciders[k - 1], verb: "worse by more")
            out += why.isEmpty ? ["  what decides it: no single input separates the worlds by 10 points or more"] : why.map { "  " + $0 }
        }
        out.append("\(inputs.count) worlds, \(factors.count) inputs varied over their plausible ranges, \(replications) replication(s) a "
                   + "world and ratio, common random numbers; every world simulated at every ratio (\(inputs.count * ratios.count) simulations)")
        return out
    }

    /// One row per world (`robust-compare.csv`): the inputs, then per ratio each objective's
    /// value, the p95 latency and whether every objective held, then per later ratio whether
    /// its p95 is within the tolerance of the first's.
    public var csv: String {
        var header = ["world"] + factors.map(\.field)
        for r in ratios { header += objectives.map { "\($0.rawValue)@\(r)" } + ["p95@\(r)", "holds@\(r)"] }
        header += ratios.dropFirst().map { "within@\($0)" }
        var rows = [header.joined(separator: ",")]
        for w in inputs.indices {
            var row = [String(worldIndices[w] + 1)] + inputs[w].map { NumberFormat.csv($0) }
            for k in ratios.indices {
                row += outcomes[k][w].values.map { NumberFormat.csv($0) } + [NumberFormat.csv(p95[k][w]), outcomes[k][w].allHold ? "1" : "0"]
            }
            row += (1..<ratios.count).map { isWithin($0, world: w) ? "1" : "0" }
            rows.append(row.joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// `robust.csv` as `check --robust` writes it, for the report's page: the verdict of a
    /// world is "the last ratio holds every objective and its p95 is within the tolerance of
    /// the first's" (taking the higher ratio is safe there).
    public var reportCSV: String {
        let last = ratios.count - 1
        var rows = [(["world"] + factors.map(\.field) + ["decided", "holds"]).joined(separator: ",")]
        for w in inputs.indices {
            let safe = outcomes[last][w].allHold && isWithin(last, world: w)
            rows.append(([String(worldIndices[w] + 1)] + inputs[w].map { NumberFormat.csv($0) } + ["simulated", safe ? "1" : "0"]).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
