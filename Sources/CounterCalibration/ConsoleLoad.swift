import GroupSimulation
import ScenarioSpec

/// What one connected console costs a scenario's management server and database, in busy
/// cores: the per-console figure the standard counters measure, worked out from the
/// scenario's split of it (think time, active fraction, request mix, demands).
///
/// A connected console is active for a fraction a = E[active] / (E[active] + E[idle]) of its
/// session (1 without idle periods); while active it sends a request every think time plus
/// response time; while idle it refreshes its view every `idleRefresh.every`; and every
/// session begins with a logon. So, per connected console,
///
///     server cores = a · D̄ₛ / (Z + R₀) + (1 − a) · Dₛ(refresh) / every + Dₛ(logon) / E[session]
///
/// and the same with the database demands. R₀ is the response time without queueing (server
/// and database demands and the network's round trips): at the moderate utilization of a
/// calibration day queueing adds little to Z + R₀, and leaving it out keeps the figure a
/// property of the scenario alone. Workflow jobs (triggered by saves) load the database per
/// console too, and the workflow server rather than the console's own.
struct ConsoleLoad: Equatable {
    /// Busy cores per connected console on its management server.
    var server: Double
    /// Busy cores per connected console in the database (workflow jobs included unless `withJobs` is false).
    var database: Double
    /// Physical reads per second per connected console (the model's logical reads × its miss ratio).
    var reads: Double
    /// Requests a connected console sends per second (its active ones, its refreshes).
    var requests: Double
    /// Workflow jobs a connected console triggers per second.
    var jobs: Double
    /// The active fraction a.
    var activeFraction: Double
    /// Z + R₀, seconds.
    var cycle: Double

    init(_ s: Scenario, withJobs: Bool = true) {
        let c = s.consoles
        let classes = c.requests.filter { $0.weight > 0 && $0.weight.isFinite }
        let total = classes.reduce(0) { $0 + $1.weight }
        func mix(_ value: (RequestClass) -> Double) -> Double {
            total > 0 ? classes.reduce(0) { $0 + $1.weight * value($1) } / total : 0
        }
        func server(_ r: RequestClass) -> Double { r.server.mean + (r.serverAfter?.mean ?? 0) }
        func database(_ r: RequestClass) -> Double { r.database?.mean ?? 0 }
        let miss = 1 - ModelConfig(scenario: s).hitRatio
        let job = s.workflows.job
        cycle = c.thinkTime.mean + mix(server) + mix(database) + c.networkLatency * mix { Double($0.roundTrips) }
        if let active = c.activePeriod, let idle = c.idlePeriod, active.mean + idle.mean > 0 {
            activeFraction = active.mean / (active.mean + idle.mean)
        } else {
            activeFraction = 1
        }
        let rate = cycle > 0 ? activeFraction / cycle : 0
        requests = rate
        jobs = rate * mix(\.workflowsPerRequest)
        self.server = rate * mix(server)
        self.database = rate * mix(database) + (withJobs ? jobs * (job.database?.mean ?? 0) : 0)
        reads = (rate * mix(\.pageReads) + (withJobs ? jobs * job.pageReads : 0)) * miss
        if let refresh = c.idleRefresh, refresh.every > 0, let r = c.requests.first(where: { $0.name == refresh.request }) {
            let perIdleSecond = (1 - activeFraction) / refresh.every
            requests += perIdleSecond
            self.server += perIdleSecond * server(r)
            self.database += perIdleSecond * database(r)
            reads += perIdleSecond * r.pageReads * miss
        }
        if let logon = c.logon, c.start != .fixed, c.sessionLength.mean > 0 {
            let perSecond = 1 / c.sessionLength.mean
            self.server += perSecond * server(logon)
            self.database += perSecond * database(logon)
            reads += perSecond * logon.pageReads * miss
        }
    }

    /// The split a per-console figure was divided by, as the calibrated file and the report say it.
    static func split(_ s: Scenario) -> String {
        let load = ConsoleLoad(s)
        let c = s.consoles
        let total = c.requests.reduce(0) { $0 + $1.weight }
        let mix = c.requests.filter { $0.weight > 0 }
            .map { "\($0.name) \(NumberFormat.message(100 * $0.weight / total)) %" }.joined(separator: ", ")
        var text = "per-console load split as the base scenario does: think time \(DurationSyntax.format(c.thinkTime.mean)), active fraction "
            + NumberFormat.message(load.activeFraction)
        if let active = c.activePeriod, let idle = c.idlePeriod {
            text += " (active \(DurationSyntax.format(active.mean)), idle \(DurationSyntax.format(idle.mean)))"
        }
        text += ", request mix \(mix)"
        if c.logon != nil { text += ", a logon per session of \(DurationSyntax.format(c.sessionLength.mean))" }
        return text + "; the logs cannot separate these, only the demands were scaled"
    }

    /// The factor k by which scaling `fields` of `base` makes `load` of the result equal
    /// `target`; nil when no factor reaches it. `load` grows with k (a heavier request also
    /// lengthens the cycle, so not in proportion: solved by bisection).
    static func factor(base: Scenario, fields: [ScenarioQuantity], target: Double, load: (Scenario) -> Double) -> Double? {
        func scaled(_ k: Double) -> Scenario {
            var s = base
            for q in fields { q.set(&s, q.get(base) * k) }
            return s
        }
        let at1 = load(base)
        guard at1 > 0, target >= 0, !fields.isEmpty else { return nil }
        if target == 0 { return 0 }
        var low = 0.0, high = 1.0
        while load(scaled(high)) < target {
            high *= 2
            if high > 1e9 { return nil }
        }
        for _ in 0..<80 {
            let mid = (low + high) / 2
            if load(scaled(mid)) < target { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
