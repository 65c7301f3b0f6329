@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
import Statistics
import Testing

/// Published facts that set an input (anchors in the fact ledger, Documentation/Sources.md):
/// the model reproduces them *by construction*, which is a consistency test of the
/// derivation, not evidence. `PublishedFactsTests` holds the checks.
struct PublishedAnchorsTests {
    typealias P = PublishedFactsTests

    /// [F14] under the half-active reading (Design.md, "Which consoles are active"): the active
    /// fraction is derived from "80–100 concurrent consoles on one server" against 10–12
    /// active per core, so 90 open consoles are about 44 active ones and the server stays
    /// below 0.85 by construction; at 80 the p95 goal of 4 s holds (at 90 it is just over it:
    /// README). Under the default, all-active reading F14 is a check the model fails (README).
    @Test func halfActiveReadingReproducesOneServerByConstruction() throws {
        let ninety = try P.load("one-server-90-consoles", duration: 2 * 3600)
        let (report, _) = P.run(ninety)
        #expect(P.upper(report.estimate(.utilization, station: "MS01")) < 0.85)
        let active = try #require(report.estimate(.activeConsolesMean))
        #expect(active.mean > 40 && active.mean < 50, "active consoles \(active.mean) (10-12 per core is 40-48)")
        var eighty = ninety
        eighty.consoles.peak = 80
        eighty.duration = 3600 + 600
        let (fewer, _) = P.run(eighty)
        #expect(P.upper(fewer.estimate(.latencyP95)) < 4000, "80 consoles: p95 \(String(describing: fewer.estimate(.latencyP95)))")
    }

    /// [F15] At 175 ms per round trip responses are slower but by no more than about 40 %:
    /// the round trips per request were bounded by this fact. Paired replications of Test 1.
    @Test func wanLatencySlowsResponsesByUpToFortyPercent() throws {
        let base = P.run(try P.load("test-1", replications: 4)).results
        let wan = P.run(try P.load("wan-latency-175ms", replications: 4)).results
        func mean(_ r: ReplicationResult) -> Double { r.summary.first { $0.metric == .latencyMean && $0.station == "all" }!.value }
        let slowdown = Estimate(values: zip(base, wan).map { mean($1) / mean($0) - 1 })
        #expect(slowdown.mean - slowdown.halfWidth > 0.15 && slowdown.mean + slowdown.halfWidth < 0.45,
                "175 ms: \(slowdown.mean) ± \(slowdown.halfWidth)")
    }
}
