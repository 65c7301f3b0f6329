import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

struct Size: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Find the fewest additional servers that meet every SLO.",
        discussion: """
        The objectives are the scenario's slo block with --slo-p95 and --max-utilization \
        overriding theirs. A count meets them when every objective's verdict is PASS (its \
        whole 95 % CI within the limit; UNSURE does not count) with --down servers failed \
        for the whole run.

        Exit status: 0 with an answer, 1 when no count can meet the objectives (the database \
        is the bottleneck, or --max-servers is reached), 2 bad input.

        The search starts from an MVA estimate, brackets the answer in doubling steps, \
        bisects, and shows the count one below failing. Each count is simulated at most once, \
        with the same seed and replications (common random numbers). The floor is the fewest \
        servers whose hard connection limits (connectionLimit, if any) hold the consoles with --down failed. \
        Writes size.csv (one row per simulated count) into the output directory \
        (default results/<scenario name>-size/).

        With --sql-memory the question is the database server's memory instead: the least of \
        the listed sizes (GiB) that meets the objectives at the scenario's consoles and servers, \
        each size run with the same seed and replications; writes sql-memory.csv.

        Examples:
          smsim size Scenarios/weekday-50.yaml --consoles 600 --down 1
          smsim size Scenarios/published/sql-memory-50k.yaml --sql-memory 8,16,24,32,48,64
          smsim size Scenarios/weekday-50.yaml --consoles 600 --slo-p95 2s --max-utilization 0.75 --json
          smsim size Scenarios/weekday-50.yaml --consoles 600 --robust --points 128 --share 0.9
        --robust sizes over --points plausible worlds (as check --robust): the fewest servers \
        for which every objective holds, on the mean of the replications, in at least --share \
        of the worlds, and the share at each count tried with its Wilson 95 % interval. Writes \
        robust-size.csv (one row per count), robust-cells.csv (one per world and count) and \
        robust.txt. Exit status 1 when no count up to --max-servers reaches the share.
        """)

    @OptionGroup var input: ScenarioInput

    @OptionGroup var consoleCount: ConsolesOption

    @Option(help: "Additional servers down for the whole run (N−k sizing).")
    var down: Int = 0

    @Option(name: .customLong("slo-p95"), help: "p95 console latency objective, a duration (2s, 1500ms).")
    var sloP95: String?

    @Option(help: "Peak server utilization objective, a fraction (0.75).")
    var maxUtilization: Double?

    @Option(help: "The largest count to try (default: 4 × the estimate, at least the floor + 16).")
    var maxServers: Int?

    @Option(name: .customLong("sql-memory"),
            help: "Size SQL Server memory instead of servers: the GiB sizes to choose from (8,16,24,32,48,64).")
    var sqlMemory: String?

    @Flag(help: "Print one JSON object instead of text (progress and notes still go to stderr unless --quiet).")
    var json = false

    @OptionGroup var options: SimulationOptions
    @OptionGroup var precision: PrecisionOptions
    @OptionGroup var output: OutputOptions<Size>
    @OptionGroup var report: ReportFlag
    @OptionGroup var robustOptions: RobustOptions

    func validate() throws {
        if down < 0 { throw ValidationError("--down must be at least 0, got \(down)") }
        if let sloP95 {
            guard let seconds = DurationArgument.seconds(sloP95), seconds > 0 else {
                throw ValidationError("--slo-p95 \(sloP95): \(DurationArgument.accepted)")
            }
        }
        if let maxUtilization, !(maxUtilization > 0 && maxUtilization <= 1) {
            throw ValidationError("--max-utilization must be above 0 and at most 1, got \(maxUtilization)")
        }
        if let maxServers, maxServers < 1 { throw ValidationError("--max-servers must be at least 1, got \(maxServers)") }
        if let sqlMemory {
            let sizes: [Int]
            do { sizes = try IntegerList.parse(sqlMemory, option: "--sql-memory") } catch { throw ValidationError("\(error)") }
            if let bad = sizes.first(where: { $0 < 1 }) { throw ValidationError("--sql-memory: every size must be at least 1 GiB, got \(bad)") }
            for (given, option) in [(consoleCount.consoles != nil, "--consoles"), (down != 0, "--down"), (maxServers != nil, "--max-servers"),
                                    (json, "--json"), (report.report, "--report")] where given {
                throw ValidationError("\(option) does not go with --sql-memory, which sizes memory at the scenario's consoles and servers")
            }
        }
    }

    func run() throws {
        if let sqlMemory { return try runSQLMemory(sizes: try IntegerList.parse(sqlMemory, option: "--sql-memory").map(Double.init)) }
        let (scenario, content) = try input.load(options, precision: precision)
        let consoles = consoleCount.peak(of: scenario)
        var slo = scenario.slo
        if let sloP95 { slo.p95Latency = DurationArgument.seconds(sloP95) }
        if let maxUtilization { slo.maxUtilization = maxUtilization }
        if robustOptions.robust {
            var asked = scenario
            asked.slo = slo
            return try runRobust(asked, consoles: consoles)
        }
        let search = try planning {
            try SizeSearch(scenario: scenario, consoles: consoles, down: down, slo: slo, maxServers: maxServers)
        }
        let console = output.console(json: json)
        if console.printsText {
            let replications = precision.precision == nil ? "\(scenario.replications)" : "\(scenario.replications) or more (--precision)"
            print("sizing \(scenario.name) for \(consoles) consoles\(down > 0 ? " with \(down) down" : ""), "
                  + "\(replications) replications per count:")
        }
        let dir = output.directory(for: scenario)!
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let simulator = Simulator(options, precision: precision, console: console)
        let result: SizeSearch.Result
        do {
            result = try planning {
                try search.run(simulate: { variant in
                    try simulator.simulate(variant, label: "\(variant.layout.additionalCount) servers")
                }, log: { e in
                    if console.printsText { print("  \(pad("\(e.servers) servers:", 14))\(Self.evidence(e))") }
                })
            }
        } catch let none as SizeSearch.Unattainable {
            // An answer too: no count will do. Keep the evidence.
            try AtomicFile.write(SizeSearch.csv(none.evaluations, consoles: consoles, down: down, scenario: scenario), to: "\(dir)/size.csv")
            if report.report {
                try AtomicFile.write(jsonText(SizeJSON(none, consoles: consoles, down: down, scenario: scenario)), to: "\(dir)/size.json")
                try report.write(dir, scenario: input.path, quiet: !console.printsText)
            }
            if json { try printJSON(SizeJSON(none, consoles: consoles, down: down, scenario: scenario)) }
            throw CommandFailure(message: none.message, status: 1)
        }
        try AtomicFile.write(SizeSearch.csv(result.evaluations, consoles: consoles, down: down, scenario: scenario), to: "\(dir)/size.csv")
        if report.report {
            // The report's evidence: the answer as JSON and the chosen count's usual run files.
            try AtomicFile.write(jsonText(SizeJSON(result, scenario: scenario)), to: "\(dir)/size.json")
            try write(result.chosen.report, scenario: result.chosen.scenario, path: input.path, content: content,
                      to: "\(dir)/servers-\(result.servers)")
            try report.write(dir, scenario: input.path, quiet: !console.printsText)
        }

        if json { try printJSON(SizeJSON(result, scenario: scenario)) }
        guard console.printsText else { return }
        let downText = down > 0 ? ", \(down) down" : ""
        print("\(scenario.name) at \(consoles) consoles\(downText): \(result.servers) additional server(s)")
        print("  objectives: " + Self.objectives(slo))
        print("  analytic estimate \(result.estimate) (MVA, utilization ≤ \(NumberFormat.table(search.estimateLimit))), floor \(result.floor); "
              + "simulated \(result.evaluations.count) count(s): "
              + result.evaluations.map { "\($0.servers) \($0.holds ? "holds" : "fails")" }.joined(separator: ", "))
        print("  at \(result.servers): \(Self.evidence(result.chosen))")
        if let below = result.below {
            print("  at \(below.servers): \(Self.evidence(below))")
            if below.verdicts.contains(where: { $0.verdict == .inconclusive }) && !below.verdicts.contains(where: { $0.verdict == .fail }) {
                print("  note: \(below.servers) is UNSURE, not a clear FAIL; more replications might show it is enough")
            }
        } else {
            print("  \(result.servers) is the floor: \(result.servers == 0 ? "no additional server is needed" : "fewer servers cannot hold \(consoles) consoles within their connection limits (connectionLimit)")\(downText)")
        }
        if result.guidanceBinds, let most = slo.maxConsolesPerServer {
            print("  the connection guidance binds: at \(result.servers - 1) every performance objective holds; only "
                  + "at most \(NumberFormat.literal(most)) consoles per server (S-TOPO) does not")
        }
        if let ratios = result.equivalentRatios {
            let allUp = Double(consoles) / Double(result.servers)
            let withDown = down > 0 && result.servers > down ? ", \(NumberFormat.table(Double(consoles) / Double(result.servers - down))) with \(down) down" : ""
            let range = ratios.lowerBound == ratios.upperBound ? "\(ratios.lowerBound)" : "\(ratios.lowerBound)–\(ratios.upperBound)"
            print("  equivalent ratio: consolesPerServer \(range) gives \(result.servers) additional servers "
                  + "(\(NumberFormat.table(allUp)) consoles per server with all up\(withDown))")
        }
        if !result.contradictions.isEmpty {
            print("  warning: \(result.contradictions.map(String.init).joined(separator: ", ")) server(s) failed although "
                  + "\(result.servers) holds: results near the limits are noisy; add replications")
        }
        if let refused = result.chosen.report.estimate(.sessionsRefused), refused.mean > 0 {
            print("  warning: \(NumberFormat.table(refused.mean)) session(s) per replication refused at \(result.servers) servers "
                  + "(connection caps); consider one more server")
        }
        Self.table(result.evaluations).print()
        print("wrote \(dir)/size.csv")
    }

    /// Every simulated count, fewest servers first: p95 latency, peak utilization, verdict.
    static func table(_ evaluations: [Evaluation]) -> TextTable {
        var table = TextTable(["servers", "p95 latency (s)", "peak utilization", "objectives"], minimumWidths: [9, 18, 18], indent: "  ")
        for e in evaluations.sorted(by: { $0.servers < $1.servers }) {
            func cell(_ metric: Metric, scale: Double = 1) -> String { e.report.estimate(metric)?.text(scale: scale) ?? "n/a" }
            let notMet = e.verdicts.filter { $0.verdict != .pass }.map { "\($0.name) \($0.verdict.rawValue)" }
            table.add([String(e.servers), cell(.latencyP95, scale: Objective.p95Latency.limitUnit.scale), cell(.serverUtilizationPeak),
                       e.holds ? "all PASS" : notMet.joined(separator: ", ")])
        }
        return table
    }

    static func objectives(_ slo: ServiceLevelObjectives) -> String {
        slo.objectives.map { objective in
            let limit = slo[objective]!
            return "\(objective.rawValue) ≤ " + (objective.isDuration ? DurationArgument.format(limit) : NumberFormat.table(limit))
        }.joined(separator: ", ")
    }

    /// `p95 1.52 ± 0.05 s, peak utilization 0.71 ± 0.01: holds` (with the objectives not met).
    static func evidence(_ e: Evaluation) -> String {
        func cell(_ metric: Metric, scale: Double = 1) -> String { e.report.estimate(metric)?.text(scale: scale) ?? "n/a" }
        let notMet = e.verdicts.filter { $0.verdict != .pass }.map { "\($0.name) \($0.verdict.rawValue)" }
        return "p95 latency \(cell(.latencyP95, scale: Objective.p95Latency.limitUnit.scale)) s, peak utilization \(cell(.serverUtilizationPeak)): "
            + (e.holds ? "all PASS" : notMet.joined(separator: ", "))
    }
}

extension Size: OutputRole {
    static let defaultDirectory = DefaultDirectory.results(suffix: "-size")
    static let quietHelp = "Print nothing but errors (and the JSON object with --json): no progress, no table."
}
