@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Foundation
import Statistics
import Testing

/// One statistical test per published *check* (the fact ledger in Documentation/Sources.md:
/// nothing in the model was set from these): the shipped scenario in `Scenarios/published/`,
/// shortened (40 minutes after a 10-minute warm-up, 5 replications) so the debug suite stays
/// quick, must meet the goal the fact names with 95 % confidence, and the pass mark is that
/// goal. Where no figure was published, the goals are p95 response ≤ 4 s and p95 workflow lag
/// ≤ 60 s (the README's evidence table gives the full-length figures). Anchors are in
/// `PublishedAnchorsTests` ("reproduced by construction").
struct PublishedFactsTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/published")

    static func load(_ name: String, duration: Double = 2400, replications: Int = 5) throws -> Scenario {
        var s = try ScenarioLoader.load(path: directory.appendingPathComponent(name + ".yaml").path)
        s.duration = duration + 600
        s.warmup = 600
        s.replications = replications
        return s
    }

    static func run(_ s: Scenario) -> (report: RunReport, results: [ReplicationResult]) {
        let results = ScenarioRunner.run(s, replications: 0..<s.replications, threads: 2)
        return (RunReport(scenario: s, replications: results), results)
    }

    /// Upper end of the 95 % interval.
    static func upper(_ e: Estimate?) -> Double { e.map { $0.mean + $0.halfWidth } ?? .nan }
    static func lower(_ e: Estimate?) -> Double { e.map { $0.mean - $0.halfWidth } ?? .nan }

    /// [F5] Test 1's load on minimum hardware: good responses, workflows within a minute.
    @Test func test1RespondsWellAndRunsWorkflowsWithinAMinute() throws {
        let (report, _) = Self.run(try Self.load("test-1"))
        #expect(Self.upper(report.estimate(.latencyP95)) < 4000, "p95 \(String(describing: report.estimate(.latencyP95)))")
        #expect(Self.upper(report.estimate(.workflowLagP95)) < 60,
                "workflow lag p95 \(String(describing: report.estimate(.workflowLagP95)))")
        #expect(report.conserved)
    }

    /// [F9] Test 2 fails the response goal with 8 GB of SQL memory and meets it with 32 GB;
    /// the storage, not a CPU, is what saturates.
    @Test func test2NeedsThirtyTwoGigabytesOfSQLMemory() throws {
        // Far from the goal either way: 4 replications of 30 minutes decide it.
        let (small, _) = Self.run(try Self.load("test-2-sql-8gb", duration: 1800, replications: 4))
        let (large, _) = Self.run(try Self.load("test-2-sql-32gb", duration: 1800, replications: 4))
        #expect(Self.lower(small.estimate(.latencyP95)) > 4000, "8 GB p95 \(String(describing: small.estimate(.latencyP95)))")
        #expect(Self.lower(small.estimate(.storageUtilization, station: "SQL")) > 0.9)
        #expect(Self.upper(large.estimate(.latencyP95)) < 4000, "32 GB p95 \(String(describing: large.estimate(.latencyP95)))")
        #expect(Self.upper(large.estimate(.storageUtilization, station: "SQL")) < 0.05)
    }

    /// [F16] Latency over 200 ms is "poor": at 300 ms per round trip responses are more than
    /// 40 % slower than on the LAN (the 150–200 ms band, ledger F15, bounds the round trips: an
    /// anchor, tested in `PublishedAnchorsTests`). Paired replications (same seeds) of Test 1.
    @Test func latencyOverTwoHundredMillisecondsIsPoor() throws {
        let base = Self.run(try Self.load("test-1", replications: 4)).results
        var far = try Self.load("wan-latency-175ms", replications: 4)
        far.consoles.networkLatency = 0.3
        let poor = Self.run(far).results
        func mean(_ r: ReplicationResult) -> Double { r.summary.first { $0.metric == .latencyMean && $0.station == "all" }!.value }
        let poorSlowdown = Estimate(values: zip(base, poor).map { mean($1) / mean($0) - 1 })
        #expect(poorSlowdown.mean - poorSlowdown.halfWidth > 0.40, "300 ms: \(poorSlowdown.mean) ± \(poorSlowdown.halfWidth)")
    }

    /// [F18] A Monday-morning surge of 500 portal users in 10 minutes, on the portal's own
    /// 8-core server beside Test 1's group: portal requests answered with p95 under 4 s and
    /// logons under 5 s (the fact's "4–5 s"), no visit refused. Six times the surge (3 000
    /// users, "thousands at once", which the portal is not designed for) saturates the
    /// portal's server: p95 over 10 s and visits refused.
    @Test func portalSurgeIsAnsweredWithinFourToFiveSeconds() throws {
        var s = try ScenarioLoader.load(path: Self.directory.appendingPathComponent("portal-monday-morning.yaml").path)
        s.replications = 4
        let (report, results) = Self.run(s)
        #expect(Self.upper(report.estimate(.portalLatencyP95)) < 4000,
                "portal p95 \(String(describing: report.estimate(.portalLatencyP95)))")
        #expect(Self.upper(report.estimate(.portalLogonP95)) < 5000,
                "portal logon p95 \(String(describing: report.estimate(.portalLogonP95)))")
        for r in results {
            let visits = try #require(r.conservation.counts.portal)
            #expect(visits.visitsArrived > 420 && visits.visitsRefused == 0, "\(visits)")
        }
        #expect(report.conserved)
        s.portal!.arrivals[1].perHour *= 6
        s.replications = 2
        s.duration = 50 * 60
        let (thousands, _) = Self.run(s)
        #expect(Self.lower(thousands.estimate(.portalLatencyP95)) > 10_000)
        #expect(Self.lower(thousands.estimate(.portalVisitsRefused)) > 0)
    }
}
