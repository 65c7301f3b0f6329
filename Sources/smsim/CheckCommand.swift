import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a scenario and check its SLOs: a regression test for CI.",
        discussion: """
        Runs the scenario and judges each objective of its slo block at 95 % confidence, \
        printing one line per objective with its value, CI and verdict. Exit status:
          0  every objective PASSes (its whole CI within the limit)
          1  an objective FAILs (its whole CI beyond the limit) or is UNSURE (the CI \
        straddles the limit). UNSURE fails the check: a CI gate should not pass on a coin \
        flip. Add replications (--replications, or --precision 0.05 --max-replications 200) \
        until it is decided.
          2  bad input, including a scenario without an slo block
          3  internal inconsistency (a conservation imbalance)
        --junit FILE writes the verdicts as JUnit XML (one testcase per objective). The \
        usual output files are written only when --out is given; --report writes them and \
        report.html into --out, or without it into results/<scenario name>-check/.
        After the verdicts the station closest to its limit is named, as smsim run names it, \
        with its remedies tested by quick runs (--no-remedies skips them).

        Examples:
          smsim check Scenarios/weekday-40.yaml
          smsim check Scenarios/weekday-40.yaml --junit reports/slo.xml --precision 0.05 --max-replications 60
          smsim check Scenarios/weekday-50.yaml --robust --points 128
        --robust asks the question in --points plausible worlds (every assumed input drawn \
        in its range, the same random numbers in each) and prints the probability that every \
        objective holds with its Wilson 95 % interval and the inputs that decide it; exit 1 \
        when that share is below --share (default 0.9). An MVA screen decides worlds far from \
        the boundary without simulating them (--no-screen: simulate all).
        """)

    @OptionGroup var input: ScenarioInput

    @Option(help: "Write the verdicts as JUnit XML to this file.")
    var junit: String?

    @OptionGroup var options: SimulationOptions
    @OptionGroup var precision: PrecisionOptions
    @OptionGroup var output: OutputOptions<Check>
    @OptionGroup var reportFlag: ReportFlag
    @OptionGroup var robustOptions: RobustOptions
    @OptionGroup var remedies: RemedyOptions
    @OptionGroup var robustDown: RobustDownOption

    func run() throws {
        let quiet = output.quiet
        let (scenario, content) = try input.load(options, precision: precision)
        guard !scenario.slo.isEmpty else {
            throw CommandFailure(message: "\(input.path): no slo block, nothing to check; add one, e.g. slo: { p95Latency: 2s, maxUtilization: 0.8 }",
                                 status: 2)
        }
        if robustOptions.robust { return try runRobust(scenario) }
        let dir = output.directory(for: scenario) ?? (reportFlag.report ? Self.reportDirectory(scenario) : nil)
        let lock = try dir.map(lockOutput)
        defer { lock?.release() }
        let report = try Simulator(options, precision: precision, console: output.console()).simulate(scenario)
        // The bottleneck, as run names it: only when someone reads it (the terminal or the files).
        let bottleneck = !quiet || dir != nil ? try remedies.bottleneck(report, scenario: scenario, options: options) : nil
        if let out = dir {
            try write(report, scenario: scenario, path: input.path, content: content, to: out)
            if let bottleneck { try AtomicFile.write(try bottleneck.json(), to: "\(out)/bottleneck.json") }
            try reportFlag.write(out, scenario: input.path, quiet: quiet)
        }
        let verdicts = report.evaluate(scenario.slo, databaseName: scenario.managementGroup.database.name)
        if !quiet {
            print("\(scenario.name): \(scenario.sizingDescription), \(report.replications.count) replication(s), seed \(scenario.seed)")
        }
        // Quiet: the verdict lines alone, without the header.
        for line in Self.table(verdicts).lines.dropFirst(quiet ? 1 : 0) { print(line) }
        if !quiet, let bottleneck { printBottleneck(bottleneck) }
        if let junit {
            let layout = scenario.layout
            let properties: [(String, String)] = [
                ("scenario", input.path), ("seed", String(scenario.seed)), ("replications", String(report.replications.count)),
                ("consoles", String(scenario.consoles.peak)), ("additionalServers", String(layout.additionalCount)),
                ("down", String(scenario.failures.down)), ("smsimVersion", smsimVersion),
            ]
            let xml = JUnitReport(scenario: scenario.name, verdicts: verdicts, properties: properties, seconds: report.wallSeconds).xml()
            try AtomicFile.write(xml, to: junit)
        }
        let failed = verdicts.filter { $0.verdict == .fail }.map(\.name)
        let unsure = verdicts.filter { $0.verdict == .inconclusive }.map(\.name)
        guard failed.isEmpty && unsure.isEmpty else {
            var parts: [String] = []
            if !failed.isEmpty { parts.append("violated: \(failed.joined(separator: ", "))") }
            if !unsure.isEmpty {
                parts.append("unsure: \(unsure.joined(separator: ", ")) (the CI straddles the limit; add replications, "
                             + "e.g. --precision 0.05 --max-replications 200)")
            }
            throw CommandFailure(message: "check failed: " + parts.joined(separator: "; "), status: 1)
        }
        if !quiet { print("all \(verdicts.count) objective(s) PASS") }
    }
}

extension Check {
    /// A header, then one line per objective: verdict, name, estimate with its interval, limit.
    static func table(_ verdicts: [SLOResult]) -> TextTable {
        // "result" fits the verdicts' column (UNSURE and a space), so the verdict lines keep their spacing.
        var table = TextTable(["result", "objective", "estimate ± 95 % CI", "limit"], minimumWidths: [7, 24, 26])
        for v in verdicts {
            let unit = v.unit.isEmpty ? "" : " " + v.unit
            table.add([v.verdict.rawValue, v.name, NumberFormat.table.interval(v.estimate.mean, v.estimate.halfWidth) + unit,
                       "limit \(NumberFormat.literal(v.limit))\(unit)"])
        }
        return table
    }
}

extension Check: OutputRole {
    static let defaultDirectory = DefaultDirectory.none(
        "default: none; the run's usual files are written only when --out is given, or with --report into results/<scenario name>-check/")
    /// Where `--report` without `--out` puts the run's files and report.html.
    static func reportDirectory(_ scenario: Scenario) -> String { "results/\(OutputName.safe(scenario.name))-check" }
    static let quietHelp = "Print only the verdict lines and errors."
}
