@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
import XCTest

/// `size --robust`: the screen and the inference from other counts change no share, the
/// answer is the fewest count reaching the share, and the files do not depend on threads.
final class RobustSizeTests: XCTestCase {
    static func scenario() -> Scenario {
        var s = Fixtures.weekday(peak: 60, additional: 2, duration: 1800)
        s.warmup = 300
        s.replications = 2
        // Ten times the fixture's request rate on one-core servers, so the count decides the latency.
        s.consoles.thinkTime = try! .exponential(mean: 3)
        s.managementGroup.additionalServers.cores = 1
        s.slo.p95Latency = 1.0
        return s
    }

    /// Simulates each distinct (world, count) once.
    final class Memo: @unchecked Sendable {
        var runs: [[Double]: RunReport] = [:]
        var simulations = 0
        func simulate(_ s: Scenario, factors: [SensitivityFactor]) -> RunReport {
            let key = factors.map { $0.quantity.get(s) } + [Double(s.additionalServerCount)]
            if let r = runs[key] { return r }
            simulations += 1
            let r = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<s.replications, threads: 2))
            runs[key] = r
            return r
        }
    }

    /// Every world simulated at every count of the range, the share counted by hand: the
    /// screened search gives the same share at each count it tried, and its answer is the
    /// fewest count whose share is enough.
    func testScreenedSearchAgreesWithEveryWorldSimulatedAtEveryCount() throws {
        let s = Self.scenario()
        let factors = SensitivityFactor.assumed(for: s)
        let memo = Memo()
        let worlds = 16, candidates = 2...6, share = 0.75
        let inputs = RobustWorlds.inputs(of: s, factors: factors, count: worlds)
        var holding: [Int: Int] = [:]
        for n in candidates {
            for x in inputs {
                let world = try RobustWorlds.world(s, factors: factors, inputs: x).variant(servers: n)
                let report = memo.simulate(world, factors: factors)
                let verdicts = report.evaluate(s.slo, databaseName: s.managementGroup.database.name)
                if verdicts.allSatisfy({ $0.estimate.mean <= $0.limit }) { holding[n, default: 0] += 1 }
            }
        }
        let needed = Int((share * Double(worlds)).rounded(.up))
        let exact = candidates.first { holding[$0, default: 0] >= needed }
        // A question that tests something: the answer lies inside the range, one below falls short.
        XCTAssertNotNil(exact)
        XCTAssertGreaterThan(exact ?? 0, candidates.lowerBound)
        let simulatedInFull = memo.simulations

        let sized = try RobustSize(scenario: s, candidates: candidates, worlds: worlds, share: share) { memo.simulate($0, factors: factors) }
        XCTAssertEqual(memo.simulations, simulatedInFull, "the search asked for a cell the full run did not have")
        XCTAssertEqual(sized.answer, exact)
        for c in sized.counts {
            XCTAssertEqual(c.interval.successes, holding[c.servers, default: 0], "share at \(c.servers) servers")
            XCTAssertEqual(c.interval.trials, worlds)
        }
        XCTAssertEqual(sized.disagreements, 0)
        XCTAssertTrue(sized.counts.contains { $0.servers == exact! - 1 }, "the count below the answer was tried")
        // The search did not need every cell.
        XCTAssertLessThan(sized.simulated, worlds * candidates.count / 2)
        XCTAssertGreaterThan(sized.inferred + sized.screened, 0)
    }

    func testSameSeedSameFilesWithOneThreadOrTwo() throws {
        let s = Self.scenario()
        func run(threads: Int) throws -> String {
            let sized = try RobustSize(scenario: s, candidates: 3...6, worlds: 8, share: 0.75) { s in
                RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<s.replications, threads: threads))
            }
            return sized.countsCSV + sized.cellsCSV
        }
        let one = try run(threads: 1)
        XCTAssertEqual(one, try run(threads: 2))
        XCTAssertTrue(one.hasPrefix("servers,worlds,holding,share,low,high,simulated,screened,inferred,unrelieved,answer\n"))
    }

    func testBadShareAndPointsAreRefused() {
        let s = Self.scenario()
        XCTAssertThrowsError(try RobustSize(scenario: s, candidates: 1...3, worlds: 8, share: 1.5) { _ in fatalError() })
        XCTAssertThrowsError(try RobustSize(scenario: s, candidates: 1...3, worlds: 1) { _ in fatalError() })
    }
}
