@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
import Statistics
import Testing

/// The station named as the bottleneck: the portal's server when the portal's visits load it
/// most, with remedies that can relieve that server.
struct BottleneckTests {
    /// Five consoles pinned to MS01; the portal on MS02 (4 cores) at 5 000 visits an hour of
    /// two 1-second requests: an offered load of 5000 / 3600 × 2 × 1 / 4 ≈ 0.69 on MS02,
    /// against a few per cent on MS01 and the database.
    static func portalBound() -> Scenario {
        var s = PortalTests.group()
        s.portal!.arrivals = [.init(from: 0, perHour: 5000)]
        return s
    }

    static func report(_ s: Scenario) -> RunReport {
        RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<2, threads: 2))
    }

    @Test func aPortalBoundGroupNamesThePortalsServer() throws {
        let s = Self.portalBound()
        let b = try #require(Bottleneck(Self.report(s), scenario: s))
        #expect(b.named.kind == .portalServer, "\(b.ranking)")
        #expect(b.named.station == "MS02")
        #expect(b.named.load > 0.6 && b.named.load <= 1, "MS02's busiest window \(b.named.load)")
        #expect(b.named.reasons.contains { $0.contains("Self-Service Portal") })
        // MS01, with only the consoles and the workflow engine, is far below it.
        let ms01 = try #require(b.ranking.first { $0.station == "MS01" && $0.kind == .serverCPU })
        #expect(ms01.load < b.named.load / 2)
        // Another server takes none of the portal's visits: only the portal server's cores are offered.
        let labels = b.remedies(of: s).map(\.label)
        #expect(labels == ["with 8 cores per additional server"], "\(labels)")
    }

    /// Without the surge of visits the same group's portal server is not the bottleneck's
    /// kind by default: the name comes from the load, not from the portal's presence.
    @Test func aQuietPortalIsNotNamed() throws {
        var s = Self.portalBound()
        s.portal!.arrivals = [.init(from: 0, perHour: 10)]
        s.managementGroup.initialServer.cores = 1
        let b = try #require(Bottleneck(Self.report(s), scenario: s))
        #expect(b.named.kind != .portalServer, "\(b.ranking)")
    }
}
