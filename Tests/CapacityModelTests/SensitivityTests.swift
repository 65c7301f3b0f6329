@testable import CapacityModel
import XCTest

final class SensitivityTests: XCTestCase {
    static func scenario() -> Scenario {
        var s = Fixtures.weekday(peak: 40, additional: 2, duration: 1800)
        s.warmup = 300
        s.replications = 3
        return s
    }

    func run(_ s: Scenario) -> RunReport {
        RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<s.replications, threads: 2))
    }

    func testOneAtATimeRanksTheBigDemandFirstWithPairedIntervals() throws {
        let s = Self.scenario()
        let factors = try ["consoles.requests[open-view].server.mean=±30%", "workflows.pollInterval=±20%"]
            .map { try SensitivityFactor.parse($0, scenario: s) }
        XCTAssertEqual(factors[0].quantity.field, "consoles.requests[0].server.mean")
        XCTAssertEqual(factors[0].low, 0.12 * 0.7, accuracy: 1e-12)
        let a = try OneAtATime(scenario: s, factors: factors, metric: .p95Latency, simulate: run)
        XCTAssertEqual(a.rows.first?.factor.quantity.field, "consoles.requests[0].server.mean")
        let e = a.rows[0].effect
        XCTAssertEqual(e.pairs, 3)
        XCTAssertGreaterThan(e.difference - e.pairedHalfWidth, 0, "more demand, more latency, surely")
        XCTAssertLessThan(a.rows[0].low.difference, 0)
        XCTAssertGreaterThanOrEqual(abs(a.rows[0].effect.difference), abs(a.rows[1].effect.difference))
        // Same inputs, same bytes.
        let again = try OneAtATime(scenario: s, factors: factors, metric: .p95Latency, simulate: run)
        XCTAssertEqual(SensitivityReport.csv(a, scenario: s), SensitivityReport.csv(again, scenario: s))
    }

    func testDefaultsCoverEveryQuantityAndBadSpecsAreRefused() throws {
        let s = Self.scenario()
        let fields = SensitivityFactor.defaults(for: s).map(\.quantity.field)
        for f in ["consoles.peak", "consoles.thinkTime.mean", "consoles.requests[2].weight", "consoles.requests[2].workflowsPerRequest",
                  "workflows.pollInterval", "workflows.job.server.mean", "consoles.requests[1].database.mean"] {
            XCTAssertTrue(fields.contains(f), f)
        }
        XCTAssertEqual(try SensitivityFactor.parse("thinkTime.mean=20s..40s", scenario: s).high, 40)
        for bad in ["nosuch=±20%", "thinkTime.mean", "thinkTime.mean=±120%", "thinkTime.mean=40s..20s", "mean=±10%"] {
            XCTAssertThrowsError(try SensitivityFactor.parse(bad, scenario: s), bad) { XCTAssertTrue($0 is PlanningError) }
        }
    }
}
