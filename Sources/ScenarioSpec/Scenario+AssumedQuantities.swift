import Stochastics

/// Assumed inputs outside the quantity table that robust answers also vary: the weights of
/// requests that are not saves, the cv of skewed demands, round trips, the failure and
/// recovery times, workflow concurrency, the database's page popularity and bytes per row,
/// the number of workflow rules and their poll query, the objects each connector sync changes
/// and the portal's arrivals outside its surge. Calibration does not fit them and
/// sensitivity does not vary them by default, so they live in this second table rather than
/// in `quantities`; their ranges are in `Scenario+AssumptionRanges.swift` like the rest.
extension Scenario {
    /// `quantities` and then these: every input a robust answer draws in its range.
    public var assumedQuantities: [ScenarioQuantity] { quantities + extraAssumedQuantities }

    var extraAssumedQuantities: [ScenarioQuantity] {
        typealias Q = ScenarioQuantity
        var out: [Q] = []
        for (i, request) in consoles.requests.enumerated() {
            let path: [Q.Step] = [.key("consoles"), .key("requests"), .index(i)]
            let field = "consoles.requests[\(i)]"
            if request.workflowsPerRequest == 0, request.weight > 0 {
                out.append(Q(field: field + ".weight", yamlPath: path + [.key("weight")], unit: .number, group: .requestMix,
                             get: { $0.consoles.requests[i].weight }, set: { $0.consoles.requests[i].weight = max(0, $1) }))
            }
            out += Self.cvs(of: request, at: \.consoles.requests[i], field: field, yamlPath: path)
            out.append(Self.roundTrips(\.consoles.requests[i].roundTrips, field, path))
        }
        if let logon = consoles.logon {
            let path: [Q.Step] = [.key("consoles"), .key("logon")]
            out += Self.cvs(of: logon, at: \.consoles.logon!, field: "consoles.logon", yamlPath: path)
            out.append(Self.roundTrips(\.consoles.logon!.roundTrips, "consoles.logon", path))
        }
        if failures.down > 0 || !failures.scheduled.isEmpty || failures.random != nil {
            let path: [Q.Step] = [.key("failures")]
            out.append(Self.mean(\.failures.reconnect.delay, "failures.reconnect.delay", path + [.key("reconnect"), .key("delay")], .failureTimes))
            out.append(Self.mean(\.failures.promotion.after, "failures.promotion.after", path + [.key("promotion"), .key("after")], .failureTimes))
            if failures.random != nil {
                out.append(Self.mean(\.failures.random!.timeToFailure, "failures.random.timeToFailure",
                                     path + [.key("random"), .key("timeToFailure")], .failureTimes))
                out.append(Self.mean(\.failures.random!.timeToRepair, "failures.random.timeToRepair",
                                     path + [.key("random"), .key("timeToRepair")], .failureTimes))
            }
        }
        let workflowsPath: [Q.Step] = [.key("workflows")]
        out.append(Q(field: "workflows.concurrency", yamlPath: workflowsPath + [.key("concurrency")], unit: .count, group: .workflowConcurrency,
                     get: { Double($0.workflows.concurrency) }, set: { $0.workflows.concurrency = max(1, Int($1.rounded())) }))
        if workflows.rules != nil {
            out.append(Q(field: "workflows.rules", yamlPath: workflowsPath + [.key("rules")], unit: .count, group: .workflowRules,
                         get: { Double($0.workflows.rules ?? 0) }, set: { s, v in if s.workflows.rules != nil { s.workflows.rules = max(1, Int(v.rounded())) } }))
        }
        if workflows.pollQuery != nil {
            out.append(Self.mean(\.workflows.pollQuery!.database, "workflows.pollQuery.database",
                                 workflowsPath + [.key("pollQuery"), .key("database")], .pollQuery))
            if workflows.pollQuery!.pageReads > 0 {
                out.append(Self.pageReads(\.workflows.pollQuery!.pageReads, "workflows.pollQuery", workflowsPath + [.key("pollQuery")]))
            }
        }
        if managementGroup.database.memory != nil {
            let path: [Q.Step] = [.key("managementGroup"), .key("database")]
            out.append(Q(field: "managementGroup.database.popularity", yamlPath: path + [.key("popularity")], unit: .number, group: .popularity,
                         get: { $0.managementGroup.database.popularity }, set: { s, v in if v > 0 { s.managementGroup.database.popularity = v } }))
            out.append(Q(field: "managementGroup.database.bytesPerRow", yamlPath: path + [.key("bytesPerRow")], unit: .number, group: .bytesPerRow,
                         get: { $0.managementGroup.database.bytesPerRow }, set: { s, v in if v > 0 { s.managementGroup.database.bytesPerRow = v } }))
        }
        for place in scheduledJobPlaces where place.keys == ["workflows", "connectors"] && self[keyPath: place.key].objects > 0 {
            nonisolated(unsafe) let key = place.key  // a key path is an immutable value
            out.append(Q(field: place.path + ".objects", yamlPath: place.keys.map(Q.Step.key) + [.index(place.index), .key("objects")],
                         unit: .count, group: .connectorChanges, get: { Double($0[keyPath: key].objects) },
                         set: { s, v in s[keyPath: key].objects = max(0, Int(v.rounded())) }))
        }
        if let portal, let surge = portal.arrivals.map(\.perHour).max() {
            for (j, step) in portal.arrivals.enumerated() where step.perHour > 0 && step.perHour < surge {
                out.append(Q(field: "portal.arrivals[\(j)].perHour", yamlPath: [.key("portal"), .key("arrivals"), .index(j), .key("perHour")],
                             unit: .number, group: .portalTrickle, get: { $0.portal?.arrivals[j].perHour ?? 0 },
                             set: { s, v in if s.portal != nil { s.portal!.arrivals[j].perHour = max(0, v) } }))
            }
        }
        return out
    }

    /// The cv of a request's skewed demands (gamma, lognormal; an exponential's is fixed at 1).
    static func cvs(of request: RequestClass, at key: WritableKeyPath<Scenario, RequestClass>, field: String,
                    yamlPath: [ScenarioQuantity.Step]) -> [ScenarioQuantity] {
        var out: [ScenarioQuantity] = []
        if request.server.hasFreeCV { out.append(cv(key.appending(path: \.server), field + ".server", yamlPath + [.key("server")])) }
        if let d = request.database, d.hasFreeCV {
            nonisolated(unsafe) let k = key.appending(path: \.database)
            out.append(ScenarioQuantity(field: field + ".database.cv", yamlPath: yamlPath + [.key("database"), .key("cv")], unit: .number,
                                        group: .demandVariability, get: { $0[keyPath: k]?.cv ?? 0 },
                                        set: { s, v in if v > 0 { s[keyPath: k] = s[keyPath: k]?.withCV(v) } }))
        }
        return out
    }

    static func cv(_ key: WritableKeyPath<Scenario, Distribution>, _ field: String, _ yamlPath: [ScenarioQuantity.Step]) -> ScenarioQuantity {
        nonisolated(unsafe) let key = key  // a key path is an immutable value
        return ScenarioQuantity(field: field + ".cv", yamlPath: yamlPath + [.key("cv")], unit: .number, group: .demandVariability,
                                get: { $0[keyPath: key].cv }, set: { s, v in if v > 0 { s[keyPath: key] = s[keyPath: key].withCV(v) } })
    }

    static func roundTrips(_ key: WritableKeyPath<Scenario, Int>, _ field: String, _ yamlPath: [ScenarioQuantity.Step]) -> ScenarioQuantity {
        nonisolated(unsafe) let key = key  // a key path is an immutable value
        return ScenarioQuantity(field: field + ".roundTrips", yamlPath: yamlPath + [.key("roundTrips")], unit: .count, group: .roundTrips,
                                get: { Double($0[keyPath: key]) }, set: { s, v in s[keyPath: key] = max(1, Int(v.rounded())) })
    }
}
