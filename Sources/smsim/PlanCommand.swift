import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import DeploymentPlan
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Size a deployment from the numbers a planner knows: computers, consoles, work items.",
        discussion: """
        Builds the busiest hour of a working day from the counts below and the sourced \
        defaults (every console open and active; the shipped scenarios' per-request demands), \
        then finds by simulation: the additional management servers (with --down failed), the \
        SQL Server cores and the smallest memory that meet every objective, the station \
        closest to its limit, and the probability that the objectives hold over the plausible \
        ranges of the assumed inputs (--points worlds; 0 skips it). Where that probability is \
        below --share (default 0.9), the plan adds a step of SQL memory or a server, whichever \
        reaches the share (memory first), and says so. Give the numbers in a short YAML file \
        (examples/plan/), as flags, or both (flags win).

        Objectives: p95 console latency ≤ --p95-latency, peak server utilization ≤ 0.85, \
        database ≤ 0.8, p95 workflow lag ≤ 5 minutes (left out with --promotion), at most 60 \
        consoles per server (S-TOPO's guidance, judged like the others), portal p95 ≤ 4 s.

        Inputs (file key / flag, unit, default):
        \(PlanCommand.inputHelp)

        Writes plan.txt, plan.json, plan.csv (one row per simulated configuration), \
        scenario.yaml (the answer's scenario: smsim size and check repeat it) and, with \
        points, robust.csv into the output directory (default results/<name>-plan/).
        Exit status: 0 with an answer; 1 when no configuration meets the objectives; 2 bad input.

        Examples:
          smsim plan examples/plan/large.yaml
          smsim plan --computers 20000 --consoles 60 --down 1
          smsim plan examples/plan/advanced.yaml --promotion 20m --write-scenario advanced.yaml --report
        """)

    /// Every input as `smsim help plan` shows it.
    static var inputHelp: String {
        PlanField.all.map { f in
            "  \(f.key) / \(f.flag)\(f.unit.isEmpty ? "" : " (\(f.unit))"): \(f.meaning); \(f.accepted); default \(f.byDefault)"
        }.joined(separator: "\n")
    }

    static func help(_ key: String) -> ArgumentHelp {
        let f = PlanField.named(key)!
        return ArgumentHelp("\(f.meaning.prefix(1).uppercased() + f.meaning.dropFirst())\(f.unit.isEmpty ? "" : " (\(f.unit))"); default \(f.byDefault).")
    }

    @Argument(help: "A plan file: a YAML mapping of the inputs below (examples/plan/).")
    var file: String?

    @Option(help: help("name")) var name: String?
    @Option(help: help("computers")) var computers: String?
    @Option(help: help("users")) var users: String?
    @Option(help: help("cisPerComputer")) var cisPerComputer: String?
    @Option(help: help("consoles")) var consoles: String?
    @Option(help: help("incidentsPerMonth")) var incidentsPerMonth: String?
    @Option(help: help("changeRequestsPerMonth")) var changeRequestsPerMonth: String?
    @Option(help: help("retention")) var retention: String?
    @Option(help: help("workingHoursPerMonth")) var workingHoursPerMonth: String?
    @Option(help: help("latency")) var latency: String?
    @Option(help: help("down")) var down: String?
    @Option(help: help("promotion")) var promotion: String?
    @Option(help: help("portalUsers")) var portalUsers: String?
    @Option(help: help("portalSurge")) var portalSurge: String?
    @Option(help: help("connectors")) var connectors: String?
    @Option(help: help("serverCores")) var serverCores: String?
    @Option(help: help("sqlCores")) var sqlCores: String?
    @Option(help: help("sqlMemory")) var sqlMemory: String?
    @Option(help: help("storage")) var storage: String?
    @Option(help: help("p95Latency")) var p95Latency: String?

    @Option(help: "Plausible worlds for the probability that the answer holds (0: skip).")
    var points = 32

    @Option(help: "The share of plausible worlds in which every objective must hold: below it, the plan adds SQL memory or a server.")
    var share = 0.9

    @Option(help: ArgumentHelp("Also write the answer's scenario, commented, to this file.", valueName: "file"))
    var writeScenario: String?

    @Flag(help: "Print one JSON object instead of text (progress still goes to stderr unless --quiet).")
    var json = false

    @OptionGroup var options: SimulationOptions
    @OptionGroup var output: OutputOptions<PlanCommand>
    @OptionGroup var report: ReportFlag

    /// The flags given, as (field key, text), in the table's order.
    var flags: [(key: String, text: String)] {
        let given: [(String, String?)] = [
            ("name", name), ("computers", computers), ("users", users), ("cisPerComputer", cisPerComputer),
            ("consoles", consoles), ("incidentsPerMonth", incidentsPerMonth), ("changeRequestsPerMonth", changeRequestsPerMonth),
            ("retention", retention), ("workingHoursPerMonth", workingHoursPerMonth), ("latency", latency), ("down", down),
            ("promotion", promotion), ("portalUsers", portalUsers), ("portalSurge", portalSurge), ("connectors", connectors),
            ("serverCores", serverCores), ("sqlCores", sqlCores), ("sqlMemory", sqlMemory), ("storage", storage),
            ("p95Latency", p95Latency),
        ]
        return given.compactMap { key, text in text.map { (key, $0) } }
    }

    func validate() throws {
        guard points == 0 || (2...4096).contains(points) else {
            throw ValidationError("--points must be 0 (skip) or from 2 to 4096, got \(points)")
        }
        guard share > 0, share <= 1 else { throw ValidationError("--share must be above 0 and at most 1, got \(share)") }
    }

    /// The planner's numbers: the file, then the flags over it.
    func input() throws -> PlanInput {
        var input = PlanInput()
        do {
            if let file {
                let text = try ScenarioFile.read(file)
                input = try PlanInput.read(yaml: text, file: file)
                if !flags.contains(where: { $0.key == "name" }) && input.name == "plan" {
                    input.name = OutputName.safe(((file as NSString).lastPathComponent as NSString).deletingPathExtension)
                }
            }
            try input.apply(flags: flags)
            try input.checkComplete(flagged: file == nil)
        } catch let e as PlanInputError {
            throw CommandFailure(message: e.description, status: 2)
        } catch let e as ScenarioError {
            throw CommandFailure(message: e.description, status: 2)
        }
        return input
    }

    func run() throws {
        var input = try input()
        if let seed = options.seed { input.seed = seed }
        if let replications = options.replications { input.replications = replications }
        var planner = try planning { () throws -> Planner in
            do { return try Planner(input) } catch let e as PlanInputError { throw PlanningError(e.description) }
        }
        planner.share = share
        let base = try planning { try planner.scenario() }
        let dir = output.out ?? "results/\(OutputName.safe(input.name))-plan"
        let lock = try lockOutput(dir)
        defer { lock.release() }
        let console = output.console(json: json)
        if console.printsText {
            print("planning \(input.name): \(input.consoles!) consoles, \(input.computers!) computers; "
                  + "\(base.replications) replications a configuration, seed \(base.seed)")
        }
        let simulator = Simulator(options, precision: nil, console: console)
        let progress = Progress(label: "\(input.name): robust worlds", total: points)
        let quiet = console.quiet
        let stopwatch = Stopwatch()
        let plan: Plan
        do {
            plan = try planning {
                try planner.run(robustWorlds: points, simulate: { s, label in try simulator.simulate(s, label: label) }, robustProgress: { done, _ in if !quiet { progress.update(done) } },
                   log: { line in if console.printsText { print(line) } })
            }
        } catch let e as CommandFailure {
            throw e
        }
        progress.finish()
        input = plan.input
        let seconds = stopwatch.seconds
        let scenarioText = PlanScenario.yaml(input, servers: plan.servers, memory: plan.memory, sqlCores: plan.sqlCores, storage: plan.storage)
        let lines = plan.lines + ["\(plan.evaluations.count) configurations simulated"
            + (plan.robustSteps.isEmpty ? "" : ", \(plan.robustSteps.map(\.worlds).reduce(0, +)) plausible worlds over \(plan.robustSteps.count) configuration(s)") + " in \(NumberFormat.elapsed(seconds)) s"]
        try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: "\(dir)/plan.txt")
        try AtomicFile.write(jsonText(PlanJSON(plan, seconds: seconds)), to: "\(dir)/plan.json")
        try AtomicFile.write(PlanJSON.csv(plan), to: "\(dir)/plan.csv")
        try AtomicFile.write(scenarioText, to: "\(dir)/scenario.yaml")
        if let robust = plan.robust { try AtomicFile.write(robust.csv, to: "\(dir)/robust.csv") }
        if let writeScenario { try AtomicFile.write(scenarioText, to: writeScenario) }
        try write(plan.final.report, scenario: plan.final.scenario, path: "\(dir)/scenario.yaml", content: scenarioText,
                  to: "\(dir)/answer")
        try report.write(dir, scenario: "\(dir)/scenario.yaml", quiet: !console.printsText)
        if json { try printJSON(PlanJSON(plan, seconds: seconds)) }
        guard console.printsText else { return }
        for line in lines { print(line) }
        print("wrote \(dir)/plan.txt, plan.json, plan.csv, scenario.yaml\(plan.robust == nil ? "" : ", robust.csv")"
              + (writeScenario.map { " and \($0)" } ?? ""))
    }
}

extension PlanCommand: OutputRole {
    static let defaultDirectory = DefaultDirectory.fromInputs("default: results/<plan name>-plan/")
    static let quietHelp = "Print nothing but errors (and the JSON object with --json): no progress, no steps."
}
