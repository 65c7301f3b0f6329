import Stochastics

/// One number of a scenario that calibration fits or sensitivity analysis varies, with how
/// to read it, change it and find it in the YAML file.
///
/// `Scenario.quantities` is the table: a new model field (an idle time, SQL memory) becomes
/// calibratable and part of the default sensitivity factors by adding a row there.
public struct ScenarioQuantity: Sendable {
    /// A step in the YAML tree: a mapping key or a sequence index.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// How the value is written in YAML.
    public enum Unit: Sendable, Equatable {
        /// A duration (`850ms`, `12s`).
        case seconds
        /// A plain number (`0.022`, `3.5`).
        case number
        /// A whole number (`400`).
        case count
    }

    /// The field path as errors and reports name it: `consoles.requests[2].server.mean`.
    public var field: String
    /// The path in the YAML tree; a distribution's mean is the last step `mean` (the editor
    /// also accepts `value` for a deterministic one).
    public var yamlPath: [Step]
    public var unit: Unit
    /// What this is among the sensitivity defaults and the calibration groups.
    public var group: Group
    public var get: @Sendable (Scenario) -> Double
    /// Sets the value (a distribution keeps its family and cv; its mean becomes the value).
    public var set: @Sendable (inout Scenario, Double) -> Void

    public enum Group: String, Sendable {
        case serverDemand = "server demand"
        case databaseDemand = "database demand"
        case workflowServerDemand = "workflow job server demand"
        case workflowDatabaseDemand = "workflow job database demand"
        case thinkTime = "think time"
        case saveRate = "saves per hour"
        case workflowsPerSave = "workflows per save"
        case pollInterval = "poll interval"
        case consoles = "consoles"
    }
}

extension Scenario {
    /// Every quantity of this scenario that calibration and sensitivity know, in file order.
    public var quantities: [ScenarioQuantity] {
        typealias Q = ScenarioQuantity
        let d = Self.withMean
        var out: [Q] = [
            Q(field: "consoles.peak", yamlPath: [.key("consoles"), .key("peak")], unit: .count, group: .consoles,
              get: { Double($0.consoles.peak) }, set: { $0.consoles.peak = max(1, Int($1.rounded())) }),
            Q(field: "consoles.thinkTime.mean", yamlPath: [.key("consoles"), .key("thinkTime"), .key("mean")], unit: .seconds,
              group: .thinkTime, get: { $0.consoles.thinkTime.mean }, set: { $0.consoles.thinkTime = d($0.consoles.thinkTime, $1) }),
        ]
        for (i, request) in consoles.requests.enumerated() {
            let base: [Q.Step] = [.key("consoles"), .key("requests"), .index(i)]
            let name = "consoles.requests[\(i)]"
            out.append(Q(field: "\(name).server.mean", yamlPath: base + [.key("server"), .key("mean")], unit: .seconds,
                         group: .serverDemand, get: { $0.consoles.requests[i].server.mean },
                         set: { $0.consoles.requests[i].server = d($0.consoles.requests[i].server, $1) }))
            if request.database != nil {
                out.append(Q(field: "\(name).database.mean", yamlPath: base + [.key("database"), .key("mean")], unit: .seconds,
                             group: .databaseDemand, get: { $0.consoles.requests[i].database?.mean ?? 0 },
                             set: { s, v in s.consoles.requests[i].database = s.consoles.requests[i].database.map { d($0, v) } }))
            }
            if request.serverAfter != nil {
                out.append(Q(field: "\(name).serverAfter.mean", yamlPath: base + [.key("serverAfter"), .key("mean")], unit: .seconds,
                             group: .serverDemand, get: { $0.consoles.requests[i].serverAfter?.mean ?? 0 },
                             set: { s, v in s.consoles.requests[i].serverAfter = s.consoles.requests[i].serverAfter.map { d($0, v) } }))
            }
            if request.workflowsPerRequest > 0 {
                // A request that triggers workflows is a save: its weight sets the saves per hour.
                out.append(Q(field: "\(name).weight", yamlPath: base + [.key("weight")], unit: .number, group: .saveRate,
                             get: { $0.consoles.requests[i].weight }, set: { $0.consoles.requests[i].weight = max(0, $1) }))
                out.append(Q(field: "\(name).workflowsPerRequest", yamlPath: base + [.key("workflowsPerRequest")], unit: .number,
                             group: .workflowsPerSave, get: { $0.consoles.requests[i].workflowsPerRequest },
                             set: { $0.consoles.requests[i].workflowsPerRequest = max(0, $1) }))
            }
        }
        out.append(Q(field: "workflows.pollInterval", yamlPath: [.key("workflows"), .key("pollInterval")], unit: .seconds,
                     group: .pollInterval, get: { $0.workflows.pollInterval }, set: { $0.workflows.pollInterval = max(0.001, $1) }))
        out.append(Q(field: "workflows.job.server.mean", yamlPath: [.key("workflows"), .key("job"), .key("server"), .key("mean")],
                     unit: .seconds, group: .workflowServerDemand, get: { $0.workflows.job.server.mean },
                     set: { $0.workflows.job.server = d($0.workflows.job.server, $1) }))
        if workflows.job.database != nil {
            out.append(Q(field: "workflows.job.database.mean", yamlPath: [.key("workflows"), .key("job"), .key("database"), .key("mean")],
                         unit: .seconds, group: .workflowDatabaseDemand, get: { $0.workflows.job.database?.mean ?? 0 },
                         set: { s, v in s.workflows.job.database = s.workflows.job.database.map { d($0, v) } }))
        }
        for (r, recurring) in workflows.recurring.enumerated() {
            guard let job = recurring.job else { continue }
            let base: [Q.Step] = [.key("workflows"), .key("recurring"), .index(r), .key("job")]
            out.append(Q(field: "workflows.recurring[\(r)].job.server.mean", yamlPath: base + [.key("server"), .key("mean")],
                         unit: .seconds, group: .workflowServerDemand, get: { $0.workflows.recurring[r].job?.server.mean ?? 0 },
                         set: { s, v in
                             guard var job = s.workflows.recurring[r].job else { return }
                             job.server = d(job.server, v)
                             s.workflows.recurring[r].job = job
                         }))
            if job.database != nil {
                out.append(Q(field: "workflows.recurring[\(r)].job.database.mean", yamlPath: base + [.key("database"), .key("mean")],
                             unit: .seconds, group: .workflowDatabaseDemand,
                             get: { $0.workflows.recurring[r].job?.database?.mean ?? 0 },
                             set: { s, v in
                                 guard var job = s.workflows.recurring[r].job else { return }
                                 job.database = job.database.map { d($0, v) }
                                 s.workflows.recurring[r].job = job
                             }))
            }
        }
        return out
    }

    /// `dist` scaled to mean `value` (unchanged if its mean is 0).
    @Sendable static func withMean(_ dist: Distribution, _ value: Double) -> Distribution {
        dist.mean > 0 && value > 0 ? dist.scaled(by: value / dist.mean) : dist
    }

    /// The quantity at `field`, if this scenario has it.
    public func quantity(_ field: String) -> ScenarioQuantity? {
        quantities.first { $0.field == field }
    }
}
