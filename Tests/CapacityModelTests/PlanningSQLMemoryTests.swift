import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning

/// `SQLMemorySearch`: the least listed SQL memory that meets the objectives, found with few
/// simulations, each size at most once, ending next to a size that fails.
@Suite struct PlanningSQLMemoryTests {
    static func scenario() throws -> Scenario {
        try PlanningFixtures.shipped("published/sql-memory-50k.yaml", consoles: 80)
    }

    static func slo() -> ServiceLevelObjectives {
        var slo = ServiceLevelObjectives()
        slo.p95Latency = 1.0
        return slo
    }

    /// With latency falling as memory grows, every threshold among the candidates is found.
    @Test(arguments: [8.0, 16, 24, 32, 48, 64])
    func searchFindsTheThreshold(answer: Double) throws {
        let candidates: [Double] = [64, 8, 16, 24, 32, 48, 16]  // any order, repeats dropped
        let search = try SQLMemorySearch(scenario: try Self.scenario(), candidates: candidates, slo: Self.slo())
        #expect(search.candidates == [8, 16, 24, 32, 48, 64])
        var simulated: [Double] = []
        let result = try search.run(simulate: { variant in
            let memory = variant.managementGroup.database.memory!
            simulated.append(memory)
            return PlanningSizeTests.syntheticReport(variant, p95Ms: 990 * answer / memory)
        })
        #expect(result.memory == answer)
        #expect(simulated.first == 64, "the largest size first")
        #expect(Set(simulated).count == simulated.count, "a size was simulated twice: \(simulated)")
        #expect(simulated.count <= 4)
        #expect(result.chosen.holds && result.chosen.scenario.managementGroup.database.memory == answer)
        if answer > 8 {
            let below = try #require(result.below)
            #expect(!below.holds && below.memory == search.candidates[search.candidates.firstIndex(of: answer)! - 1])
        } else {
            #expect(result.below == nil)
        }
        // The hit ratio each size gets is the model's, and grows with memory.
        let sorted = result.evaluations.sorted { $0.memory < $1.memory }
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.hitRatio <= $1.hitRatio })
        let csv = SQLMemorySearch.csv(result.evaluations, scenario: search.scenario)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("scenario,database_gib,hot_gib,memory_gib,replications,holds,hit_ratio,latency_p95_ms") == true)
        #expect(lines.count == result.evaluations.count + 1)
    }

    @Test func noSizeHoldsOrTheQuestionIsWrong() throws {
        let scenario = try Self.scenario()
        let search = try SQLMemorySearch(scenario: scenario, candidates: [8, 16], slo: Self.slo())
        var simulated: [Double] = []
        #expect(throws: SQLMemorySearch.Unattainable.self) {
            try search.run(simulate: { variant in
                simulated.append(variant.managementGroup.database.memory!)
                return PlanningSizeTests.syntheticReport(variant, p95Ms: 5000)
            })
        }
        #expect(simulated == [16], "nothing smaller is tried once the largest fails")
        #expect(throws: PlanningError.self) { try SQLMemorySearch(scenario: scenario, candidates: [], slo: Self.slo()) }
        #expect(throws: PlanningError.self) { try SQLMemorySearch(scenario: scenario, candidates: [2, 8], slo: Self.slo()) }
        #expect(throws: PlanningError.self) { try SQLMemorySearch(scenario: scenario, candidates: [8], slo: ServiceLevelObjectives()) }
        var sizeless = scenario
        sizeless.managementGroup.database.inventory = nil
        #expect(throws: PlanningError.self) { try SQLMemorySearch(scenario: sizeless, candidates: [8], slo: Self.slo()) }
    }
}
