import Stochastics

/// The table of the numbers calibration fits and sensitivity varies: every demand mean (the
/// request classes', the logon's, the workflow jobs'), logical page reads (those of scheduled
/// jobs' objects too), think, active and
/// idle times, the idle refresh interval, saves per hour, workflows per save, the poll
/// interval, network latency, SQL memory, the storage read time, the consoles. A quantity the
/// scenario does not use (no database demand, no storage, page reads of 0) is left out: it
/// has nothing to fit and varying it changes nothing.
extension Scenario {
    /// Every quantity of this scenario that calibration and sensitivity know, in file order.
    public var quantities: [ScenarioQuantity] {
        typealias Q = ScenarioQuantity
        var out: [Q] = [
            Q(field: "consoles.peak", yamlPath: [.key("consoles"), .key("peak")], unit: .count, group: .consoles,
              get: { Double($0.consoles.peak) }, set: { $0.consoles.peak = max(1, Int($1.rounded())) }),
            Self.mean(\.consoles.thinkTime, "consoles.thinkTime", [.key("consoles"), .key("thinkTime")], .thinkTime),
        ]
        if consoles.activePeriod != nil && consoles.idlePeriod != nil {
            out.append(Self.mean(\.consoles.activePeriod, "consoles.activePeriod", [.key("consoles"), .key("activePeriod")], .activePeriod))
            out.append(Self.mean(\.consoles.idlePeriod, "consoles.idlePeriod", [.key("consoles"), .key("idlePeriod")], .idlePeriod))
            if consoles.idleRefresh != nil {
                out.append(Q(field: "consoles.idleRefresh.every", yamlPath: [.key("consoles"), .key("idleRefresh"), .key("every")],
                             unit: .seconds, group: .idleRefresh, get: { $0.consoles.idleRefresh?.every ?? 0 },
                             set: { s, v in if v > 0 { s.consoles.idleRefresh?.every = v } }))
            }
        }
        if consoles.networkLatency > 0 {
            out.append(Q(field: "consoles.networkLatency", yamlPath: [.key("consoles"), .key("networkLatency")], unit: .seconds,
                         group: .networkLatency, get: { $0.consoles.networkLatency }, set: { $0.consoles.networkLatency = max(0, $1) }))
        }
        for (i, request) in consoles.requests.enumerated() {
            let path: [Q.Step] = [.key("consoles"), .key("requests"), .index(i)]
            out += Self.demands(of: request, at: \.consoles.requests[i], field: "consoles.requests[\(i)]", yamlPath: path)
            if request.workflowsPerRequest > 0 {
                // A request that triggers workflows is a save: its weight sets the saves per hour.
                out.append(Q(field: "consoles.requests[\(i)].weight", yamlPath: path + [.key("weight")], unit: .number, group: .saveRate,
                             get: { $0.consoles.requests[i].weight }, set: { $0.consoles.requests[i].weight = max(0, $1) }))
                out.append(Q(field: "consoles.requests[\(i)].workflowsPerRequest", yamlPath: path + [.key("workflowsPerRequest")],
                             unit: .number, group: .workflowsPerSave, get: { $0.consoles.requests[i].workflowsPerRequest },
                             set: { $0.consoles.requests[i].workflowsPerRequest = max(0, $1) }))
            }
        }
        if let logon = consoles.logon {
            out += Self.demands(of: logon, at: \.consoles.logon!, field: "consoles.logon", yamlPath: [.key("consoles"), .key("logon")])
        }
        out.append(Q(field: "workflows.pollInterval", yamlPath: [.key("workflows"), .key("pollInterval")], unit: .seconds,
                     group: .pollInterval, get: { $0.workflows.pollInterval }, set: { $0.workflows.pollInterval = max(0.001, $1) }))
        out += Self.demands(of: workflows.job, at: \.workflows.job, field: "workflows.job", yamlPath: [.key("workflows"), .key("job")])
        for (r, recurring) in workflows.recurring.enumerated() where recurring.job != nil {
            out += Self.demands(of: recurring.job!, at: \.workflows.recurring[r].job!, field: "workflows.recurring[\(r)].job",
                                yamlPath: [.key("workflows"), .key("recurring"), .index(r), .key("job")])
        }
        // Connectors, grooming and data warehouse jobs: the page reads of each object.
        for place in scheduledJobPlaces where self[keyPath: place.key].object.pageReads > 0 {
            let yamlPath = place.keys.map(Q.Step.key) + [.index(place.index), .key("object")]
            out.append(Self.pageReads(place.key.appending(path: \.object.pageReads), place.path + ".object", yamlPath))
        }
        let database: [Q.Step] = [.key("managementGroup"), .key("database")]
        if managementGroup.database.memory != nil {
            out.append(Q(field: "managementGroup.database.memory", yamlPath: database + [.key("memory")], unit: .number,
                         group: .sqlMemory, get: { $0.managementGroup.database.memory ?? 0 },
                         set: { s, v in if v > 0 { s.managementGroup.database.memory = v } }))
            out.append(Q(field: "managementGroup.database.storage.readTime", yamlPath: database + [.key("storage"), .key("readTime")],
                         unit: .seconds, group: .storageReadTime, get: { $0.managementGroup.database.storage.effectiveReadTime },
                         set: { s, v in if v > 0 { s.managementGroup.database.storage.readTime = v } }))
            if let inventory = managementGroup.database.inventory {
                out += Self.inventoryQuantities(inventory, at: database + [.key("inventory")])
            }
        }
        return out
    }

    /// The mean of the distribution at `key` (optional or not), written at `yamlPath.mean`.
    static func mean(_ key: WritableKeyPath<Scenario, Distribution>, _ field: String, _ yamlPath: [ScenarioQuantity.Step],
                     _ group: ScenarioQuantity.Group) -> ScenarioQuantity {
        nonisolated(unsafe) let key = key  // a key path is an immutable value
        return ScenarioQuantity(field: field + ".mean", yamlPath: yamlPath + [.key("mean")], unit: .seconds, group: group,
                         get: { $0[keyPath: key].mean }, set: { s, v in s[keyPath: key] = withMean(s[keyPath: key], v) })
    }

    static func mean(_ key: WritableKeyPath<Scenario, Distribution?>, _ field: String, _ yamlPath: [ScenarioQuantity.Step],
                     _ group: ScenarioQuantity.Group) -> ScenarioQuantity {
        nonisolated(unsafe) let key = key  // a key path is an immutable value
        return ScenarioQuantity(field: field + ".mean", yamlPath: yamlPath + [.key("mean")], unit: .seconds, group: group,
                         get: { $0[keyPath: key]?.mean ?? 0 }, set: { s, v in s[keyPath: key] = s[keyPath: key].map { withMean($0, v) } })
    }

    /// A request class's (or the logon's) demand means and page reads, those it has.
    static func demands(of request: RequestClass, at key: WritableKeyPath<Scenario, RequestClass>, field: String,
                        yamlPath: [ScenarioQuantity.Step]) -> [ScenarioQuantity] {
        var out = [mean(key.appending(path: \.server), field + ".server", yamlPath + [.key("server")], .serverDemand)]
        if request.database != nil {
            out.append(mean(key.appending(path: \.database), field + ".database", yamlPath + [.key("database")], .databaseDemand))
        }
        if request.serverAfter != nil {
            out.append(mean(key.appending(path: \.serverAfter), field + ".serverAfter", yamlPath + [.key("serverAfter")], .serverDemand))
        }
        if request.pageReads > 0 {
            out.append(pageReads(key.appending(path: \.pageReads), field, yamlPath))
        }
        return out
    }

    /// A workflow job's demand means and page reads.
    static func demands(of job: Workflows.Job, at key: WritableKeyPath<Scenario, Workflows.Job>, field: String,
                        yamlPath: [ScenarioQuantity.Step]) -> [ScenarioQuantity] {
        var out = [mean(key.appending(path: \.server), field + ".server", yamlPath + [.key("server")], .workflowServerDemand)]
        if job.database != nil {
            out.append(mean(key.appending(path: \.database), field + ".database", yamlPath + [.key("database")], .workflowDatabaseDemand))
        }
        if job.pageReads > 0 {
            out.append(pageReads(key.appending(path: \.pageReads), field, yamlPath))
        }
        return out
    }

    static func pageReads(_ key: WritableKeyPath<Scenario, Double>, _ field: String,
                          _ yamlPath: [ScenarioQuantity.Step]) -> ScenarioQuantity {
        nonisolated(unsafe) let key = key  // a key path is an immutable value
        return ScenarioQuantity(field: field + ".pageReads", yamlPath: yamlPath + [.key("pageReads")], unit: .number, group: .pageReads,
                         get: { $0[keyPath: key] }, set: { s, v in s[keyPath: key] = max(0, v) })
    }
}
