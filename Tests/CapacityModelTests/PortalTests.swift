@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Foundation
import Statistics
import Testing

/// The Self-Service Portal: visits by its profile, their load on the named server only, their
/// latencies apart from the consoles', refusals, and the schema's errors.
struct PortalTests {
    /// A few consoles pinned to MS01; a portal on MS02 (4 cores) at a constant 720 visits an
    /// hour, 2 requests a visit, exponential demands of 1 s CPU and 0.1 s database.
    static func group(duration: Double = 3600) -> Scenario {
        var s = Fixtures.weekday(peak: 5, additional: 1, duration: duration)
        s.consoles.loadBalancing = .static
        s.consoles.shares = [ServerShare(server: "MS01", share: 1)]
        s.portal = Portal(server: "MS02", arrivals: [.init(from: 0, perHour: 720)], thinkTime: Fixtures.d(10),
                          requests: [RequestClass(name: "my-requests", weight: 1, server: Fixtures.d(1), database: Fixtures.d(0.1))])
        s.portal!.requestsPerVisit = 2
        return s
    }

    static func value(_ r: ReplicationResult, _ metric: Metric, _ station: String = "all") -> Double {
        r.summary.first { $0.metric == metric && $0.station == station }?.value ?? .nan
    }

    /// MS02's utilization is the portal's offered load, λ × E[requests] × E[demand] / cores =
    /// 0.2 × 2 × 1 / 4 = 0.1 (inside the replications' 95 % interval, widened by 0.005), and no
    /// console request reaches it; the portal's requests pay their demands plus little queueing.
    @Test func thePortalLoadsItsOwnServerByItsOfferedLoad() {
        let s = Self.group()
        let results = ScenarioRunner.run(s, replications: 0..<6, threads: 2)
        let u = Estimate(values: results.map { Self.value($0, .utilization, "MS02") })
        #expect(abs(u.mean - 0.1) < u.halfWidth + 0.005, "MS02 utilization \(u.mean) ± \(u.halfWidth)")
        let latency = Estimate(values: results.map { Self.value($0, .portalLatencyMean) / 1000 })
        #expect(latency.mean > 1.05 && latency.mean < 1.25, "portal mean latency \(latency.mean) s")
        for r in results {
            #expect(Self.value(r, .requestsCompleted, "MS02") == 0)
            #expect(r.conservation.holds, "\(r.conservation.summary)")
        }
    }

    /// Visits follow the profile: a 10-minute surge of 3 000 an hour between trickles brings the
    /// expected number (within four Poisson standard deviations).
    @Test func visitsFollowTheProfileWithItsSurge() throws {
        var s = Self.group(duration: 1800)
        s.portal!.arrivals = [.init(from: 0, perHour: 60), .init(from: 600, perHour: 3000), .init(from: 1200, perHour: 60)]
        let expected = try #require(s.portal).expectedVisits(during: 1800)
        #expect(abs(expected - 520) < 1e-9)
        let model = runChecked(s)
        let arrived = Double(try #require(model.counts.portal).visitsArrived)
        #expect(abs(arrived - expected) < 4 * expected.squareRoot(), "\(arrived) visits, \(expected) expected")
    }

    /// With room for 2 visits at 3 600 an hour, visits are refused as in an Erlang loss system
    /// (M/G/c/c, whose blocking depends only on the mean visit length: 2 requests of about 1.1 s
    /// and one 10 s think between them, 12.2 s): B(2, 12.2) = 0.85, within 0.06 (the 95 %
    /// binomial band of ~1 200 visits is ±0.02; the rest allows for queueing). Nothing is lost.
    @Test func visitsBeyondMaxUsersAreRefusedAsInALossSystem() throws {
        var s = Self.group(duration: 1200)
        s.portal!.maxUsers = 2
        s.portal!.arrivals = [.init(from: 0, perHour: 3600)]
        let model = runChecked(s)
        let counts = try #require(model.counts.portal)
        let offered = 12.2
        var blocking = 1.0
        for n in 1...2 { blocking = offered * blocking / (Double(n) + offered * blocking) }
        let refused = Double(counts.visitsRefused) / Double(counts.visitsArrived)
        #expect(abs(refused - blocking) < 0.06, "refused \(refused), Erlang B \(blocking); \(counts)")
        #expect(model.conservation.holds, "\(model.conservation.summary)")
    }

    /// A portal request's latency is its own: the consoles' p95 is computed without it.
    /// A dedicated portal server is out of the load balancer's pool: with least-connections
    /// balancing (the initial server out too: two additional servers), every console lands on
    /// MS03 and none on MS02, whose cores are the portal's.
    /// Without `dedicatedServer` the consoles do reach it (the test can fail).
    @Test func aDedicatedPortalServerTakesNoConsoles() throws {
        var s = Self.group()
        s.consoles.peak = 30
        s.consoles.loadBalancing = .leastConnections
        s.consoles.shares = []
        s.managementGroup.additionalServers.count = 2
        s.portal!.dedicatedServer = true
        s.portal!.serverCores = 8
        try s.validate()
        let layout = s.layout
        #expect(layout.servers.map(\.acceptsConsoles) == [false, false, true])
        #expect(layout.servers[1].cores == 8 && layout.servers[2].cores == 4)
        for r in ScenarioRunner.run(s, replications: 0..<2, threads: 2) {
            #expect(Self.value(r, .requestsCompleted, "MS02") == 0)
            #expect(Self.value(r, .requestsCompleted, "MS03") > 0)
        }
        s.portal!.dedicatedServer = false
        #expect(ScenarioRunner.run(s, replications: 0..<1, threads: 1).allSatisfy { Self.value($0, .requestsCompleted, "MS02") > 0 })
    }

    @Test func portalLatenciesAreKeptApartFromTheConsoles() {
        var s = Self.group(duration: 1800)
        var none = s
        none.portal = nil
        s.portal!.requests[0].server = Fixtures.d(30)   // very slow portal requests
        let with = ManagementGroupModel.replicate(s, replication: 0)
        let without = ManagementGroupModel.replicate(none, replication: 0)
        #expect(Self.value(with, .portalLatencyP95) > 30_000)
        #expect(Self.value(with, .latencyP95) == Self.value(without, .latencyP95))
    }

    /// `slo.portalP95Latency` judges the portal's p95 (in seconds, logons apart): the portal's
    /// requests take about 1.1 s on average here, so a 20 s limit holds and a 0.2 s one fails;
    /// the objective without a portal is refused at its place.
    @Test func thePortalLatencyObjectiveIsJudged() throws {
        var s = Self.group(duration: 1800)
        let report = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<3, threads: 2))
        func verdict(_ limit: Double) -> SLOResult? {
            var slo = ServiceLevelObjectives()
            slo.portalP95Latency = limit
            return report.evaluate(slo, databaseName: "SQL").first
        }
        let pass = try #require(verdict(20))
        #expect(pass.objective == .portalP95Latency && pass.verdict == .pass)
        let p95 = Estimate(values: report.replications.map { Self.value($0, .portalLatencyP95) / 1000 })
        #expect(abs(pass.estimate.mean - p95.mean) < 1e-9, "the objective reads portal_latency_p95_ms, in seconds")
        #expect(verdict(0.2)?.verdict == .fail)

        s.portal = nil
        s.slo.portalP95Latency = 5
        #expect(s.problems().first == ScenarioProblem(field: "slo.portalP95Latency",
                                                      message: "needs a portal block (there is no portal to judge)"))
    }

    /// Portal fields are refused at their line and column with the field's path.
    @Test func badPortalFieldsAreRefusedWithTheirPosition() throws {
        let base = try String(contentsOf: PublishedFactsTests.directory.appendingPathComponent("portal-monday-morning.yaml"),
                              encoding: .utf8)
        func expectError(_ old: String, _ new: String, _ prefix: String) {
            precondition(base.components(separatedBy: old).count == 2, old)
            do {
                _ = try ScenarioLoader.parse(yaml: base.replacingOccurrences(of: old, with: new), file: "p.yaml")
                Issue.record("expected an error starting \(prefix)")
            } catch {
                #expect(error.description.hasPrefix(prefix), "\(error.description)")
            }
        }
        expectError("  server: MS02", "  server: MS09", "p.yaml:49:11: error: portal.server: no server named 'MS09'")
        expectError("- { from: 0, perHour: 60 }", "- { from: 5m, perHour: 60 }", "p.yaml:51:")
        expectError("perHour: 3000 }", "perHour: -3 }", "p.yaml:52:")
        expectError("requestsPerVisit: 3", "requestsPerVisit: 0.5", "p.yaml:55:")
    }
}
