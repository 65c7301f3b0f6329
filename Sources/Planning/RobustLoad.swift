import QueueingTheory
import ScenarioSpec

/// The analytic load of a scenario, for the robust screen: how heavy each objective's work is,
/// as a few numbers that grow with the load (exact MVA for a console server, open-network
/// rates for the database and the workflow engine). They need not predict the simulated
/// values, only order worlds: a world lighter on every index than one where an objective
/// held is taken to hold it too (`RobustScreen`).
struct RobustLoad {
    /// MVA: utilization of one console server and its residence time scaled by the largest
    /// request class's demand over the mix's mean (the tail's request).
    var serverUtilization = 0.0
    var tailResidence = 0.0
    /// The largest class's database time, storage time (page reads × read time) and network
    /// time (round trips × latency): the parts of a response spent off the server.
    var databaseTime = 0.0
    var storageTime = 0.0
    var networkTime = 0.0
    /// Database CPU per second over its cores.
    var databaseUtilization = 0.0
    /// Workflow jobs' server and database seconds per second, and one job's demand.
    var workflowServer = 0.0
    var workflowDatabase = 0.0
    var jobDemand = 0.0

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
        let perServer = max(1, Int((Double(s.consoles.peak) * share / Double(pool)).rounded(.up)))
        let think = s.consoles.thinkTime.mean + s.consoles.networkLatency * mix { Double($0.roundTrips) } + meanDatabase
        let cores = s.managementGroup.additionalServers.cores
        guard let network = try? ClosedNetwork(customers: perServer, thinkTime: think,
                                               stations: [.init(name: "server", demand: meanServer, servers: cores)]) else { return nil }
        let solution = network.solve()
        serverUtilization = solution.utilization[0]
        tailResidence = solution.responseTime * (requests.map(server).max() ?? 0) / meanServer
        databaseTime = requests.map { $0.database?.mean ?? 0 }.max() ?? 0
        storageTime = (requests.map(\.pageReads).max() ?? 0) * readTime
        networkTime = s.consoles.networkLatency * Double(requests.map(\.roundTrips).max() ?? 1)
        let rate = solution.throughput * Double(pool)
        let jobs = rate * mix(\.workflowsPerRequest)
        let job = s.workflows.job
        workflowServer = jobs * job.server.mean
        workflowDatabase = jobs * (job.database?.mean ?? 0)
        jobDemand = job.server.mean + (job.database?.mean ?? 0)
        for r in s.workflows.recurring where r.every > 0 {
            let j = r.job ?? job
            workflowServer += Double(r.jobs) * j.server.mean / r.every
            workflowDatabase += Double(r.jobs) * (j.database?.mean ?? 0) / r.every
            jobDemand = max(jobDemand, j.server.mean + (j.database?.mean ?? 0))
        }
        databaseUtilization = (rate * meanDatabase + workflowDatabase) / Double(s.managementGroup.database.cores)
    }

    /// The indices `objective` is judged on; nil where the screen cannot judge it.
    func indices(for objective: Objective) -> [Double]? {
        switch objective {
        case .p95Latency, .p99Latency: [serverUtilization, tailResidence, databaseTime, storageTime, networkTime]
        case .maxUtilization: [serverUtilization, workflowServer]
        case .maxDatabaseUtilization: [databaseUtilization]
        case .p95WorkflowLag: [workflowServer, workflowDatabase, jobDemand, databaseUtilization]
        case .maxAbandonedSessions, .portalP95Latency: nil
        }
    }
}
