import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import Foundation

extension Size {
    /// `size --robust`: the fewest servers that hold in --share of the plausible worlds.
    func runRobust(_ loaded: Scenario, consoles: Int) throws {
        let quiet = output.quiet
        if let shard = robustOptions.shard {
            throw CommandFailure(message: "--shard \(shard): size --robust is not sharded (its search decides which worlds to simulate "
                                 + "from those already simulated); run it whole", status: 2)
        }
        let scenario: Scenario
        let candidates: ClosedRange<Int>
        do {
            scenario = try loaded.variant(consoles: consoles, down: down)
            candidates = try RobustSize.candidates(scenario: scenario, consoles: consoles, down: down, maxServers: maxServers)
        } catch let e as PlanningError {
            throw CommandFailure(message: "\(input.path): \(e.message)", status: 2)
        }
        let dir = output.out ?? "results/\(OutputName.safe(scenario.name))-size-robust"
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let run = try Simulator(options, precision: nil, console: output.console())
            .simulateWorlds(label: "\(scenario.name): robust size, world-counts", total: robustOptions.points * 4,
                            path: input.path) { simulate, progress in
                try RobustSize(scenario: scenario, candidates: candidates, worlds: robustOptions.points, share: robustOptions.share,
                               screen: !robustOptions.noScreen, simulate: simulate, progress: progress)
            }
        let sized = run.answer
        let heading = "\(scenario.name): \(consoles) consoles\(down > 0 ? ", \(down) down" : ""), seed \(scenario.seed); "
            + "objectives: " + Self.objectives(scenario.slo)
        let timing = run.timing("\(robustOptions.points) worlds",
                                "\(sized.simulated) simulations × \(scenario.replications) replication(s)", events: true)
        var lines = [heading] + sized.lines
        try AtomicFile.write(sized.countsCSV, to: dir + "/robust-size.csv")
        try AtomicFile.write(sized.cellsCSV, to: dir + "/robust-cells.csv")
        try AtomicFile.write(sized.reportCSV, to: dir + "/robust.csv")
        try AtomicFile.write((lines + sized.table.lines + [timing]).joined(separator: "\n") + "\n", to: dir + "/robust.txt")
        lines.append("wrote \(dir)/robust-size.csv (one row per count), robust-cells.csv (one per world and count), robust.csv (the worlds at the answer), robust.txt; \(timing)")
        try report.write(dir, scenario: input.path, quiet: true)
        if !quiet {
            for line in lines.prefix(lines.count - 1) { print(line) }
            sized.table.print()
            print(lines.last!)
        } else {
            print(sized.lines[0])
        }
        if sized.answer == nil {
            throw CommandFailure(message: "size --robust: no count up to \(candidates.upperBound) additional servers holds in "
                                 + "\(NumberFormat.literal(robustOptions.share)) of the worlds; relax the objectives or give a larger --max-servers",
                                 status: 1)
        }
    }
}
