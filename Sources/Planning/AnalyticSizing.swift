import QueueingTheory
import ScenarioSpec

/// A first guess at the server count from queueing theory, for `smsim size` to start from.
///
/// Each management server is treated as a closed network (exact MVA): its consoles,
/// ceil(consoles / servers taking consoles), think (think time + network round trip +
/// database time, the database taken as a pure delay) and then use one `cores`-server
/// station whose demand is the request mix's mean CPU demand (before and after the
/// database). Workflows and the profile's peaks are left out, so the guess is optimistic;
/// the search corrects it by simulation.
public enum AnalyticSizing {
    /// Mean CPU demand per request on a management server, weighted by the request mix.
    public static func meanServerDemand(_ scenario: Scenario) -> Double {
        mixMean(scenario) { $0.server.mean + ($0.serverAfter?.mean ?? 0) }
    }

    /// Mean database demand per request, weighted by the request mix.
    public static func meanDatabaseDemand(_ scenario: Scenario) -> Double {
        mixMean(scenario) { $0.database?.mean ?? 0 }
    }

    private static func mixMean(_ scenario: Scenario, _ value: (RequestClass) -> Double) -> Double {
        let requests = scenario.consoles.requests.filter { $0.weight > 0 && $0.weight.isFinite }
        let total = requests.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 0 }
        return requests.reduce(0) { $0 + $1.weight * value($1) } / total
    }

    /// The CPU utilization MVA predicts for one server taking consoles, with `servers`
    /// additional servers of which `down` are down; nil when that layout takes no consoles.
    public static func utilization(of scenario: Scenario, consoles: Int, servers: Int, down: Int) -> Double? {
        guard let variant = try? scenario.variant(consoles: consoles, servers: servers, down: down) else { return nil }
        let active = variant.layout.servers.filter(\.acceptsConsoles).count - down
        guard active >= 1 else { return nil }
        let perServer = (consoles + active - 1) / active
        let demand = meanServerDemand(scenario)
        guard demand > 0 else { return 0 }
        let think = scenario.consoles.thinkTime.mean + scenario.consoles.networkLatency + meanDatabaseDemand(scenario)
        let cores = variant.managementGroup.additionalServers.cores
        guard let network = try? ClosedNetwork(customers: perServer, thinkTime: think,
                                               stations: [.init(name: "server", demand: demand, servers: cores)]) else { return nil }
        return network.solve().utilization[0]
    }

    /// The fewest additional servers, from `from` up to `through`, whose predicted
    /// utilization is at most `limit`; `through` if none is.
    public static func estimate(_ scenario: Scenario, consoles: Int, down: Int, limit: Double, from: Int, through: Int) -> Int {
        guard from < through else { return from }
        for n in from...through {
            if let u = utilization(of: scenario, consoles: consoles, servers: n, down: down), u <= limit { return n }
        }
        return through
    }
}
