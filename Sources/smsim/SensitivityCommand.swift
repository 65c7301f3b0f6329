import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Which inputs the answer depends on: one factor at a time, or Morris screening.",
        discussion: """
        One factor at a time (the default): runs the scenario at its base values, then each \
        factor at its low and its high value, all with the same seed and replications (common \
        random numbers), so each effect is a paired difference per replication with a 95 % \
        interval. By default every demand mean, the think time, saves per hour (the weight of \
        requests that trigger workflows), workflows per save, the poll interval, workflow job \
        demands, logical page reads, the logon's demands, active and idle periods, the idle \
        refresh interval, network latency, SQL memory, the storage read time and the consoles \
        vary by ±20 % (those the scenario uses). --method morris screens all factors at once \
        with elementary effects (r trajectories of k + 1 runs; μ* ranks them). --metric servers \
        runs the size search for each variant (the scenario needs an slo block) and reports \
        the additional servers each needs: whole numbers without intervals, so a ±20 % change \
        often shows no effect; vary wider to see where the answer moves.
        Writes into the output directory (default results/<scenario name>-sensitivity/): \
        sensitivity.csv, sensitivity-tornado.dat and .gnuplot, and, when gnuplot is installed, \
        sensitivity-tornado.png and .svg (largest effect at the top), and report.html with \
        --report; prints the table.

        Examples:
          smsim sensitivity Scenarios/weekday-50.yaml --replications 5
          smsim sensitivity Scenarios/weekday-50.yaml --vary thinkTime.mean=±30% --vary consoles.peak=300..500
          smsim sensitivity Scenarios/weekday-50.yaml --metric maxUtilization --method morris --trajectories 8
          smsim sensitivity Scenarios/weekday-40.yaml --metric servers --vary consoles.requests[open-view].server.mean=±20%
        """)

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case oneAtATime = "one-at-a-time"
        case morris
    }

    @OptionGroup var input: ScenarioInput

    @Option(name: .customLong("vary"), help: "A factor: FIELD=±20% or FIELD=LOW..HIGH (repeatable; default: every factor ±20 %).")
    var vary: [String] = []

    @Option(help: "What to measure.")
    var metric: SensitivityMetric = .p95Latency

    @Option(help: "one-at-a-time or morris.")
    var method: Method = .oneAtATime

    @Option(help: "Morris trajectories (each k + 1 runs).")
    var trajectories: Int = 10

    @OptionGroup var options: SimulationOptions
    @OptionGroup var output: OutputOptions<Sensitivity>
    @OptionGroup var reportFlag: ReportFlag

    func validate() throws {
        guard trajectories >= 2 else { throw ValidationError("--trajectories must be at least 2, got \(trajectories)") }
    }

    func run() throws {
        let (scenario, _) = try input.load(options)
        let factors = try planning {
            vary.isEmpty ? SensitivityFactor.defaults(for: scenario) : try vary.map { try SensitivityFactor.parse($0, scenario: scenario) }
        }
        guard !factors.isEmpty else { throw CommandFailure(message: "error: no factor to vary", status: 2) }
        if metric == .servers && scenario.slo.isEmpty {
            throw CommandFailure(message: "error: --metric servers needs an slo block in the scenario", status: 2)
        }
        let progress = Progress(label: "\(scenario.name) sensitivity", total: method == .morris ? trajectories * (factors.count + 1) : 1 + 2 * factors.count)
        let quiet = output.quiet
        let simulator = Simulator(options, precision: nil, console: Console(quiet: true))
        let run = { (s: Scenario) throws -> RunReport in try simulator.simulate(s) }
        let show: (Int, Int) -> Void = { n, _ in if !quiet { progress.update(n) } }
        let dir = output.directory(for: scenario)!
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let csv: String
        let bars: [(label: String, low: Double, high: Double)]
        let title: String
        do {
            if method == .morris {
                let m = try MorrisSensitivity(scenario: scenario, factors: factors, metric: metric, trajectories: trajectories,
                                              simulate: run, progress: show)
                progress.finish()
                csv = SensitivityReport.csv(m, scenario: scenario)
                bars = SensitivityReport.bars(m)
                title = "\(scenario.name): Morris μ* of \(metric.label), \(trajectories) trajectories"
                if !quiet { printMorris(m) }
            } else {
                let a = try OneAtATime(scenario: scenario, factors: factors, metric: metric, simulate: run, progress: show)
                progress.finish()
                csv = SensitivityReport.csv(a, scenario: scenario)
                bars = SensitivityReport.bars(a)
                title = "\(scenario.name): change in \(metric.label), each factor low and high"
                if !quiet { printOneAtATime(a, replications: scenario.replications) }
            }
        } catch let e as PlanningError {
            throw CommandFailure(message: "error: \(e.message)", status: 2)
        }
        try AtomicFile.write(csv, to: "\(dir)/sensitivity.csv")
        try AtomicFile.write(SensitivityReport.tornadoData(bars), to: "\(dir)/sensitivity-tornado.dat")
        let script = SensitivityReport.tornadoScript(dir: dir, title: title, xlabel: "\(metric.label) (\(metric.unit))", count: bars.count,
                                                      xticStep: metric == .servers ? 1 : nil)
        try AtomicFile.write(script, to: "\(dir)/sensitivity-tornado.gnuplot")
        let plotted = runGnuplot("\(dir)/sensitivity-tornado.gnuplot") == .drawn
        if !quiet {
            print("wrote \(dir)/: sensitivity.csv, sensitivity-tornado.dat, sensitivity-tornado.gnuplot"
                  + (plotted ? ", sensitivity-tornado.png, sensitivity-tornado.svg" : " (gnuplot not found: no PNG/SVG)"))
        }
        try reportFlag.write(dir, scenario: input.path, quiet: quiet)
    }

    func printOneAtATime(_ a: OneAtATime, replications: Int) {
        let f = NumberFormat.table, s = a.metric.scale
        let base = a.base.filter(\.isFinite)
        // A size search answers with a whole number of servers and no interval.
        let servers = a.metric == .servers
        func show(_ d: PairedDifference) -> String {
            servers ? (d.difference.isFinite ? (d.difference == 0 ? "0" : String(format: "%+d", Int(d.difference))) : "n/a")
                    : f.interval(d.difference * s, d.pairedHalfWidth * s)
        }
        if servers {
            print("\(a.metric.label) at base: \(base.first.map { String(Int($0)) } ?? "n/a"); each run is a size search "
                  + "(\(replications) replications per server count), "
                  + "its answer a whole number without an interval")
        } else {
            print("\(a.metric.label) at base: \(f(base.reduce(0, +) / Double(max(1, base.count)) * s)) \(a.metric.unit); "
                  + "\(base.count) paired replication(s) per run; 95 % paired intervals")
        }
        var table = TextTable(["factor", "low → high", "low − base", "high − base", "effect (high − low)"], minimumWidths: [44, 22, 22, 22])
        for r in a.rows { table.add([r.factor.label, SensitivityReport.range(r.factor), show(r.low), show(r.high), show(r.effect)]) }
        table.print()
        if !servers, let top = a.rows.first {
            let e = top.effect
            print(NumberFormat.excludesZero(e.difference, e.pairedHalfWidth) || e.pairedHalfWidth == 0
                  ? "\(top.factor.label) moves \(a.metric.label) most: \(show(e)) \(a.metric.unit) from low to high"
                  : "no factor moves \(a.metric.label) beyond the noise: the largest effect, \(top.factor.label) \(show(e)) \(a.metric.unit), "
                    + "is inside its 95 % interval; add replications to tell the factors apart")
        }
    }

    func printMorris(_ m: MorrisSensitivity) {
        let f = NumberFormat.table, s = m.metric.scale
        print("Morris screening of \(m.metric.label) (\(m.metric.unit) per change from low to high), \(m.trajectories) trajectories")
        var table = TextTable(["factor", "low → high", "μ* ± 95 %", "μ", "σ"], minimumWidths: [44, 22, 24, 14])
        for i in m.order {
            let e = m.screening.effects[i]
            table.add([m.factors[i].label, SensitivityReport.range(m.factors[i]), f.interval(e.absoluteMean * s, e.absoluteMeanHalfWidth * s),
                       f(e.mean * s), f(e.standardDeviation * s)])
        }
        table.print()
    }
}

extension Sensitivity: OutputRole {
    static let defaultDirectory = DefaultDirectory.results(suffix: "-sensitivity")
}

/// `--metric`'s values are the metric's names (`p95Latency`, `maxUtilization`, `servers`).
extension SensitivityMetric: ExpressibleByArgument {}
