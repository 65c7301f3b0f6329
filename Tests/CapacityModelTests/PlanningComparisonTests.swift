import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Statistics

@Suite struct PlanningComparisonTests {
    /// The point of common random numbers: on the shipped 40 and 50 consoles-per-server
    /// scenarios (shortened), the paired interval of the difference is narrower than the
    /// unpaired one for the headline metrics.
    @Test func pairingNarrowsTheIntervalOnTheShippedScenarios() throws {
        let a = try PlanningFixtures.shipped("weekday-40.yaml", consoles: 200, replications: 5)
        let b = try PlanningFixtures.shipped("weekday-50.yaml", consoles: 200, replications: 5)
        #expect(a.seed == b.seed)
        #expect(a.layout.additionalCount == 5 && b.layout.additionalCount == 4)
        let configurations = [a, b].map { s in
            PairedComparison.Configuration(ratio: s.layout.ratio!, scenario: s,
                                           report: RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<5, threads: 2)))
        }
        let comparison = try PairedComparison(configurations: configurations,
                                              metrics: PlanningMetric.sloRelevant(databaseName: "SQL"))
        let pair = try #require(comparison.pairs.first)
        for (metric, station) in [(Metric.latencyP95, "all"), (.latencyMean, "all"), (.serverUtilizationPeak, "all"),
                                  (.utilization, "SQL")] {
            let d = try #require(pair.difference(metric, station: station))
            #expect(d.pairs == 5)
            #expect(d.pairedHalfWidth.isFinite && d.unpairedHalfWidth.isFinite)
            #expect(d.pairedHalfWidth < d.unpairedHalfWidth, "\(metric): paired ± \(d.pairedHalfWidth), unpaired ± \(d.unpairedHalfWidth)")
        }
        // Fewer servers: higher latency and utilization.
        #expect(pair.difference(.latencyP95)!.difference > 0)
        #expect(pair.difference(.serverUtilizationPeak)!.difference > 0)

        let csv = comparison.csv()
        let lines = csv.split(separator: "\n")
        #expect(lines.first == Substring(PairedComparison.csvHeader))
        #expect(lines.count == 1 + PlanningMetric.sloRelevant(databaseName: "SQL").count)
        #expect(lines[1].hasPrefix("weekday-40,40,50,5,4,5,latency_p95_ms,all,"))
    }

    @Test func pairedDifferenceArithmetic() {
        let metric = PlanningMetric(.latencyMean)
        // b = a + 1 + small noise: the paired interval is tiny, the unpaired one is not.
        let a = [10.0, 20, 30, 40, 50]
        let b = [11.0, 21.1, 30.9, 41, 51]
        let d = PairedDifference(metric: metric, a: a, b: b)
        #expect(abs(d.difference - 1.0) < 1e-12)
        #expect(abs(d.meanA - 30) < 1e-12 && abs(d.meanB - 31) < 1e-12)
        #expect(d.pairedHalfWidth == Estimate(values: zip(a, b).map { $1 - $0 }).halfWidth)
        #expect(d.pairedHalfWidth < 0.2)
        #expect(d.unpairedHalfWidth > 15)
        // Welch with equal variances and sizes: df = 2n − 2 = 8, t = 2.306.
        let welch = PairedDifference.welchHalfWidth([1, 2, 3, 4, 5], [2, 3, 4, 5, 6])
        let se = (2.5 / 5 + 2.5 / 5).squareRoot()
        #expect(abs(welch - 2.306004 * se) < 1e-5)
        // Replications without a value on either side are left out of the pairs.
        let gaps = PairedDifference(metric: metric, a: [1, .nan, 3], b: [2, 5, 4])
        #expect(gaps.pairs == 2 && gaps.difference == 1)
    }

    @Test func comparisonRefusesBadRatiosAndUnpairedRuns() throws {
        let s = try PlanningFixtures.shipped()
        #expect(throws: PlanningError.self) { try PairedComparison.variants(of: s, ratios: [40]) }
        #expect(throws: PlanningError.self) { try PairedComparison.variants(of: s, ratios: [40, 40]) }
        var limited = s
        limited.managementGroup.additionalServers.connectionLimit = 60
        #expect(throws: PlanningError.self) { try PairedComparison.variants(of: limited, ratios: [40, 70]) }
        let variants = try PairedComparison.variants(of: s, ratios: [40, 50], consoles: 120)
        #expect(variants.map(\.scenario.consoles.peak) == [120, 120])
        #expect(variants.map(\.scenario.seed) == [s.seed, s.seed])

        var other = variants[1].scenario
        other.seed += 1
        let one = RunReport(scenario: variants[0].scenario, replications: ScenarioRunner.run(variants[0].scenario, replications: 0..<2, threads: 2))
        let two = RunReport(scenario: other, replications: ScenarioRunner.run(other, replications: 0..<2, threads: 2))
        #expect(throws: PlanningError.self) {
            try PairedComparison(configurations: [.init(ratio: 40, scenario: variants[0].scenario, report: one),
                                                  .init(ratio: 50, scenario: other, report: two)], metrics: [])
        }
    }
}
