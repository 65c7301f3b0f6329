import ArgumentParser
import CapacityModel
import Foundation

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of configurations and write one summary row per point.",
        discussion: """
        The points are the cross product of --consoles, the server count (--servers or \
        --ratios; neither keeps the scenario's sizing) and --down, in that order of nesting, \
        numbered from 0. With both --servers and --ratios, each point has n servers carrying \
        n × ratio consoles (scale-out curves, one per ratio; --consoles is then not allowed). \
        Every point runs the same seed and replications. \
        Lists are comma-separated values or inclusive ranges: 4,6,8 or 2...16.

        Writes sweep.csv (point_index, identity, then mean and 95 % half-width of each \
        metric at station "all" and of the database's utilization) and sweep.json into \
        the output directory (default results/<scenario name>-sweep/). A row is appended \
        and synced as each point finishes: rerun the same command after an interruption \
        and it skips the finished points, ending with the same bytes as an uninterrupted run.

        --shard i/n runs only points whose index ≡ i−1 (mod n), into <out>/shard-i-of-n/; \
        `smsim merge <out>/shard-* --out <out>` puts the shards together. \
        Plot: gnuplot -e "sweep='DIR'" plots.gnuplot

        Examples:
          smsim sweep Scenarios/weekday-50.yaml --servers 4...13 --consoles 300,400
          smsim sweep Scenarios/weekday-50.yaml --servers 2...11 --ratios 40,50
          smsim sweep Scenarios/weekday-50.yaml --ratios 40,45,50 --consoles 200,400,600 --down 0,1
          smsim sweep Scenarios/weekday-50.yaml --servers 4...13 --shard 2/4 --out results/grid
        """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Additional server counts, e.g. 2...16 or 4,6,8.")
    var servers: String?

    @Option(help: "Consoles-per-server ratios, e.g. 40,45,50.")
    var ratios: String?

    @Option(help: "Peak consoles, e.g. 200,400.")
    var consoles: String?

    @Option(help: "Additional servers down for the whole run, e.g. 0,1.")
    var down: String?

    @Option(help: "Run shard i of n (1-based), e.g. 2/8.")
    var shard: String?

    @Option(help: .hidden)
    var stopAfter: Int?

    @OptionGroup var options: SimulationOptions

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        var (scenario, content) = try loadScenario(self.scenario, allowLong: options.allowLong)
        options.apply(to: &scenario)
        let grid = try planning {
            try SweepGrid(consoles: try integers(consoles, option: "--consoles"), ratios: try integers(ratios, option: "--ratios"),
                          servers: try integers(servers, option: "--servers"), down: try integers(down, option: "--down"))
        }
        let points = try planning { try grid.points(of: scenario) }
        let shard = try planning { try self.shard.map { try Shard(parsing: $0) } }
        let base = options.out ?? "results/\(scenario.name)-sweep"
        let dir = shard.map { "\(base)/\($0.slug)" } ?? base
        let manifest = SweepManifest(scenario: scenario, scenarioHash: scenarioHash(content), grid: grid,
                                     points: points.count, shard: shard)

        let display = LazyProgress()
        let label = "\(scenario.name) sweep" + (shard.map { " shard \($0)" } ?? "") + ", replications"
        let quiet = self.quiet
        let outcome = try planning {
            try Sweep.run(points: points, shard: shard, directory: dir, manifest: manifest, threads: options.threads,
                          stopAfter: stopAfter,
                          progress: { p in
                              guard !quiet else { return }
                              display.update(label: label, done: p.replicationsDone, total: p.replicationsTotal)
                          },
                          inspect: { point, report in
                              for r in report.replications where !r.conservation.holds {
                                  throw CommandFailure(message: "internal error: point \(point.index), replication \(r.replication) "
                                                       + "does not balance: \(r.conservation.summary)", status: 3)
                              }
                              guard !quiet else { return }
                              display.finish()
                              print(Self.describe(point, report, of: points.count))
                          })
        }
        display.finish()
        guard !quiet else { return }
        let shardText = shard.map { " (shard \($0): \(outcome.points) of \(points.count) points)" } ?? ""
        if outcome.complete {
            let resumed = outcome.skipped > 0 ? ", \(outcome.skipped) already done" : ""
            print("sweep complete\(shardText): \(outcome.ran) point(s) run\(resumed); wrote \(dir)/sweep.csv")
        } else {
            print("sweep stopped\(shardText) after \(outcome.ran) point(s): \(outcome.skipped + outcome.ran) of \(outcome.points) done; "
                  + "rerun the same command to continue")
        }
    }

    static func describe(_ point: SweepPoint, _ report: RunReport, of total: Int) -> String {
        func cell(_ metric: Metric) -> String { report.estimate(metric)?.text() ?? "n/a" }
        let ratio = point.ratio.map { " (\($0)/server)" } ?? ""
        let down = point.down > 0 ? ", \(point.down) down" : ""
        return "point \(point.index + 1)/\(total): \(point.consoles) consoles, \(point.servers) servers\(ratio)\(down): "
            + "p95 \(cell(.latencyP95)) ms, peak utilization \(cell(.serverUtilizationPeak))"
    }
}
