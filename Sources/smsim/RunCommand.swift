import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate a scenario and write its time series, summary and events.",
        discussion: """
        Writes into the output directory (default results/<scenario name>/), each file \
        complete or not at all: timeseries.csv (per replication, window and station), \
        timeseries-mean.csv (the same averaged across replications, what the plots draw), \
        summary.csv (each metric after warm-up: mean, 95 % CI, min, max across replications), \
        events.csv (failures, repairs, promotions, database outages) and run.json (the run's \
        context and conservation report). Prints a summary table with the SLO verdicts. \
        Exit status: 0 done, 2 bad input, 3 internal inconsistency (a conservation imbalance).

        Examples:
          smsim run Scenarios/weekday-40.yaml
          smsim run Scenarios/weekday-50.yaml --replications 20 --seed 7 --out /tmp/w50
          smsim run Scenarios/weekday-50.yaml --precision 0.05 --max-replications 60
        """)

    @OptionGroup var input: ScenarioInput

    @OptionGroup var options: SimulationOptions
    @OptionGroup var precision: PrecisionOptions
    @OptionGroup var output: OutputOptions<Run>
    @OptionGroup var report: ReportFlag

    @OptionGroup var remedies: RemedyOptions

    @Flag(help: "Also write perfmon/<HOST>.csv (the first replication's counters as PDH-CSV logs, one sample per window) and work-items.csv (work items per window): input for smsim calibrate.")
    var perfmon = false

    func run() throws {
        let (scenario, content) = try input.load(options, precision: precision)
        let dir = output.directory(for: scenario)!
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let report = try Simulator(options, precision: precision, console: output.console()).simulate(scenario)
        try write(report, scenario: scenario, path: input.path, content: content, to: dir)
        if perfmon { _ = try writePerfmon(report, scenario: scenario, to: dir) }
        let bottleneck = try remedies.bottleneck(report, scenario: scenario, options: options)
        if let bottleneck { try AtomicFile.write(try bottleneck.json(), to: "\(dir)/bottleneck.json") }
        if !output.quiet {
            printSummary(report, scenario: scenario, directory: dir, bottleneck: bottleneck)
        }
        try self.report.write(dir, scenario: input.path, quiet: output.quiet)
    }
}

extension Run: OutputRole {
    static let defaultDirectory = DefaultDirectory.results(suffix: "")
}

func printSummary(_ report: RunReport, scenario: Scenario, directory: String, bottleneck: BottleneckFile? = nil) {
    let layout = scenario.layout
    let ratio = layout.ratio.map { " (\($0) consoles/server)" } ?? ""
    let down = scenario.failures.down > 0 ? ", \(scenario.failures.down) down" : ""
    print("\(scenario.name): \(layout.additionalCount) additional server(s)\(ratio)\(down), \(report.replications.count) replication(s), "
          + "\(NumberFormat.table(Double(report.events) / 1e6)) M events in \(NumberFormat.table(report.wallSeconds)) s")
    summaryTable(report, scenario: scenario).print()
    sloTable(report, scenario: scenario).print()
    print("conservation: sessions, requests and workflow jobs balance in all \(report.replications.count) replication(s)")
    if let bottleneck { printBottleneck(bottleneck) }
    print("wrote \(directory)/: timeseries.csv, timeseries-mean.csv, summary.csv, events.csv, run.json"
          + (bottleneck == nil ? "" : ", bottleneck.json"))
}

/// The summary's station table: consoles, utilization, peak window and p95 latency at each
/// server, the database and the whole group.
func summaryTable(_ report: RunReport, scenario: Scenario) -> TextTable {
    var table = TextTable(["station", "consoles", "utilization", "peak util", "p95 latency (ms)"], minimumWidths: [10, 12, 22, 20])
    func cell(_ metric: Metric, _ station: String) -> String { report.estimate(metric, station: station)?.text() ?? "-" }
    for server in scenario.layout.servers {
        table.add([server.name, cell(.consolesMean, server.name), cell(.utilization, server.name),
                   cell(.utilizationPeak, server.name), cell(.latencyP95, server.name)])
    }
    let db = scenario.managementGroup.database.name
    table.add([db, "", cell(.utilization, db), cell(.utilizationPeak, db), ""])
    table.add(["all", cell(.consolesMean, "all"), "", cell(.serverUtilizationPeak, "all"), cell(.latencyP95, "all")])
    return table
}

/// One line per objective: `SLO p95Latency  2.61 ± 0.10 s  limit 4 s  PASS`.
func sloTable(_ report: RunReport, scenario: Scenario) -> TextTable {
    var table = TextTable(minimumWidths: [4, 25, 25, 6, 15])
    for slo in report.evaluate(scenario.slo, databaseName: scenario.managementGroup.database.name) {
        let e = slo.estimate
        let value = NumberFormat.table.interval(e.mean, e.halfWidth, zeroAlone: true)
        table.add(["SLO", slo.name, value + " " + slo.unit, "limit", NumberFormat.literal(slo.limit) + " " + slo.unit, slo.verdict.rawValue])
    }
    return table
}
