import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import Foundation

extension Compare {
    /// `compare --robust`: each ratio's probability of holding, and of the later ratios'
    /// p95 staying within --tolerance of the first's, over the plausible worlds.
    func runRobust(_ loaded: Scenario, ratios: [Int]) throws {
        let quiet = output.quiet
        var scenario = loaded
        do {
            scenario = try loaded.variant(consoles: consoles.consoles, down: robustDown.down)
        } catch let e as PlanningError {
            throw CommandFailure(message: "\(input.path): \(e.message)", status: 2)
        }
        let shard = robustOptions.shardValue
        let dir = (output.out ?? "results/\(OutputName.safe(scenario.name))-compare-robust") + (shard.map { "/" + $0.slug } ?? "")
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let run = try Simulator(options, precision: nil, console: output.console())
            .simulateWorlds(label: "\(scenario.name): robust comparison, simulations", total: robustOptions.points * ratios.count,
                            path: input.path) { simulate, progress in
                try RobustComparison(scenario: scenario, ratios: ratios, worlds: robustOptions.points,
                                     tolerance: Self.fraction(tolerance)!, shard: shard, simulate: simulate, progress: progress)
            }
        let comparison = run.answer
        let heading = "\(scenario.name): \(scenario.consoles.peak) consoles\(scenario.failures.down > 0 ? ", \(scenario.failures.down) down" : ""), "
            + "ratios \(ratios.map(String.init).joined(separator: " vs ")), seed \(scenario.seed)"
        var lines = [heading] + comparison.lines
        let timing = run.timing("\(robustOptions.points) worlds × \(ratios.count) ratios", "\(scenario.replications) replication(s) each")
        try AtomicFile.write(comparison.csv, to: dir + "/robust-compare.csv")
        try AtomicFile.write(comparison.reportCSV, to: dir + "/robust.csv")
        try AtomicFile.write(RobustText.compare(comparison, heading: heading, closing: timing), to: dir + "/robust.txt")
        // What smsim merge joins into the whole run's robust.txt.
        if shard != nil { try AtomicFile.write(try comparison.record(heading: heading).json(), to: dir + "/robust.json") }
        lines.append("wrote \(dir)/robust-compare.csv (one row per world), robust.csv, robust.txt\(shard == nil ? "" : ", robust.json"); \(timing)")
        try report.write(dir, scenario: input.path, quiet: true)
        for line in quiet ? [] : lines { print(line) }
        let last = comparison.holds[ratios.count - 1]
        // A shard holds only some of the worlds: the verdict against --share is the merge's.
        if shard == nil, last.proportion < robustOptions.share {
            throw CommandFailure(message: "compare --robust: every objective holds at \(ratios.last!) in \(last.successes) of "
                                 + "\(last.trials) worlds, below --share \(NumberFormat.literal(robustOptions.share))", status: 1)
        }
    }
}
