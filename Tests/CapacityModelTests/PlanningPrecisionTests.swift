import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

@Suite struct PlanningPrecisionTests {
    static func run(_ plan: SequentialReplications, _ scenario: Scenario, threads: Int) -> SequentialReplications.Outcome {
        plan.run(scenario) { range in ScenarioRunner.run(scenario, replications: range, threads: threads) }
    }

    @Test func batchesAndResultsDoNotDependOnThreads() throws {
        let scenario = try PlanningFixtures.shipped(consoles: 80, replications: 3, duration: 2400)
        let metrics = SequentialReplications.watchedMetrics(slo: scenario.slo, databaseName: "SQL")
        #expect(metrics.map(\.metric) == [.latencyP95, .serverUtilizationPeak, .utilizationPeak, .workflowLagP95, .serverConsolesPeak])
        let plan = try SequentialReplications(precision: 0.04, initial: 3, maxReplications: 12, metrics: metrics)
        let one = Self.run(plan, scenario, threads: 1)
        let four = Self.run(plan, scenario, threads: 4)
        #expect(one.batches == four.batches)
        #expect(one.batches.count > 1, "the case should need more than one batch: \(one.batches)")
        #expect(one.results.map(\.replication) == Array(0..<one.results.count))
        #expect(one.results.count <= 12)
        let a = RunReport(scenario: scenario, replications: one.results)
        let b = RunReport(scenario: scenario, replications: four.results)
        #expect(a.summaryCSV() == b.summaryCSV())
        // Each batch at most doubles what there is.
        var n = 0
        for batch in one.batches {
            #expect(n == 0 || batch <= n)
            n += batch
        }
        // The same replications run in one go give the same figures.
        let straight = RunReport(scenario: scenario, replications: ScenarioRunner.run(scenario, replications: 0..<n, threads: 2))
        #expect(straight.summaryCSV() == a.summaryCSV())
    }

    @Test func stopsWhenPreciseAndAtTheCap() throws {
        let scenario = try PlanningFixtures.shipped(consoles: 60, replications: 2, duration: 1800)
        let metrics = SequentialReplications.watchedMetrics(slo: ServiceLevelObjectives(), databaseName: "SQL")
        #expect(metrics.map(\.metric) == [.latencyP95, .serverUtilizationPeak])
        let loose = try SequentialReplications(precision: 10, initial: 2, maxReplications: 50, metrics: metrics)
        let done = Self.run(loose, scenario, threads: 2)
        #expect(done.reached && done.batches == [2])

        let tight = try SequentialReplications(precision: 1e-6, initial: 2, maxReplications: 5, metrics: metrics)
        let capped = Self.run(tight, scenario, threads: 2)
        #expect(!capped.reached)
        #expect(capped.results.count == 5)
        #expect(capped.batches == [2, 2, 1])
        #expect(throws: PlanningError.self) { try SequentialReplications(precision: 0, initial: 2, maxReplications: 5, metrics: metrics) }
    }
}
