import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Statistics

@Suite struct PlanningSizeTests {
    /// A report whose p95 latency is `p95Ms` in every replication (± a little noise) and whose
    /// other metrics are all comfortably low.
    static func syntheticReport(_ scenario: Scenario, p95Ms: Double, replications: Int = 4) -> RunReport {
        let results = (0..<replications).map { i in
            ReplicationResult(replication: i, rows: [],
                              summary: [MetricValue(metric: .latencyP95, station: "all", value: p95Ms * (1 + 0.001 * Double(i))),
                                        MetricValue(metric: .serverUtilizationPeak, station: "all", value: 0.1)],
                              incidents: [],
                              conservation: Conservation(counts: Counts(), sessionsActive: 0, requestsInFlight: 0, workflowsPending: 0),
                              events: 0)
        }
        return RunReport(scenario: scenario, replications: results)
    }

    /// With latency falling as 1/n, the search finds the exact threshold from any starting
    /// guess, simulates each count once, never all of them, and ends next to a failing count.
    @Test(arguments: [3, 7, 12, 20, 45])
    func searchFindsTheThresholdWithFewSimulations(answer: Int) throws {
        var scenario = try PlanningFixtures.shipped(consoles: 400)
        scenario.managementGroup.additionalServers.connectionLimit = 60  // hard limits set the floor
        scenario.managementGroup.initialServer.connectionLimit = 60
        var slo = ServiceLevelObjectives()
        slo.p95Latency = 1.0
        let search = try SizeSearch(scenario: scenario, consoles: 400, slo: slo, maxServers: 80)
        let floor = try search.floor()
        #expect(floor == 7)  // 7 × 60 ≥ 400 consoles
        var simulated: [Int] = []
        let result = try search.run(simulate: { variant in
            let n = variant.layout.additionalCount
            simulated.append(n)
            // Exactly 1000 ms at n = answer, above below it.
            return Self.syntheticReport(variant, p95Ms: 990 * Double(answer) / Double(n))
        })
        let expected = max(answer, floor)
        #expect(result.servers == expected)
        #expect(Set(simulated).count == simulated.count, "a count was simulated twice: \(simulated)")
        #expect(simulated.count < 80 - floor)
        if expected > floor {
            let below = try #require(result.below)
            #expect(below.servers == expected - 1 && !below.holds)
        } else {
            #expect(result.below == nil)
        }
        #expect(result.chosen.holds)
        #expect(result.contradictions.isEmpty)
    }

    @Test func databaseBottleneckStopsTheSearch() throws {
        let scenario = try PlanningFixtures.shipped(consoles: 400)
        var slo = ServiceLevelObjectives()
        slo.maxDatabaseUtilization = 0.5
        let search = try SizeSearch(scenario: scenario, consoles: 400, slo: slo)
        var calls = 0
        do {
            _ = try search.run(simulate: { variant in
                calls += 1
                let results = (0..<3).map { i in
                    ReplicationResult(replication: i, rows: [],
                                      summary: [MetricValue(metric: .utilizationPeak, station: "SQL", value: 0.9 + 0.001 * Double(i))],
                                      incidents: [], conservation: Conservation(counts: Counts(), sessionsActive: 0, requestsInFlight: 0,
                                                                                workflowsPending: 0), events: 0)
                }
                return RunReport(scenario: variant, replications: results)
            })
            Issue.record("expected the database to be named as the bottleneck")
        } catch let error as SizeSearch.Unattainable {
            #expect(error.message.contains("the database is the bottleneck"), "\(error.message)")
            // 0.900, 0.901, 0.902: mean 0.901, half-width 0.00248, printed by the one interval rule.
            #expect(error.message.contains("its peak utilization 0.9010 ± 0.0025 is above the limit 0.5"), "\(error.message)")
            #expect(error.evaluations.count == 1)
        }
        #expect(calls == 1)
    }

    @Test func refusesToSizeWithoutObjectives() throws {
        let scenario = try PlanningFixtures.shipped()
        #expect(throws: PlanningError.self) { try SizeSearch(scenario: scenario, consoles: 100, slo: ServiceLevelObjectives()) }
    }

    /// On a small real case, the search agrees with simulating every count.
    @Test func searchAgreesWithAnExhaustiveSweep() throws {
        let scenario = try PlanningFixtures.shipped(consoles: 120, replications: 3, duration: 2400)
        var slo = scenario.slo
        slo.maxUtilization = 0.6
        let database = scenario.managementGroup.database.name
        let search = try SizeSearch(scenario: scenario, consoles: 120, slo: slo)
        let floor = try search.floor()
        let top = floor + 5

        // Every count, simulated once and shared (results depend only on the configuration).
        var reports: [Int: RunReport] = [:]
        func report(_ n: Int) throws -> RunReport {
            if let r = reports[n] { return r }
            let variant = try scenario.variant(consoles: 120, servers: n)
            let r = RunReport(scenario: variant, replications: ScenarioRunner.run(variant, replications: 0..<3, threads: 2))
            reports[n] = r
            return r
        }
        let holds = try (floor...top).map { n in
            try report(n).evaluate(slo, databaseName: database).allSatisfy { $0.verdict == .pass }
        }
        let exhaustive = try #require(holds.firstIndex(of: true)).advanced(by: floor)
        #expect(exhaustive > floor, "the case should not be settled by the floor: \(holds)")
        #expect(holds[(exhaustive - floor)...].allSatisfy { $0 }, "more servers should not hurt: \(holds)")

        var simulated: [Int] = []
        let result = try search.run(simulate: { variant in
            simulated.append(variant.layout.additionalCount)
            return try report(variant.layout.additionalCount)
        })
        #expect(result.servers == exhaustive)
        #expect(result.below?.servers == exhaustive - 1)
        #expect(simulated.count < top - floor + 1, "simulated \(simulated)")
        let ratios = try #require(result.equivalentRatios)
        #expect(ratios.allSatisfy { (120 + $0 - 1) / $0 == result.servers })
    }

    @Test func analyticEstimateFallsWithMoreServers() throws {
        let scenario = try PlanningFixtures.shipped(consoles: 400)
        let u = (7...20).compactMap { AnalyticSizing.utilization(of: scenario, consoles: 400, servers: $0, down: 0) }
        #expect(u.count == 14)
        #expect(zip(u, u.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(u.allSatisfy { $0 > 0 && $0 < 1 })
        let n = AnalyticSizing.estimate(scenario, consoles: 400, down: 1, limit: 0.75, from: 8, through: 40)
        #expect(n > 8 && n < 40)
        let withDown = AnalyticSizing.utilization(of: scenario, consoles: 400, servers: n, down: 1)!
        #expect(withDown <= 0.75)
        #expect(AnalyticSizing.utilization(of: scenario, consoles: 400, servers: n - 1, down: 1)! > 0.75)
    }
}
