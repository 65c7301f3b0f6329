/// One broken rule: the path of the offending field and what is wrong with it.
struct ScenarioProblem: Sendable, Equatable {
    var field: String
    var message: String
}

extension Scenario {
    /// Checks the ranges of every field and the rules between fields (warmup below duration,
    /// failure targets that exist, …). `ScenarioLoader` runs the same checks and reports them
    /// at their place in the file; a scenario built in code reports file `(scenario)`, line 0.
    public func validate() throws(ScenarioError) {
        if let problem = problems().first {
            throw ScenarioError(file: "(scenario)", line: 0, column: 0, field: problem.field, message: problem.message)
        }
    }

    /// Every broken rule: the schema's bounds in the order of the fields in a scenario file,
    /// then the rules between fields. The rules that need the server layout are checked only
    /// when those pass (the layout cannot be worked out from, say, a negative server count).
    func problems() -> [ScenarioProblem] {
        var check = Checker()
        // The bounds of single fields, declared with the fields in the schema.
        ScenarioSchema.scenario.check(self, "", &check)
        checkRanges(&check)
        if check.problems.isEmpty { checkLayout(&check) }
        return check.problems
    }

    /// Most additional management servers a scenario may describe.
    public static let maxAdditionalServers = 10_000

    private func checkRanges(_ check: inout Checker) {
        check.that(!name.trimmingBlanks().isEmpty, "name", "must not be empty")
        // A horizon beyond a century is a typo or an attack (1e308), not a plan; even --allow-long stops here.
        check.that(!(duration > 100 * 365.25 * 86_400), "duration", "must be at most 100 years (3.16e9 s), got \(fmt(duration))")
        check.nonNegativeDuration(warmup, "warmup")
        if duration > 0, warmup >= 0 {
            check.that(warmup < duration, "warmup",
                       "must be less than duration (\(fmt(duration))), got \(fmt(warmup))")
        }
        check.positiveDuration(window, "window")
        if duration > 0, window > 0 {
            check.that(window <= duration, "window",
                       "must not exceed duration (\(fmt(duration))), got \(fmt(window))")
        }

        let mg = managementGroup
        check.that(!mg.initialServer.name.trimmingBlanks().isEmpty, "managementGroup.initialServer.name", "must not be empty")
        // The layout is built to check the rules below; a million servers is an attack, not a
        // plan (a management group has a handful), so even --allow-large stops here.
        if let count = mg.additionalServers.count, count > Self.maxAdditionalServers {
            check.that(false, "managementGroup.additionalServers.count", "must be at most \(Self.maxAdditionalServers), got \(count)")
        } else if mg.additionalServers.count == nil, let ratio = mg.additionalServers.consolesPerServer, ratio > 0,
                  Double(consoles.peak) / Double(ratio) > Double(Self.maxAdditionalServers) {
            check.that(false, "managementGroup.additionalServers.consolesPerServer",
                       "gives more than \(Self.maxAdditionalServers) additional servers for \(consoles.peak) consoles; raise it")
        }
        let extra = mg.additionalServers
        if let ratio = extra.consolesPerServer {
            check.that(ratio >= 1, "managementGroup.additionalServers.consolesPerServer", "must be at least 1, got \(ratio)")
        }
        if let ratio = extra.consolesPerServer, extra.count == nil, ratio >= 1, let limit = extra.connectionLimit, limit >= 1 {
            check.that(ratio <= limit, "managementGroup.additionalServers.consolesPerServer",
                       "a ratio above connectionLimit (\(limit)) would plan more consoles per server than one accepts, got \(ratio)")
        }
        check.that(!mg.database.name.trimmingBlanks().isEmpty, "managementGroup.database.name", "must not be empty")
        let db = mg.database
        check.that(db.rows.isFinite && db.rows >= 0, "managementGroup.database.rows", "must be zero or positive, got \(num(db.rows))")
        if let inventory = db.inventory {
            check.that(db.rows == 0, "managementGroup.database.rows", "give rows (a count) or inventory (what the database holds), not both")
            check.that(db.memory == nil || inventory.footprint.rows > 0, "managementGroup.database.inventory",
                       "holds no rows: give computers, users or work items when memory is given")
        } else {
            check.that(db.memory == nil || db.rows > 0, "managementGroup.database.rows",
                       "must be positive when memory is given (the buffer pool is compared with the database's size)")
        }

        checkProfile(&check)
        checkRequests(&check)
        check.that((consoles.activePeriod == nil) == (consoles.idlePeriod == nil),
                   consoles.activePeriod == nil ? "consoles.idlePeriod" : "consoles.activePeriod",
                   "activePeriod and idlePeriod go together: give both or neither")
        if let refresh = consoles.idleRefresh {
            check.that(consoles.requests.contains { $0.name == refresh.request }, "consoles.idleRefresh.request",
                       "'\(refresh.request)' is not one of the request classes (\(consoles.requests.map(\.name).joined(separator: ", ")))")
            check.that(consoles.activePeriod != nil, "consoles.idleRefresh", "needs activePeriod and idlePeriod (only idle consoles refresh)")
        }
        for (i, item) in workflows.recurring.enumerated() {
            let path = "workflows.recurring[\(i)]"
            check.that(!item.name.trimmingBlanks().isEmpty, path + ".name", "must not be empty")
        }
        for (i, burst) in workflows.bursts.enumerated() {
            let path = "workflows.bursts[\(i)]"
            check.that(!burst.name.trimmingBlanks().isEmpty, path + ".name", "must not be empty")
            check.withinRun(burst.at, duration: duration, path + ".at")
        }
        checkScheduledJobs(&check)

        for (i, failure) in failures.scheduled.enumerated() {
            let path = "failures.scheduled[\(i)]"
            if case .server(let name) = failure.target {
                check.that(!name.trimmingBlanks().isEmpty, path + ".server", "must not be empty")
            }
            check.withinRun(failure.at, duration: duration, path + ".at")
            if let repair = failure.repairAfter { check.positiveDuration(repair, path + ".repairAfter") }
        }
        if case .server(let name) = failures.promotion.choose {
            check.that(!name.trimmingBlanks().isEmpty, "failures.promotion.choose", "must not be empty")
        }
        checkPortal(&check)
    }

    /// Connectors, grooming and data warehouse jobs, each at its own place in the file.
    private func checkScheduledJobs(_ check: inout Checker) {
        var seen: [String: String] = [:]
        for place in scheduledJobPlaces {
            let path = place.path, job = self[keyPath: place.key]
            check.that(!job.name.trimmingBlanks().isEmpty, path + ".name", "must not be empty")
            if let earlier = seen[job.name] {
                check.that(false, path + ".name", "duplicate job name '\(job.name)' (already used by \(earlier))")
            } else {
                seen[job.name] = path
            }
            if path.hasPrefix("workflows.connectors") {
                check.that(job.kind != .grooming && job.kind != .warehouse, path + ".kind",
                           "'\(job.kind.rawValue)' is not a connector; grooming goes under workflows.grooming, data warehouse jobs under dataWarehouse.jobs")
            }
            check.that(job.object.server != nil || job.object.database != nil, path + ".object",
                       "needs a cost: server, database or both")
            if let initial = job.initialSync {
                check.withinRun(initial.at, duration: duration, path + ".initialSync.at")
            }
        }
    }

    private func checkProfile(_ check: inout Checker) {
        let profile = consoles.profile
        guard let first = profile.first else {
            check.that(false, "consoles.profile", "needs at least one step (from 0h)")
            return
        }
        check.that(first.from == 0, "consoles.profile[0].from", "the first step must start at 0, got \(fmt(first.from))")
        for (i, step) in profile.enumerated() {
            let path = "consoles.profile[\(i)]"
            if i > 0 {
                let previous = profile[i - 1].from
                check.that(step.from > previous, path + ".from",
                           "steps must be in strictly increasing order of from, got \(fmt(step.from)) after \(fmt(previous))")
            }
            check.that(step.from < 86_400, path + ".from", "must be within the day (below 24h), got \(fmt(step.from))")
        }
        if profile.allSatisfy({ $0.rate.isFinite && $0.rate >= 0 }) {
            check.that(profile.contains { $0.rate > 0 }, "consoles.profile", "at least one step needs a rate above 0")
        }
    }

    private func checkRequests(_ check: inout Checker) {
        let requests = consoles.requests
        guard !requests.isEmpty else {
            check.that(false, "consoles.requests", "needs at least one request class")
            return
        }
        var seen: [String: Int] = [:]
        for (i, request) in requests.enumerated() {
            let path = "consoles.requests[\(i)]"
            check.that(!request.name.trimmingBlanks().isEmpty, path + ".name", "must not be empty")
            if let earlier = seen[request.name] {
                check.that(false, path + ".name", "duplicate request name '\(ScenarioError.clip(request.name))' (already used by consoles.requests[\(earlier)])")
            } else {
                seen[request.name] = i
            }
        }
        if consoles.loadBalancing == .static {
            check.that(consoles.shares.contains { $0.share > 0 }, "consoles.shares",
                       "loadBalancing: static needs shares: the servers the analysts picked, at least one share above 0")
        } else if !consoles.shares.isEmpty {
            check.that(false, "consoles.shares",
                       "shares apply only without a load balancer; set loadBalancing: static or remove them")
        }
        // The sum is checked only when every weight is valid, so a negative weight is reported
        // at its own line rather than as a zero sum.
        if requests.allSatisfy({ $0.weight.isFinite && $0.weight >= 0 }) {
            let total = requests.reduce(0) { $0 + $1.weight }
            check.that(total > 0, "consoles.requests", "the weights must sum to a positive number, got \(num(total))")
        }
    }

    private func checkLayout(_ check: inout Checker) {
        let layout = self.layout
        let names = layout.servers.map(\.name)
        let initial = managementGroup.initialServer.name
        let additional = names.dropFirst()
        check.that(!additional.contains(initial), "managementGroup.initialServer.name",
                   "'\(initial)' is also the name of an additional server (namePrefix \(managementGroup.additionalServers.namePrefix)); pick another name or prefix")
        check.that(!names.contains(managementGroup.database.name), "managementGroup.database.name",
                   "'\(managementGroup.database.name)' is already the name of a management server")
        check.that(layout.servers.contains { $0.acceptsConsoles }, "managementGroup.initialServer.acceptsConsoles",
                   "no server would accept consoles: the initial server is out of the pool and there are no additional servers")

        for (i, share) in consoles.shares.enumerated() {
            if let server = layout.servers.first(where: { $0.name == share.server }) {
                check.that(server.acceptsConsoles, "consoles.shares[\(i)].server",
                           "'\(share.server)' does not accept consoles (initialServer.acceptsConsoles); give it yes, or pick another server")
            } else {
                check.that(false, "consoles.shares[\(i)].server", "no server named '\(share.server)'; the servers are \(list(names))")
            }
        }
        for (i, failure) in failures.scheduled.enumerated() {
            if case .server(let name) = failure.target {
                check.that(names.contains(name), "failures.scheduled[\(i)].server",
                           "no server named '\(ScenarioError.clip(name))'; the servers are \(list(names))")
            }
        }
        if case .server(let name) = failures.promotion.choose {
            if name == initial {
                check.that(false, "failures.promotion.choose",
                           "'\(ScenarioError.clip(name))' is the initial server, which already runs the workflows; choose an additional server or least-loaded")
            } else {
                check.that(names.contains(name), "failures.promotion.choose",
                           "no server named '\(ScenarioError.clip(name))'; the additional servers are \(additional.isEmpty ? "none" : list(Array(additional)))")
            }
        }
        checkPortalServer(&check, servers: names)
        if failures.down > 0 {
            check.that(failures.down < layout.additionalCount, "failures.down",
                       "must be less than the number of additional servers (\(layout.additionalCount)), got \(failures.down)")
        }
    }
}

private func fmt(_ seconds: Double) -> String { DurationSyntax.format(seconds) }
private func num(_ value: Double) -> String { NumberFormat.literal(value) }

/// Names for a message, shortened when there are many: `MS01, MS02, …, MS41 (41 servers)`.
private func list(_ names: [String]) -> String {
    if names.count <= 8 { return names.joined(separator: ", ") }
    return names.prefix(4).joined(separator: ", ") + ", …, " + names.suffix(2).joined(separator: ", ")
        + " (\(names.count) servers)"
}
