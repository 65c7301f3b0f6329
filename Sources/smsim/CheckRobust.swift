import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import Foundation

extension Check {
    /// Where `--robust` without `--out` writes.
    static func robustDirectory(_ scenario: Scenario) -> String { "results/\(OutputName.safe(scenario.name))-robust" }

    func runRobust(_ loaded: Scenario) throws {
        let quiet = output.quiet
        var scenario = loaded
        if let down = robustDown.down {
            do {
                scenario = try loaded.variant(down: down)
            } catch let e as PlanningError {
                throw CommandFailure(message: "\(input.path): --down \(down): \(e.message)", status: 2)
            }
        }
        let shard = robustOptions.shardValue
        let dir = (output.out ?? Self.robustDirectory(scenario)) + (shard.map { "/" + $0.slug } ?? "")
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let run = try Simulator(options, precision: nil, console: output.console())
            .simulateWorlds(label: "\(scenario.name): robust worlds", total: robustOptions.points, path: input.path) { simulate, progress in
                try RobustCheck(scenario: scenario, worlds: robustOptions.points, screen: !robustOptions.noScreen, shard: shard,
                                simulate: simulate, progress: progress)
            }
        let check = run.answer
        let heading = "\(scenario.name): \(scenario.sizingDescription), seed \(scenario.seed)"
        var lines = [heading] + check.lines
        let timing = run.timing("\(check.analysis.worlds.count) worlds",
                                "\(check.analysis.simulated) simulated × \(scenario.replications) replication(s)")
        try AtomicFile.write(check.csv, to: dir + "/robust.csv")
        try AtomicFile.write(Self.gnuplot(check), to: dir + "/robust.gnuplot")
        try AtomicFile.write(RobustText.check(check, heading: heading, closing: timing), to: dir + "/robust.txt")
        // What smsim merge joins into the whole run's robust.txt.
        if shard != nil { try AtomicFile.write(try check.record(heading: heading).json(), to: dir + "/robust.json") }
        lines.append("wrote \(dir)/robust.csv (one row per world), robust.gnuplot, robust.txt\(shard == nil ? "" : ", robust.json"); \(timing)")
        try reportFlag.write(dir, scenario: input.path, quiet: true)
        for line in quiet ? Array(lines.dropFirst().prefix(1)) : lines { print(line) }
        // A shard holds only some of the worlds: the verdict against --share is the merge's.
        if shard == nil, check.analysis.interval.proportion < robustOptions.share {
            throw CommandFailure(message: "check --robust failed: every objective holds in \(check.analysis.holding) of "
                                 + "\(check.analysis.worlds.count) worlds, below --share \(NumberFormat.literal(robustOptions.share))",
                                 status: 1)
        }
    }

    /// A gnuplot script: the two inputs that decide most, each world a dot coloured by verdict.
    static func gnuplot(_ check: RobustCheck) -> String {
        let cuts = check.deciders.cuts
        let x = cuts.first?.factor ?? 0
        let y = cuts.count > 1 ? cuts[1].factor : (check.factors.count > 1 ? (x == 0 ? 1 : 0) : x)
        // Columns: world, then the factors from 2.
        return """
        # Plausible worlds of \(check.scenarioName) by the two inputs that decide most; green holds, red fails.
        # gnuplot robust.gnuplot  (writes robust.png beside robust.csv)
        set datafile separator ','
        set terminal pngcairo size 900,650
        set output 'robust.png'
        set key outside
        set xlabel '\(check.factors[x].label) (\(check.factors[x].field))'
        set ylabel '\(check.factors[y].label) (\(check.factors[y].field))'
        plot 'robust.csv' skip 1 using \(x + 2):($\(check.factors.count + check.objectives.count + 3)==1 ? $\(y + 2) : 1/0) with points pt 7 lc rgb '#2e7d32' title 'holds', \\
             '' skip 1 using \(x + 2):($\(check.factors.count + check.objectives.count + 3)==0 ? $\(y + 2) : 1/0) with points pt 7 lc rgb '#c62828' title 'fails'

        """
    }
}
