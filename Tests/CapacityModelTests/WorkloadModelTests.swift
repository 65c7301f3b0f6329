@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import QueueingTheory
import Statistics
import Stochastics
import Testing

/// The workload features: open versus active consoles, logon cost, round trips, and SQL
/// memory with a storage station.
struct WorkloadModelTests {
    /// The fixture weekday with every workload feature on, and a failure of the workflow
    /// server and of the database, so that every path (idle, refresh, logon after a
    /// reconnection, storage removal and pause) runs under the invariant checks.
    static func everything() -> Scenario {
        var s = Fixtures.weekday(peak: 90, additional: 3, duration: 2 * 3600)
        s.consoles.activePeriod = try! .lognormal(mean: 600, cv: 1)
        s.consoles.idlePeriod = Fixtures.d(600)
        s.consoles.idleRefresh = Consoles.IdleRefresh(every: 120, request: "open-view")
        var logon = RequestClass(name: "logon", weight: 0, server: Fixtures.d(3), database: Fixtures.d(0.5))
        logon.pageReads = 20_000
        logon.roundTrips = 10
        s.consoles.logon = logon
        for i in s.consoles.requests.indices {
            s.consoles.requests[i].pageReads = 2_000
            s.consoles.requests[i].roundTrips = 3
        }
        s.consoles.networkLatency = 0.05
        s.managementGroup.database.memory = 8
        s.managementGroup.database.rows = 6e6
        s.workflows.job.pageReads = 500
        s.failures.scheduled = [
            Failures.Scheduled(target: .server("MS01"), at: 1800, repairAfter: 1200),
            Failures.Scheduled(target: .server("MS03"), at: 2400, repairAfter: 600),
            Failures.Scheduled(target: .database, at: 3000, repairAfter: 90),
        ]
        s.failures.reconnect.delay = Fixtures.d(30)
        s.failures.promotion.after = Fixtures.d(300)
        s.portal = portal(on: "MS03")
        return s
    }

    /// A portal on `server` with a surge at 20 minutes, whose incidents trigger workflows.
    static func portal(on server: String) -> Portal {
        var incident = RequestClass(name: "open-incident", weight: 0.3, server: Fixtures.d(0.4), database: Fixtures.d(0.1),
                                    serverAfter: Fixtures.d(0.1), workflowsPerRequest: 3.5)
        incident.pageReads = 400
        var portal = Portal(server: server,
                            arrivals: [.init(from: 0, perHour: 60), .init(from: 1200, perHour: 1800), .init(from: 1800, perHour: 600)],
                            thinkTime: Fixtures.d(20),
                            requests: [RequestClass(name: "my-requests", weight: 0.7, server: Fixtures.d(0.3), database: Fixtures.d(0.05)),
                                       incident])
        portal.logon = RequestClass(name: "logon", weight: 0, server: Fixtures.d(0.8), database: Fixtures.d(0.1))
        portal.maxUsers = 200
        return portal
    }

    @Test func invariantsAndConservationHoldWithEveryFeature() throws {
        let model = runChecked(Self.everything())
        #expect(model.conservation.holds, "\(model.conservation.summary)")
        let summary = Dictionary(model.recorder.summary.map { ("\($0.metric.csvName)/\($0.station)", $0.value) }) { a, _ in a }
        let active = try #require(summary["active_consoles_mean/all"])
        let connected = try #require(summary["consoles_mean/all"])
        #expect(active < 0.8 * connected && active > 0.2 * connected, "active \(active) of \(connected)")
        #expect(try #require(summary["logons_completed/all"]) > 90)
        #expect(try #require(summary["background_requests/all"]) > 0)
        #expect(try #require(summary["storage_utilization/SQL"]) > 0)
        let hit = try #require(summary["database_hit_ratio/SQL"])
        #expect(abs(hit - (1 - 0.2216)) < 0.001)
        #expect(try #require(summary["time_network_ms/all"]) > 149 && summary["time_network_ms/all"]! < 151)
        // The portal's server (MS03) was down for 10 minutes: visits were cut off and refused.
        let portal = try #require(model.counts.portal)
        #expect(portal.visitsArrived > 300 && portal.visitsInterrupted > 0 && portal.visitsRefused > 0, "\(portal)")
        // The workload metrics are recorded exactly where the catalogue says.
        var seen: [Metric: Set<StationKind>] = [:]
        for row in model.recorder.summary {
            seen[row.metric, default: []].insert(row.station == "all" ? .all : row.station == "SQL" ? .database : .server)
        }
        for metric in Metric.allCases where metric.definition.workload {
            #expect(seen[metric] == metric.definition.scope, "\(metric.csvName)")
        }
    }

    /// A scenario that uses no workload feature draws the same numbers and writes the same
    /// summary metrics as before the features existed (its summary has no workload rows).
    @Test func neutralDefaultsAddNothing() {
        let model = runChecked(Fixtures.weekday(duration: 1800))
        #expect(!model.recorder.summary.contains { $0.metric.definition.workload })
        #expect(!model.recorder.rows.contains { $0.kind == .storage })
    }

    /// A closed population through a 4-core management server, 2 database cores and the
    /// storage (one server of rate devices / read time) against load-dependent exact MVA.
    @Test func closedPopulationThroughServerDatabaseAndStorageAgreesWithMVA() throws {
        var mg = ManagementGroup()
        mg.additionalServers.count = 0
        mg.initialServer.acceptsConsoles = .yes
        mg.initialServer.connectionLimit = 50
        mg.database.cores = 2
        mg.database.memory = 8
        mg.database.rows = 6e6
        var request = RequestClass(name: "r", weight: 1, server: try .gamma(mean: 0.5, cv: 1.5),
                                   database: try .exponential(mean: 0.1))
        request.pageReads = 3_000
        var c = Consoles(peak: 50, sessionLength: try .deterministic(1e9), thinkTime: try .exponential(mean: 10),
                         requests: [request])
        c.start = .fixed
        var w = Workflows(job: Workflows.Job(server: try .exponential(mean: 0.1)))
        w.pollInterval = 1e6
        var s = Scenario(name: "closed-io", duration: 12_000, managementGroup: mg, consoles: c, workflows: w)
        s.warmup = 1_000
        s.window = 1_000
        s.seed = 5
        s.replications = 4
        let config = ModelConfig(scenario: s)
        let storageDemand = 3_000 * (1 - config.hitRatio) * 0.0055 / 8
        let report = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<4, threads: 2))
        let exact = try ClosedNetwork(customers: 50, thinkTime: 10, stations: [
            .init(name: "ms", demand: 0.5, servers: 4), .init(name: "db", demand: 0.1, servers: 2),
            .init(name: "io", demand: storageDemand)]).solve()
        func agrees(_ e: Estimate?, _ value: Double, _ what: String) {
            guard let e else { Issue.record("\(what) missing"); return }
            let tolerance = max(e.halfWidth, 0.02 * abs(value))
            #expect(abs(e.mean - value) <= tolerance, "\(what): simulated \(e.mean) ± \(e.halfWidth), MVA \(value)")
        }
        agrees(report.estimate(.latencyMean), exact.responseTime * 1000, "response time (ms)")
        agrees(report.estimate(.throughput), exact.throughput, "throughput")
        agrees(report.estimate(.storageUtilization, station: "SQL"), exact.utilization[2], "storage utilization")
        agrees(report.estimate(.utilization, station: "SQL"), exact.utilization[1], "database utilization")
        #expect(exact.utilization[2] > 0.3, "the storage carries real load in this test")
        #expect(report.conserved)
    }

    /// Round trips multiply the latency: the network part of every request is exactly
    /// round trips × latency.
    @Test func roundTripsMultiplyTheLatency() throws {
        var s = Fixtures.weekday(duration: 1800)
        s.consoles.networkLatency = 0.1
        s.consoles.requests[0].roundTrips = 4
        s.consoles.requests[1].roundTrips = 4
        s.consoles.requests[2].roundTrips = 4
        s.managementGroup.database.memory = 64   // turns the workload report on; everything hits
        s.managementGroup.database.rows = 1e6
        let model = runChecked(s)
        let network = try #require(model.recorder.summary.first { $0.metric == .timeNetwork })
        #expect(abs(network.value - 400) < 1e-6)
        let io = try #require(model.recorder.summary.first { $0.metric == .timeStorage })
        #expect(io.value == 0)
    }
}
