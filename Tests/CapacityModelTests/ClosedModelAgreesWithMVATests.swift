@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import QueueingTheory
import Statistics
import Stochastics
import Testing

/// The management group model itself, reduced to a closed network (fixed consoles, one
/// server, the database), must agree with exact MVA.
struct ClosedModelAgreesWithMVATests {
    func closedScenario(consoles: Int, cores: Int, discipline: Discipline, server: Distribution, database: Distribution) -> Scenario {
        var mg = ManagementGroup()
        mg.additionalServers.count = 0
        mg.initialServer.acceptsConsoles = .yes
        mg.initialServer.cores = cores
        mg.initialServer.connectionLimit = consoles
        mg.initialServer.discipline = discipline
        mg.database.cores = 1
        mg.database.discipline = discipline
        var c = Consoles(peak: consoles, sessionLength: try! .deterministic(1e9), thinkTime: try! .exponential(mean: 10),
                         requests: [RequestClass(name: "r", weight: 1, server: server, database: database)])
        c.start = .fixed
        var w = Workflows(job: Workflows.Job(server: try! .exponential(mean: 0.1)))
        w.pollInterval = 1e6
        var s = Scenario(name: "closed", duration: 20_000, managementGroup: mg, consoles: c, workflows: w)
        s.warmup = 2_000
        s.window = 2_000
        s.replications = 6
        s.seed = 11
        return s
    }

    func check(_ scenario: Scenario, against network: ClosedNetwork) {
        let report = RunReport(scenario: scenario, replications: ScenarioRunner.run(scenario, replications: 0..<6, threads: 2))
        let exact = network.solve()
        let latency = report.estimate(.latencyMean)!
        let throughput = report.estimate(.throughput)!
        let serverUtilization = report.estimate(.utilization, station: "MS01")!
        let databaseUtilization = report.estimate(.utilization, station: "SQL")!
        func agrees(_ e: Estimate, _ value: Double, _ what: String) {
            let tolerance = max(e.halfWidth, 0.02 * abs(value))
            #expect(abs(e.mean - value) <= tolerance, "\(what): simulated \(e.mean) ± \(e.halfWidth), MVA \(value)")
        }
        agrees(latency, exact.responseTime * 1000, "response time (ms)")
        agrees(throughput, exact.throughput, "throughput")
        agrees(serverUtilization, exact.utilization[0], "server utilization")
        agrees(databaseUtilization, exact.utilization[1], "database utilization")
        #expect(report.conserved)
    }

    @Test func singleCoreFCFSWithExponentialDemands() throws {
        let s = closedScenario(consoles: 40, cores: 1, discipline: .fcfs, server: try .exponential(mean: 0.15),
                               database: try .exponential(mean: 0.1))
        check(s, against: try ClosedNetwork(customers: 40, thinkTime: 10, stations: [
            .init(name: "ms", demand: 0.15), .init(name: "db", demand: 0.1)]))
    }

    /// Processor sharing is insensitive to the demand distribution: gamma demands on a
    /// 4-core PS server match load-dependent MVA too.
    @Test func fourCoreProcessorSharingWithGammaDemands() throws {
        let s = closedScenario(consoles: 60, cores: 4, discipline: .processorSharing, server: try .gamma(mean: 0.6, cv: 1.5),
                               database: try .gamma(mean: 0.12, cv: 0.5))
        check(s, against: try ClosedNetwork(customers: 60, thinkTime: 10, stations: [
            .init(name: "ms", demand: 0.6, servers: 4), .init(name: "db", demand: 0.12)]))
    }
}
