@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
import XCTest

/// The MVA screen changes no verdict: 64 worlds simulated in full against the same worlds
/// screened (each world simulated once; the screened run reuses those simulations).
final class RobustScreenTests: XCTestCase {
    static func scenario() -> Scenario {
        var s = Fixtures.weekday(peak: 60, additional: 2, duration: 1800)
        s.warmup = 300
        s.replications = 2
        s.slo.p95Latency = 0.58
        s.slo.maxUtilization = 0.25
        return s
    }

    /// Simulates each distinct world once.
    final class Memo: @unchecked Sendable {
        var runs: [[Double]: RunReport] = [:]
        var simulations = 0
        func simulate(_ s: Scenario, factors: [SensitivityFactor]) -> RunReport {
            let key = factors.map { $0.quantity.get(s) }
            if let r = runs[key] { return r }
            simulations += 1
            let r = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<s.replications, threads: 2))
            runs[key] = r
            return r
        }
    }

    func testScreenedVerdictsAreThoseOfFullSimulation() throws {
        let s = Self.scenario()
        let factors = SensitivityFactor.assumed(for: s)
        let memo = Memo()
        let full = try RobustCheck(scenario: s, worlds: 64, screen: false) { memo.simulate($0, factors: factors) }
        XCTAssertEqual(full.analysis.simulated, 64)
        let simulatedInFull = memo.simulations
        let screened = try RobustCheck(scenario: s, worlds: 64, screen: true) { memo.simulate($0, factors: factors) }
        XCTAssertEqual(memo.simulations, simulatedInFull, "the screened run asked for a world the full run did not have")
        XCTAssertEqual(screened.analysis.worlds.map(\.inputs), full.analysis.worlds.map(\.inputs))
        XCTAssertEqual(screened.analysis.worlds.map(\.holds), full.analysis.worlds.map(\.holds))
        XCTAssertEqual(screened.analysis.disagreements, 0)
        // The question is balanced enough to test the screen: some worlds hold, some fail,
        // and the screen decided some without simulating.
        XCTAssertGreaterThan(full.analysis.holding, 5)
        XCTAssertLessThan(full.analysis.holding, 59)
        // (Fewer since the workflow concurrency and the demands' cv are varied too: the screen
        // compares concurrency without its band, and the cv weighs each class's time.)
        XCTAssertGreaterThan(screened.analysis.screened - screened.analysis.checked, 1)
    }

    func testSameSeedSameWorldsAndCSV() throws {
        let s = Self.scenario()
        func run(threads: Int) throws -> String {
            try RobustCheck(scenario: s, worlds: 12, screen: true) { s in
                RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<s.replications, threads: threads))
            }.csv
        }
        let one = try run(threads: 1)
        XCTAssertEqual(one, try run(threads: 2))
        XCTAssertEqual(one.split(separator: "\n").count, 13)
        XCTAssertTrue(one.hasPrefix("world,consoles.thinkTime.mean,"))
    }
}
