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
        let progress = Progress(label: "\(scenario.name): robust size, world-counts", total: robustOptions.points * 4)
        let threads = options.threads
        let clock = ContinuousClock(), started = clock.now
        var events = 0
        let sized: RobustSize
        do {
            sized = try RobustSize(scenario: scenario, candidates: candidates, worlds: robustOptions.points, share: robustOptions.share,
                                   screen: !robustOptions.noScreen, simulate: { s in
                let results = ScenarioRunner.run(s, replications: 0..<s.replications, threads: threads)
                if let bad = results.first(where: { !$0.conservation.holds }) {
                    throw CommandFailure(message: "internal error: replication \(bad.replication) does not balance: "
                                         + bad.conservation.summary, status: 3)
                }
                events += results.reduce(0) { $0 + $1.events }
                return RunReport(scenario: s, replications: results)
            }, progress: { done, total in if !quiet { progress.update(done, of: total) } })
        } catch let e as PlanningError {
            throw CommandFailure(message: "\(input.path): \(e.message)", status: 2)
        }
        progress.finish()
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let heading = "\(scenario.name): \(consoles) consoles\(down > 0 ? ", \(down) down" : ""), seed \(scenario.seed); "
            + "objectives: " + Self.objectives(scenario.slo)
        let timing = "\(robustOptions.points) worlds in \(NumberFormat.elapsed(seconds)) s "
            + "(\(sized.simulated) simulations × \(scenario.replications) replication(s), \(threads) thread(s), "
            + "\(events) events, \(NumberFormat.literal((Double(events) / max(seconds, 1e-9)).rounded())) events/s)"
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
