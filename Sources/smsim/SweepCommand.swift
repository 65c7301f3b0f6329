import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
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
        and it skips the finished points, ending with the same bytes as an uninterrupted run. \
        With --precision each point adds replications until its own metrics are precise \
        (the replications column says how many it ran).

        --shard i/n runs only points whose index ≡ i−1 (mod n), into <out>/shard-i-of-n/; \
        `smsim merge <out>` puts the shards together into <out>/sweep.csv. \
        Plot: gnuplot -e "sweep='DIR'" plots.gnuplot

        Examples:
          smsim sweep Scenarios/weekday-50.yaml --servers 4...13 --consoles 300,400
          smsim sweep Scenarios/weekday-50.yaml --servers 2...11 --ratios 40,50
          smsim sweep Scenarios/weekday-50.yaml --ratios 40,45,50 --consoles 200,400,600 --down 0,1
          smsim sweep Scenarios/weekday-50.yaml --servers 4...13 --shard 2/4 --out results/grid
        """)

    @OptionGroup var input: ScenarioInput

    @Option(help: "Additional server counts, e.g. 2...16 or 4,6,8.")
    var servers: String?

    @Option(help: "Consoles-per-server ratios, e.g. 40,45,50.")
    var ratios: String?

    @Option(help: "Peak consoles, a list, e.g. 200,400 or 200...600 (default: the scenario's consoles.peak).")
    var consoles: String?

    @Option(help: "Additional servers down for the whole run, a list, e.g. 0,1 (default: 0).")
    var down: String?

    @Option(help: "Run shard i of n (1-based), e.g. 2/8.")
    var shard: String?

    @Option(help: .hidden)
    var stopAfter: Int?

    @OptionGroup var options: SimulationOptions
    @OptionGroup var precision: PrecisionOptions
    @OptionGroup var output: OutputOptions<SweepCommand>
    @OptionGroup var report: ReportFlag

    func run() throws {
        let (scenario, content) = try input.load(options, precision: precision)
        let grid = try planning {
            try SweepGrid(consoles: try integers(consoles, option: "--consoles"), ratios: try integers(ratios, option: "--ratios"),
                          servers: try integers(servers, option: "--servers"), down: try integers(down, option: "--down"))
        }
        let points = try planning { try grid.points(of: scenario) }
        // Points run one after another: the largest one decides.
        for point in points {
            try input.refuseLarge([point.scenario], content: content,
                            replicationsHeld: precision.precision.map { _ in precision.most(for: scenario) }, options: options)
        }
        let shard = try planning { try self.shard.map { try Shard(parsing: $0) } }
        let base = output.directory(for: scenario)!
        let dir = shard.map { "\(base)/\($0.slug)" } ?? base
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let manifest = SweepManifest(scenario: scenario, scenarioHash: scenarioHash(content), grid: grid,
                                     points: points.count, shard: shard, precision: precision.precision,
                                     maxReplications: precision.precision.map { _ in precision.most(for: scenario) })
        let simulator = Simulator(options, precision: precision, console: output.console())
        let name = "\(scenario.name) sweep" + (shard.map { " shard \($0)" } ?? "")
        let quiet = output.quiet
        var ran: [(SweepPoint, RunReport)] = []
        let outcome = try planning {
            try Sweep.run(points: points, shard: shard, directory: dir, manifest: manifest, stopAfter: stopAfter,
                          simulate: { point, done, total in
                              try simulator.simulate(point.scenario, label: "\(name), point \(done + 1) of \(total)")
                          },
                          inspect: { point, report in
                              if !quiet { print(Self.describe(point, report, of: points.count)) }
                              ran.append((point, report))
                          })
        }
        if outcome.complete { try report.write(dir, scenario: input.path, quiet: quiet) }
        guard !quiet else { return }
        let shardText = shard.map { " (shard \($0): \(outcome.points) of \(points.count) points)" } ?? ""
        if ran.count > 1 { Self.table(ran).print() }
        if outcome.complete {
            let resumed = outcome.skipped > 0 ? ", \(outcome.skipped) already done" : ""
            print("sweep complete\(shardText): \(outcome.ran) point(s) run\(resumed); wrote \(dir)/sweep.csv")
        } else {
            print("sweep stopped\(shardText) after \(outcome.ran) point(s): \(outcome.skipped + outcome.ran) of \(outcome.points) done; "
                  + "rerun the same command to continue")
        }
    }

    /// The points this invocation ran, in index order: identity, p95 latency, peak utilization.
    static func table(_ ran: [(SweepPoint, RunReport)]) -> TextTable {
        var table = TextTable(["point", "consoles", "servers", "ratio", "down", "p95 latency (ms)", "peak utilization"],
                              minimumWidths: [7, 10, 9, 7, 6, 20])
        for (point, report) in ran.sorted(by: { $0.0.index < $1.0.index }) {
            table.add([String(point.index + 1), String(point.consoles), String(point.servers), point.ratio.map(String.init) ?? "-",
                       String(point.down), report.estimate(.latencyP95)?.text() ?? "n/a", report.estimate(.serverUtilizationPeak)?.text() ?? "n/a"])
        }
        return table
    }

    static func describe(_ point: SweepPoint, _ report: RunReport, of total: Int) -> String {
        func cell(_ metric: Metric) -> String { report.estimate(metric)?.text() ?? "n/a" }
        let ratio = point.ratio.map { " (\($0)/server)" } ?? ""
        let down = point.down > 0 ? ", \(point.down) down" : ""
        return "point \(point.index + 1)/\(total): \(point.consoles) consoles, \(point.servers) servers\(ratio)\(down): "
            + "p95 \(cell(.latencyP95)) ms, peak utilization \(cell(.serverUtilizationPeak))"
    }
}

extension SweepCommand: OutputRole {
    static let defaultDirectory = DefaultDirectory.results(suffix: "-sweep", note: "; a shard writes into <dir>/shard-i-of-n/")
}
