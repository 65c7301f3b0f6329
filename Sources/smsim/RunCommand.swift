import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
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
        if !output.quiet { printSummary(report, scenario: scenario, directory: dir) }
        try self.report.write(dir, scenario: input.path, quiet: output.quiet)
    }
}

extension Run: OutputRole {
    static let defaultDirectory = DefaultDirectory.results(suffix: "")
}

func printSummary(_ report: RunReport, scenario: Scenario, directory: String) {
    let layout = scenario.layout
    let ratio = layout.ratio.map { " (\($0) consoles/server)" } ?? ""
    let down = scenario.failures.down > 0 ? ", \(scenario.failures.down) down" : ""
    print("\(scenario.name): \(layout.additionalCount) additional server(s)\(ratio)\(down), \(report.replications.count) replication(s), "
          + "\(NumberFormat.table(Double(report.events) / 1e6)) M events in \(NumberFormat.table(report.wallSeconds)) s")
    print(pad("station", 10) + pad("consoles", 12) + pad("utilization", 22) + pad("peak util", 20) + "p95 latency (ms)")
    func cell(_ metric: Metric, _ station: String) -> String { report.estimate(metric, station: station)?.text() ?? "-" }
    for server in layout.servers {
        print(pad(server.name, 10) + pad(cell(.consolesMean, server.name), 12) + pad(cell(.utilization, server.name), 22)
              + pad(cell(.utilizationPeak, server.name), 20) + cell(.latencyP95, server.name))
    }
    let db = scenario.managementGroup.database.name
    print(pad(db, 10) + pad("", 12) + pad(cell(.utilization, db), 22) + pad(cell(.utilizationPeak, db), 20) + "")
    print(pad("all", 10) + pad(cell(.consolesMean, "all"), 12) + pad("", 22)
          + pad(cell(.serverUtilizationPeak, "all"), 20) + cell(.latencyP95, "all"))
    print("workflow lag p95 \(cell(.workflowLagP95, "all")) s, backlog peak \(cell(.workflowBacklogPeak, "all")), "
          + "refused sessions \(cell(.sessionsRefused, "all")), abandoned \(cell(.sessionsAbandoned, "all"))")
    for slo in report.evaluate(scenario.slo, databaseName: db) {
        let e = slo.estimate
        let value = NumberFormat.table.interval(e.mean, e.halfWidth, zeroAlone: true)
        print("SLO \(pad(slo.name, 24)) \(pad(value + " " + slo.unit, 24)) limit \(pad(NumberFormat.table(slo.limit) + " " + slo.unit, 14)) \(slo.verdict.rawValue)")
    }
    print("conservation: sessions, requests and workflow jobs balance in all \(report.replications.count) replication(s)")
    print("wrote \(directory)/: timeseries.csv, timeseries-mean.csv, summary.csv, events.csv, run.json")
}
