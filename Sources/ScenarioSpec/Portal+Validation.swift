/// The portal's rules between fields and its server, checked with the rest of the scenario
/// (`Scenario+Validation.swift`); the bounds of single fields come from the schema.
extension Scenario {
    func checkPortal(_ check: inout Checker) {
        guard let portal else {
            check.that(slo.portalP95Latency == nil, "slo.portalP95Latency", "needs a portal block (there is no portal to judge)")
            return
        }
        let fmt = DurationSyntax.format, num = NumberFormat.literal
        check.that(!portal.server.trimmingBlanks().isEmpty, "portal.server", "must not be empty")
        if portal.arrivals.isEmpty {
            check.that(false, "portal.arrivals", "needs at least one step (from 0h)")
        } else {
            check.that(portal.arrivals[0].from == 0, "portal.arrivals[0].from",
                       "the first step must start at 0, got \(fmt(portal.arrivals[0].from))")
        }
        for (i, step) in portal.arrivals.enumerated() {
            let path = "portal.arrivals[\(i)]"
            if i > 0 {
                let previous = portal.arrivals[i - 1].from
                check.that(step.from > previous, path + ".from",
                           "steps must be in strictly increasing order of from, got \(fmt(step.from)) after \(fmt(previous))")
            }
            check.that(step.from < 86_400, path + ".from", "must be within the day (below 24h), got \(fmt(step.from))")
        }
        if portal.requests.isEmpty { check.that(false, "portal.requests", "needs at least one request class") }
        var seen: [String: Int] = [:]
        for (i, request) in portal.requests.enumerated() {
            let path = "portal.requests[\(i)]"
            check.that(!request.name.trimmingBlanks().isEmpty, path + ".name", "must not be empty")
            if let earlier = seen[request.name] {
                check.that(false, path + ".name",
                           "duplicate request name '\(ScenarioError.clip(request.name))' (already used by portal.requests[\(earlier)])")
            } else {
                seen[request.name] = i
            }
        }
        if !portal.requests.isEmpty, portal.requests.allSatisfy({ $0.weight.isFinite && $0.weight >= 0 }) {
            let total = portal.requests.reduce(0) { $0 + $1.weight }
            check.that(total > 0, "portal.requests", "the weights must sum to a positive number, got \(num(total))")
        }
    }

    /// The portal's server must be one of the management servers.
    func checkPortalServer(_ check: inout Checker, servers names: [String]) {
        guard let portal else { return }
        check.that(names.contains(portal.server), "portal.server",
                   "no server named '\(ScenarioError.clip(portal.server))'; the servers are \(names.joined(separator: ", "))")
        if portal.dedicatedServer {
            check.that(layout.servers.contains { $0.acceptsConsoles }, "portal.dedicatedServer",
                       "leaves no server to take consoles: add an additional server or let the initial server take consoles")
        }
    }
}
