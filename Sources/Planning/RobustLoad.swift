import QueueingTheory
import ScenarioSpec

/// The analytic load of a scenario, for the robust screen: for each objective a few numbers
/// that grow with the work behind it and on which the simulated value rises monotonically.
/// They need not predict the simulated value, only order worlds: a world lighter on every
/// index than one where an objective held is taken to hold it too (`RobustScreen`).
///
/// A console request's time is its server demand stretched by sharing the cores (exact MVA
/// of one console server: residence over demand), plus its database, storage (page reads ×
/// read time) and network (round trips × latency) time. The latency objectives read that time
/// for every request class (and the logon): a percentile of the mix rises with each of them.
struct RobustLoad {
    var serverUtilization = 0.0
    /// Per request class, then the logon: the mean time of one request as above.
    var classTimes: [Double] = []
    /// Database CPU per second over its cores.
    var databaseUtilization = 0.0
    /// Workflow jobs' server seconds per second (the initial server's load).
    var workflowServer = 0.0
    /// Jobs per second, then each job kind's server and database demand (default, recurring).
    var jobs: [Double] = []
    /// Indices the screen compares without its band (`RobustScreen.plainTail`), the same
    /// three last for every objective, each larger where heavier: the database's bytes per
    /// row and the inverse of its page popularity (more cache misses), and the workflow
    /// host's concurrency (more jobs at once on the initial server; its inverse for the lag).
    /// Failure and recovery times are in none: the check sample guards them.
    static let plainCount = 3
    var cache: [Double] = [1, 1]
    var concurrency = 1.0
    /// The rules' polls per second and their database seconds per second.
    var polls: [Double] = [0, 0]
    /// Peak consoles per console server in service: the same in every world of one count,
    /// so it decides nothing in `check --robust` and orders counts in `size --robust`.
    var consolesPerServer = 0.0

    init?(_ s: Scenario) {
        let requests = s.consoles.requests.filter { $0.weight > 0 && $0.weight.isFinite }
        let total = requests.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        func mix(_ value: (RequestClass) -> Double) -> Double { requests.reduce(0) { $0 + $1.weight * value($1) } / total }
        let server: (RequestClass) -> Double = { $0.server.mean + ($0.serverAfter?.mean ?? 0) }
        let meanServer = mix(server), meanDatabase = mix { $0.database?.mean ?? 0 }
        let readTime = s.managementGroup.database.memory == nil ? 0 : s.managementGroup.database.storage.effectiveReadTime
        var share = 1.0
        if let active = s.consoles.activePeriod?.mean, let idle = s.consoles.idlePeriod?.mean, active + idle > 0 {
            share = active / (active + idle)
        }
        let pool = s.layout.servers.filter(\.acceptsConsoles).count - s.failures.down
        guard pool >= 1, meanServer > 0 else { return nil }
        consolesPerServer = Double(s.consoles.peak) / Double(pool)
        let perServer = max(1, Int((Double(s.consoles.peak) * share / Double(pool)).rounded(.up)))
        let think = s.consoles.thinkTime.mean + s.consoles.networkLatency * mix { Double($0.roundTrips) } + meanDatabase
        let cores = s.managementGroup.additionalServers.cores
        guard let network = try? ClosedNetwork(customers: perServer, thinkTime: think,
                                               stations: [.init(name: "server", demand: meanServer, servers: cores)]) else { return nil }
        let solution = network.solve()
        serverUtilization = solution.utilization[0]
        let stretch = solution.responseTime / meanServer
        let latency = s.consoles.networkLatency
        classTimes = (requests + (s.consoles.logon.map { [$0] } ?? [])).map { r in
            // A wider spread (cv) lengthens the tail the latency objectives read: each part weighed by 1 + cv.
            stretch * server(r) * (1 + r.server.cv) + (r.database.map { $0.mean * (1 + $0.cv) } ?? 0)
                + r.pageReads * readTime + latency * Double(r.roundTrips)
        }
        let rate = solution.throughput * Double(pool)
        let job = s.workflows.job
        var jobRate = rate * mix(\.workflowsPerRequest)
        workflowServer = jobRate * job.server.mean
        var workflowDatabase = jobRate * (job.database?.mean ?? 0)
        var demands = [job.server.mean, job.database?.mean ?? 0]
        for r in s.workflows.recurring where r.every > 0 {
            let j = r.job ?? job
            jobRate += Double(r.jobs) / r.every
            workflowServer += Double(r.jobs) * j.server.mean / r.every
            workflowDatabase += Double(r.jobs) * (j.database?.mean ?? 0) / r.every
            demands += [j.server.mean, j.database?.mean ?? 0]
        }
        jobs = [jobRate] + demands
        let db = s.managementGroup.database
        let polls = s.workflows.rules.map { Double($0) / s.workflows.pollInterval } ?? 0
        let pollDatabase = polls * (s.workflows.pollQuery?.database.mean ?? 0)
        databaseUtilization = (rate * meanDatabase + workflowDatabase + pollDatabase) / Double(db.cores)
        cache = db.memory == nil ? [1, 1] : [db.bytesPerRow, 1 / max(db.popularity, 1e-9)]
        concurrency = Double(max(1, s.workflows.concurrency))
        self.polls = [polls, pollDatabase]
    }

    /// The indices `objective` is judged on; nil where the screen cannot judge it.
    func indices(for objective: Objective) -> [Double]? {
        switch objective {
        case .p95Latency, .p99Latency: [serverUtilization] + classTimes + cache + [concurrency]
        case .maxUtilization: [serverUtilization, workflowServer] + cache + [concurrency]
        case .maxDatabaseUtilization: [databaseUtilization] + cache + [concurrency]
        case .p95WorkflowLag: jobs + [workflowServer, databaseUtilization] + polls + cache + [1 / concurrency]
        case .maxConsolesPerServer: [consolesPerServer, 1, 1, 1]
        case .maxAbandonedSessions, .portalP95Latency: nil
        }
    }
}
