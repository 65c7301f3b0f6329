import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare consoles-per-server ratios with paired confidence intervals.",
        discussion: """
        Runs the scenario at each ratio with the same seed and replications. Replication i of \
        every ratio sees the same sessions and requests (common random numbers), so the \
        difference between two ratios is estimated from per-replication differences: the \
        paired 95 % CI. The unpaired (Welch) half-width is shown beside it: what the same runs \
        would give if they were independent. Each ratio is compared with the first.

        Writes into the output directory (default results/<scenario name>-compare/): \
        compare.csv (one row per metric per pair) and ratio-<R>/ with each configuration's \
        usual files and bottleneck.json. Each configuration's bottleneck is named as smsim \
        run names it, with its remedies tested by quick runs (--no-remedies skips them). \
        Plot: gnuplot -e "compare='DIR'" plots.gnuplot

        Examples:
          smsim compare Scenarios/weekday-40.yaml --ratios 40,50
          smsim compare Scenarios/weekday-40.yaml --ratios 40,45,50 --consoles 600 --replications 20
          smsim compare Scenarios/weekday-40.yaml --ratios 40,50 --robust --points 64 --replications 5 --down 1
        --robust asks in --points plausible worlds (as check --robust), every world at every \
        ratio with the same random numbers: the probability that every objective holds at each \
        ratio, and that each later ratio's p95 latency is within --tolerance of the first's, \
        each with its Wilson 95 % interval and what decides it. Writes robust-compare.csv (one \
        row per world), robust.csv (the higher ratio safe or not, for the report) and \
        robust.txt; exit 1 when the last ratio holds in less than --share of the worlds.
        """)

    @OptionGroup var input: ScenarioInput

    @Option(help: "Consoles-per-server ratios to compare, comma-separated; the first is the baseline (e.g. 40,50).")
    var ratios: String

    @OptionGroup var consoles: ConsolesOption
    @OptionGroup var options: SimulationOptions
    @OptionGroup var precision: PrecisionOptions
    @OptionGroup var output: OutputOptions<Compare>
    @OptionGroup var report: ReportFlag
    @OptionGroup var remedies: RemedyOptions
    @OptionGroup var robustOptions: RobustOptions
    @OptionGroup var robustDown: RobustDownOption

    @Option(help: "With --robust, how much worse the p95 latency of a later ratio may be than the first's: 10% or 0.1.")
    var tolerance = "10%"

    func validate() throws {
        guard Self.fraction(tolerance) != nil else {
            throw ValidationError("--tolerance \(tolerance): write a percentage (10%) or a fraction (0.1), 0 or more")
        }
    }

    /// `10%` → 0.1, `0.1` → 0.1; nil when neither or negative.
    static func fraction(_ text: String) -> Double? {
        let value = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        guard let value, value.isFinite, value >= 0 else { return nil }
        return value
    }

    func run() throws {
        let (scenario, content) = try input.load(options, precision: precision)
        let ratioList = try integers(ratios, option: "--ratios")
        if robustOptions.robust { return try runRobust(scenario, ratios: ratioList) }
        let variants = try planning {
            try PairedComparison.variants(of: scenario, ratios: ratioList, consoles: consoles.consoles)
        }
        // Every configuration's results are kept until the comparison is written.
        try input.refuseLarge(variants.map(\.scenario), content: content,
                        replicationsHeld: precision.precision.map { _ in precision.most(for: scenario) }, options: options)
        let dir = output.directory(for: scenario)!
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let reports = try Simulator(options, precision: precision, console: output.console())
            .simulate(variants.map { ("ratio \($0.ratio)", $0.scenario) })

        var configurations: [PairedComparison.Configuration] = []
        // Each configuration's own bottleneck, as run names it (ratio-<R>/bottleneck.json).
        var bottlenecks: [(ratio: Int, file: BottleneckFile)] = []
        for ((ratio, variant), report) in zip(variants, reports) {
            try write(report, scenario: variant, path: input.path, content: content, to: "\(dir)/ratio-\(ratio)")
            if let file = try remedies.bottleneck(report, scenario: variant, options: options) {
                try AtomicFile.write(try file.json(), to: "\(dir)/ratio-\(ratio)/bottleneck.json")
                bottlenecks.append((ratio, file))
            }
            configurations.append(.init(ratio: ratio, scenario: variant, report: report))
        }
        let database = scenario.managementGroup.database.name
        let comparison = try planning {
            try PairedComparison(configurations: configurations, metrics: PlanningMetric.sloRelevant(databaseName: database))
        }
        try AtomicFile.write(comparison.csv(), to: "\(dir)/compare.csv")
        try report.write(dir, scenario: input.path, quiet: output.quiet)
        guard !output.quiet else { return }

        let first = configurations[0]
        print("\(scenario.name): \(first.scenario.consoles.peak) consoles, \(first.report.replications.count) paired replication(s), "
              + "seed \(scenario.seed)")
        for pair in comparison.pairs {
            print(headline(pair))
        }
        for pair in comparison.pairs {
            print("")
            print("\(pair.b.ratio) vs \(pair.a.ratio) consoles/server (\(pair.b.servers) vs \(pair.a.servers) additional servers):")
            Self.table(pair).print()
        }
        print("")
        for (ratio, file) in bottlenecks { printBottleneck(file, at: "at \(ratio)/server") }
        if !bottlenecks.isEmpty { print("") }
        print("wrote \(dir)/: compare.csv, " + configurations.map { "ratio-\($0.ratio)/" }.joined(separator: ", "))
    }

    /// Each metric of a pair: both means, the paired difference with its interval, the unpaired half-width.
    static func table(_ pair: PairedComparison.Pair) -> TextTable {
        var table = TextTable(["metric", "\(pair.a.ratio)/server", "\(pair.b.ratio)/server", "difference ± paired CI", "unpaired (Welch) ±"],
                              minimumWidths: [32, 14, 14, 26], indent: "  ")
        for d in pair.differences {
            let s = d.metric.displayScale
            table.add(["\(d.metric.label) (\(d.metric.unit))", NumberFormat.table(d.meanA * s), NumberFormat.table(d.meanB * s),
                       NumberFormat.estimate(d.difference * s, d.pairedHalfWidth * s, signed: true),
                       d.unpairedHalfWidth.isFinite ? NumberFormat.table.halfWidth(d.unpairedHalfWidth * s, of: d.difference * s) : "n/a"])
        }
        return table
    }

    /// `50 vs 40: p95 latency +312 ms ± 41 (paired 95 % CI; unpaired ± 230), peak utilization +9.1 pp ± 0.8, servers 8 vs 10`.
    func headline(_ pair: PairedComparison.Pair) -> String {
        var parts: [String] = []
        if let d = pair.difference(.latencyP95) {
            parts.append("p95 latency \(NumberFormat.estimate(d.difference, d.pairedHalfWidth, signed: true).replacingOccurrences(of: " ±", with: " ms ±")) "
                         + "(paired 95 % CI; unpaired ± \(NumberFormat.table.halfWidth(d.unpairedHalfWidth, of: d.difference)))")
        }
        if let d = pair.difference(.serverUtilizationPeak) {
            parts.append("peak utilization \(NumberFormat.estimate(d.difference * 100, d.pairedHalfWidth * 100, signed: true).replacingOccurrences(of: " ±", with: " pp ±")) "
                         + "(unpaired ± \(NumberFormat.table.halfWidth(d.unpairedHalfWidth * 100, of: d.difference * 100)))")
        }
        parts.append("servers \(pair.b.servers) vs \(pair.a.servers)")
        return "\(pair.b.ratio) vs \(pair.a.ratio): " + parts.joined(separator: ", ")
    }
}

extension Compare: OutputRole {
    static let defaultDirectory = DefaultDirectory.results(suffix: "-compare")
}
