@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Foundation
import Statistics
import Testing

/// One statistical test per published Service Manager fact: the shipped scenario in
/// `Scenarios/published/`, shortened (40 minutes after a 10-minute warm-up, 5 replications) so
/// the debug suite stays quick, must reproduce the fact with 95 % confidence. Where no figure was
/// published, the goals are p95 response ≤ 4 s and p95 workflow lag ≤ 60 s (the README's
/// evidence table gives the full-length figures).
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

    /// Fact 1: Test 1's load on minimum hardware: good responses, workflows within a minute.
    @Test func test1RespondsWellAndRunsWorkflowsWithinAMinute() throws {
        let (report, _) = Self.run(try Self.load("test-1"))
        #expect(Self.upper(report.estimate(.latencyP95)) < 4000, "p95 \(String(describing: report.estimate(.latencyP95)))")
        #expect(Self.upper(report.estimate(.workflowLagP95)) < 60,
                "workflow lag p95 \(String(describing: report.estimate(.workflowLagP95)))")
        #expect(report.conserved)
    }

    /// Fact 2: Test 2 fails the response goal with 8 GB of SQL memory and meets it with 32 GB;
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

    /// Fact 3: one 4-core server with 80-100 open consoles, active half the time, carries about
    /// 11 active consoles per core without saturating. The model puts 90 open consoles just
    /// at the 4 s p95 goal (README: agrees at 80, borderline at 90), so the test asserts that:
    /// at 80 the goal holds; at 90 the server is below 0.85 and p95 within 10 % of the goal.
    @Test func oneServerCarriesEightyToNinetyOpenConsoles() throws {
        let ninety = try Self.load("one-server-90-consoles", duration: 2 * 3600)
        let (report, _) = Self.run(ninety)
        #expect(Self.upper(report.estimate(.latencyP95)) < 4400, "p95 \(String(describing: report.estimate(.latencyP95)))")
        #expect(Self.upper(report.estimate(.utilization, station: "MS01")) < 0.85)
        let active = try #require(report.estimate(.activeConsolesMean))
        #expect(active.mean > 40 && active.mean < 50, "active consoles \(active.mean) (10-12 per core is 40-48)")
        var eighty = ninety
        eighty.consoles.peak = 80
        eighty.duration = 3600 + 600
        let (fewer, _) = Self.run(eighty)
        #expect(Self.upper(fewer.estimate(.latencyP95)) < 4000, "80 consoles: p95 \(String(describing: fewer.estimate(.latencyP95)))")
    }

    /// Fact 4: at 175 ms per round trip responses are slower but by no more than about 40 %;
    /// at 300 ms (over 200 ms: "poor") by more. Paired replications (same seeds) of Test 1.
    @Test func wanLatencySlowsResponsesByUpToFortyPercent() throws {
        let base = Self.run(try Self.load("test-1", replications: 4)).results
        let wan = Self.run(try Self.load("wan-latency-175ms", replications: 4)).results
        var far = try Self.load("wan-latency-175ms", replications: 4)
        far.consoles.networkLatency = 0.3
        let poor = Self.run(far).results
        func mean(_ r: ReplicationResult) -> Double { r.summary.first { $0.metric == .latencyMean && $0.station == "all" }!.value }
        let slowdown = Estimate(values: zip(base, wan).map { mean($1) / mean($0) - 1 })
        let poorSlowdown = Estimate(values: zip(base, poor).map { mean($1) / mean($0) - 1 })
        #expect(slowdown.mean - slowdown.halfWidth > 0.15 && slowdown.mean + slowdown.halfWidth < 0.45,
                "175 ms: \(slowdown.mean) ± \(slowdown.halfWidth)")
        #expect(poorSlowdown.mean - poorSlowdown.halfWidth > 0.40, "300 ms: \(poorSlowdown.mean) ± \(poorSlowdown.halfWidth)")
    }

    /// Fact 5: a Monday-morning surge of 500 portal users in 10 minutes, on the portal's own
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
