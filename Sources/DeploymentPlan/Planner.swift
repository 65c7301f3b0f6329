import ScenarioSpec
import RunOutput
import Planning

/// `smsim plan`: the hardware a planner's numbers need, found by simulation.
///
/// 1. Additional management servers: `SizeSearch` on the plan's scenario with `down` servers
///    failed, SQL memory at the ladder's top so that memory does not decide the count. When
///    the database's CPU is what no server count fixes, its cores are doubled (8, 16, 32, 64)
///    unless the planner gave them.
/// 2. SQL memory: the smallest ladder value (`PlanScenario.memoryLadder`) at which every
///    objective still holds at that count (`SQLMemorySearch`: more memory never hurts), unless
///    the planner gave the memory on hand.
/// 3. The answer's probability: `RobustCheck` over the plausible ranges of the assumed inputs.
///
/// Every simulation uses the scenario's seed and replications (common random numbers), so the
/// steps compare like with like, and `smsim size`/`check` on the written scenario repeat them.
public struct Planner {
    public let input: PlanInput

    public init(_ input: PlanInput) throws(PlanInputError) {
        try input.checkComplete(flagged: false)
        self.input = input
    }

    /// The plan's scenario with the given hardware, as `size` and `check` would read it.
    public func scenario(servers: Int? = nil, memory: Double? = nil, sqlCores: Int? = nil) throws -> Scenario {
        do {
            return try PlanScenario.scenario(input, servers: servers, memory: memory, sqlCores: sqlCores)
        } catch {
            // A generated scenario that does not load is this program's fault, not the planner's.
            throw PlanningError("internal error: the generated scenario does not load: \(error)")
        }
    }

    /// Runs the plan. `simulate` runs one scenario's replications (label for progress);
    /// `log` hears a line per step; `robustWorlds` 0 skips the robust step.
    public func run(robustWorlds: Int, simulate: @escaping (Scenario, String) throws -> RunReport,
                    robustProgress: @escaping (Int, Int) -> Void = { _, _ in },
                    log: (String) -> Void = { _ in }) throws -> Plan {
        let consoles = input.consoles!
        var sqlCores = input.sqlCores ?? 8
        var evaluations: [Evaluation] = []
        func record(_ e: Evaluation) -> Evaluation {
            evaluations.append(e)
            log(e.line)
            return e
        }

        // 1. Servers.
        let sizingMemory = input.sqlMemory ?? PlanScenario.generousMemory
        var sized: SizeSearch.Result
        var coreNote: String?
        while true {
            let base = try scenario(memory: sizingMemory, sqlCores: sqlCores)
            let search = try SizeSearch(scenario: base, consoles: consoles, down: input.down, slo: base.slo)
            do {
                sized = try search.run(simulate: { s in
                    try simulate(s, "servers: \(s.additionalServerCount) additional, \(NumberFormat.literal(sizingMemory)) GiB")
                }, log: { e in _ = record(e) })
                break
            } catch let none as SizeSearch.Unattainable {
                let databaseBinds = none.message.hasPrefix("the database is the bottleneck")
                guard databaseBinds, input.sqlCores == nil, sqlCores < 64 else {
                    throw PlanningError(none.message + (databaseBinds && input.sqlCores != nil
                        ? "; the plan keeps the --sql-cores \(sqlCores) given" : ""))
                }
                coreNote = "the database's CPU bound with \(sqlCores) cores at every server count; doubled"
                log("  \(coreNote!)")
                sqlCores *= 2
            }
        }
        let servers = sized.servers
        let downNote = sized.below.map { below in
            "at \(below.servers): " + below.verdicts.filter { $0.verdict != .pass }.map(Self.missed).joined(separator: ", ")
        } ?? (servers == sized.floor ? "\(servers) is the floor: " + (servers == 0 ? "no additional server is needed"
              : input.portalUsers > 0 && servers == max(1, input.down + 1) ? "the portal needs a secondary server" + (input.down > 0 ? " and \(input.down) may be down" : "")
              : "\(input.down) may be down and one must remain") : "")

        // 2. SQL memory.
        var memory = sizingMemory
        var memoryNote = input.sqlMemory == nil ? "" : "the memory on hand (--sql-memory)"
        var finalEvaluation = evaluations.last { $0.scenario.additionalServerCount == servers && $0.step == "servers" }!
        if input.sqlMemory == nil {
            let base = try scenario(servers: servers, memory: sizingMemory, sqlCores: sqlCores).variant(down: input.down)
            let search = try SQLMemorySearch(scenario: base, candidates: PlanScenario.memoryLadder, slo: base.slo)
            let found = try search.run(simulate: { s in
                try simulate(s, "SQL memory: \(NumberFormat.literal(s.managementGroup.database.memory ?? 0)) GiB")
            }, log: { e in _ = record(e) })
            memory = found.memory
            finalEvaluation = evaluations.last { $0.step == "memory" && $0.memory == memory }!
            if let below = found.below {
                memoryNote = "at \(NumberFormat.literal(below.memory)) GiB: " + below.verdicts.filter { $0.verdict != .pass }.map(Self.missed).joined(separator: ", ")
            } else {
                memoryNote = "the smallest candidate, \(NumberFormat.literal(memory)) GiB, meets every objective"
            }
        }
        // 3. How likely it holds; while below the share, one more step of memory or one more
        //    server, whichever reaches the share (memory first: it is the cheaper), else the
        //    one that holds in more worlds.
        var robust: RobustCheck?
        var robustSteps: [RobustStep] = []
        var robustServers = servers, robustMemory = memory
        if robustWorlds >= 2 {
            func check(_ n: Int, _ m: Double) throws -> RobustCheck {
                log("  robust: \(robustWorlds) plausible worlds at \(n) additional, \(NumberFormat.literal(m)) GiB")
                let s = try scenario(servers: n, memory: m, sqlCores: sqlCores).variant(down: input.down)
                let r = try RobustCheck(scenario: s, worlds: robustWorlds, screen: true,
                                        simulate: { s in try simulate(s, "robust world") }, progress: robustProgress)
                robustSteps.append(RobustStep(servers: n, memory: m, holding: r.analysis.holding, worlds: r.analysis.worlds.count))
                log("    P = \(NumberFormat.table(r.analysis.interval.proportion)) (\(r.analysis.holding) of \(r.analysis.worlds.count) worlds)")
                return r
            }
            var current = try check(servers, memory)
            var rounds = 0
            while current.analysis.interval.proportion < share && rounds < maxRobustRounds {
                rounds += 1
                let nextMemory = input.sqlMemory == nil ? PlanScenario.memoryLadder.first { $0 > robustMemory } : nil
                var options: [(Int, Double, RobustCheck)] = []
                if let m = nextMemory {
                    let r = try check(robustServers, m)
                    options.append((robustServers, m, r))
                }
                if options.first.map({ $0.2.analysis.interval.proportion < share }) ?? true {
                    let r = try check(robustServers + 1, robustMemory)
                    options.append((robustServers + 1, robustMemory, r))
                }
                let reaching = options.first { $0.2.analysis.interval.proportion >= share }
                let best = reaching ?? options.max { $0.2.analysis.interval.proportion < $1.2.analysis.interval.proportion }!
                (robustServers, robustMemory, current) = best
            }
            robust = current
        }
        if robustServers != servers || robustMemory != memory {
            let s = try scenario(servers: robustServers, memory: robustMemory, sqlCores: sqlCores).variant(down: input.down)
            finalEvaluation = record(Evaluation(step: "robust", scenario: s, report: try simulate(s, "the robust answer"), slo: s.slo))
        }
        return Plan(input: input, servers: robustServers, sqlCores: sqlCores, memory: robustMemory, storage: input.storage ?? .hdd15k,
                    final: finalEvaluation, bottleneck: Bottleneck(finalEvaluation.report, scenario: finalEvaluation.scenario),
                    guidanceBinds: sized.guidanceBinds, serversNote: downNote, memoryNote: memoryNote, coresNote: coreNote,
                    pointServers: servers, pointMemory: memory, share: share, robustSteps: robustSteps,
                    robust: robust, evaluations: evaluations)
    }

    /// Rounds of one more memory step or server while the share is not reached.
    public var maxRobustRounds = 6
    /// The share of plausible worlds in which every objective must hold.
    public var share = 0.9

    /// "p95Latency FAIL (4.6 s)".
    static func missed(_ r: SLOResult) -> String {
        let unit = r.objective.limitUnit.unit
        let u = unit.isEmpty ? "" : " " + unit
        return "\(r.objective.rawValue) \(r.verdict.rawValue) (\(NumberFormat.table(r.estimate.mean))\(u) against \(NumberFormat.literal(r.limit))\(u))"
    }
}

extension Evaluation {
    /// "servers 3, 128 GiB, 8 SQL cores: p95 1.9 s, peak MS 0.71, SQL 0.42: holds".
    public var line: String {
        func m(_ metric: Metric, _ station: String = "all", scale: Double = 1) -> String {
            report.estimate(metric, station: station).map { NumberFormat.table($0.mean * scale) } ?? "n/a"
        }
        let seconds = Objective.p95Latency.limitUnit.scale
        let db = scenario.managementGroup.database
        let missed = verdicts.filter { $0.verdict != .pass }.map { "\($0.objective.rawValue) \($0.verdict.rawValue)" }
        return "  \(step): \(servers) additional, \(NumberFormat.literal(memory)) GiB, \(db.cores) SQL cores: p95 \(m(.latencyP95, scale: seconds)) s, "
            + "peak MS \(m(.serverUtilizationPeak)), SQL \(m(.utilizationPeak, db.name)): " + (holds ? "holds" : missed.joined(separator: ", "))
    }
}
