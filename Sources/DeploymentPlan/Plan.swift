import ScenarioSpec
import RunOutput
import Planning

/// One configuration the robust step judged over the plausible worlds.
public struct RobustStep: Sendable, Codable, Equatable {
    public var servers: Int
    public var memory: Double
    public var holding: Int
    public var worlds: Int
}

/// What `smsim plan` recommends, with the evidence: each piece of hardware, why one less would
/// not do, the station closest to its limit at the answer, and how likely the objectives hold
/// over the plausible assumptions.
public struct Plan: Sendable {
    public var input: PlanInput
    /// Additional management servers.
    public var servers: Int
    public var sqlCores: Int
    /// GiB of SQL Server memory.
    public var memory: Double
    public var storage: ManagementGroup.Storage.Kind
    /// The answer's own simulation.
    public var final: Evaluation
    public var bottleneck: Bottleneck?
    /// One server fewer fails only the 60-consoles-per-server guidance.
    public var guidanceBinds: Bool
    /// Why not one server fewer.
    public var serversNote: String
    /// Why not less memory.
    public var memoryNote: String
    /// Why more SQL cores than 8, if so.
    public var coresNote: String?
    /// The answer at the point estimate of every input (before the robust step).
    public var pointServers: Int
    public var pointMemory: Double
    /// The share of plausible worlds the answer must hold in.
    public var share: Double
    /// Each configuration the robust step tried, in order.
    public var robustSteps: [RobustStep]
    public var robust: RobustCheck?
    /// Every simulated configuration, in order.
    public var evaluations: [Evaluation]

    var scenario: Scenario { final.scenario }

    /// Whether the initial server takes consoles at the answer (the layout's rule: while there
    /// are fewer than two additional servers).
    public var initialTakesConsoles: Bool { scenario.layout.servers.first { $0.isInitial }?.acceptsConsoles ?? false }

    /// Consoles per console-taking server with every server up, and with `down` down.
    public var consolesPerServer: (allUp: Double, withDown: Double) {
        let pooled = scenario.layout.servers.filter(\.acceptsConsoles).count
        let consoles = Double(input.consoles ?? 0)
        return (consoles / Double(max(1, pooled)), consoles / Double(max(1, pooled - input.down)))
    }

    /// The published SQL memory rule for this many computers (8 GiB at 20 000, 8 more per
    /// 10 000 beyond, S-HWPERF): printed beside the answer as a check, never used to set it.
    public var publishedMemoryRule: Double {
        let computers = Double(input.computers ?? 0)
        return 8 + 8 * max(0, ((computers - 20_000) / 10_000).rounded(.up))
    }

    /// Microsoft's guidance for additional servers: one per 40–50 consoles (S-ADDMS).
    public var guidanceServers: ClosedRange<Int> {
        let c = input.consoles ?? 0
        return (c + 49) / 50...(c + 39) / 40
    }

    /// The answer in a planner's words, a line each; the first is the answer.
    public var lines: [String] {
        let f = NumberFormat.table
        let (allUp, withDown) = consolesPerServer
        var out: [String] = []
        let portalCores = scenario.layout.servers.first { $0.name == scenario.portal?.server }?.cores
        let portal = input.portalUsers > 0 ? ", one of them (MS02, \(portalCores ?? 0) cores, no consoles) for the Self-Service Portal" : ""
        out.append("\(input.name): \(servers) additional management server(s) of \(input.serverCores) cores"
                   + (initialTakesConsoles ? " (the initial server takes consoles too)" : " (the initial server runs the workflows, no consoles)")
                   + "\(portal); SQL Server \(sqlCores) cores, \(NumberFormat.literal(memory)) GiB, \(storage.rawValue) storage")
        out.append("  for \(input.consoles!) consoles, \(input.computers!) computers, \(f(input.workItemsPerHour)) work items an hour"
                   + (input.down > 0 ? ", \(input.down) server(s) down" : "")
                   + (input.promotion.map { ", the initial server lost (promotion after \(DurationSyntax.format($0)))" } ?? ""))
        out.append("  consoles per server: \(f(allUp)) with all up" + (input.down > 0 ? ", \(f(withDown)) with \(input.down) down" : "")
                   + "; Microsoft's guidance (one per 40–50, S-ADDMS): \(guidanceServers.lowerBound == guidanceServers.upperBound ? "\(guidanceServers.lowerBound)" : "\(guidanceServers.lowerBound)–\(guidanceServers.upperBound)") additional")
        let moved = pointServers != servers || pointMemory != memory
        let atPoint = moved ? "(at the inputs' point values) " : ""
        out.append("why not fewer servers: " + atPoint + (serversNote.isEmpty ? "—" : serversNote)
                   + (guidanceBinds ? " (only the guidance of at most 60 consoles per server binds: S-TOPO)" : ""))
        out.append("why not less memory: " + atPoint + (memoryNote.isEmpty ? "—" : memoryNote)
                   + "; the published rule gives \(NumberFormat.literal(publishedMemoryRule)) GiB for \(input.computers!) computers (a check, not an input)")
        if let coresNote { out.append("SQL cores: " + coresNote) }
        out.append("at the answer: " + final.verdicts.map { r in
            let unit = r.objective.limitUnit.unit
            return "\(r.objective.rawValue) \(NumberFormat.estimate(r.estimate.mean, r.estimate.halfWidth))\(unit.isEmpty ? "" : " " + unit) \(r.verdict.rawValue)"
        }.joined(separator: ", "))
        if let b = bottleneck {
            out.append("closest to its limit: \(b.named.kind.rawValue) \(b.named.station) at \(f(b.named.load)) of its limit: " + b.named.reasons.joined(separator: "; "))
        }
        if !robustSteps.isEmpty {
            let tried = robustSteps.map { "\($0.servers) additional and \(NumberFormat.literal($0.memory)) GiB: \($0.holding) of \($0.worlds)" }
            out.append("robust step: " + (moved
                ? "at the inputs' point values \(pointServers) additional and \(NumberFormat.literal(pointMemory)) GiB suffice, but not in \(NumberFormat.literal(share * 100)) % of the plausible worlds; "
                : "") + "worlds holding: " + tried.joined(separator: "; "))
        }
        if let robust {
            out.append("how likely it holds:")
            out += robust.lines.map { "  " + $0 }
        }
        return out
    }
}
