@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
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

    /// The workload features (page reads, logon, active and idle periods, idle refresh,
    /// network latency, SQL memory, storage) are quantities when a scenario uses them: each
    /// is a default sensitivity factor, reads back what it sets, and names itself plainly.
    func testWorkloadFeaturesAreQuantities() throws {
        var s = Self.scenario()
        XCTAssertFalse(s.quantities.contains { $0.group == .pageReads || $0.group == .sqlMemory },
                       "a scenario without the features has none of their quantities")
        s.consoles.requests[0].pageReads = 3000
        s.workflows.job.pageReads = 500
        s.consoles.logon = RequestClass(name: "logon", weight: 0, server: Fixtures.d(4), database: Fixtures.d(1))
        s.consoles.logon!.pageReads = 20000
        s.consoles.activePeriod = Fixtures.d(1200)
        s.consoles.idlePeriod = Fixtures.d(600)
        s.consoles.idleRefresh = .init(every: 300, request: s.consoles.requests[0].name)
        s.consoles.networkLatency = 0.05
        s.managementGroup.database.memory = 16
        s.managementGroup.database.rows = 2_500_000
        s.workflows.connectors = [ScheduledJob(name: "ad", kind: .activeDirectory, every: 3600, objects: 100,
                                               object: .init(server: Fixtures.d(0.01), pageReads: 40))]
        s.workflows.grooming = [ScheduledJob(name: "purge", kind: .grooming, every: 86_400, objects: 10,
                                             object: .init(database: Fixtures.d(1)))]  // no page reads: not listed
        s.dataWarehouse = [ScheduledJob(name: "extract", kind: .warehouse, every: 3600, objects: 50,
                                        object: .init(database: Fixtures.d(0.2), pageReads: 300))]
        let expected: [(String, Double, String)] = [
            ("workflows.connectors[0].object.pageReads", 40, "ad page reads per object"),
            ("dataWarehouse.jobs[0].object.pageReads", 300, "extract page reads per object"),
            ("consoles.requests[0].pageReads", 3000, "open-view page reads"), ("workflows.job.pageReads", 500, "workflow job page reads"),
            ("consoles.logon.server.mean", 4, "logon server demand"), ("consoles.logon.database.mean", 1, "logon database demand"),
            ("consoles.logon.pageReads", 20000, "logon page reads"), ("consoles.activePeriod.mean", 1200, "active period"),
            ("consoles.idlePeriod.mean", 600, "idle period"), ("consoles.idleRefresh.every", 300, "idle refresh interval"),
            ("consoles.networkLatency", 0.05, "network latency"), ("managementGroup.database.memory", 16, "SQL memory"),
            ("managementGroup.database.storage.readTime", 0.0055, "storage read time"),
        ]
        let factors = SensitivityFactor.defaults(for: s)
        XCTAssertFalse(factors.contains { $0.quantity.field.hasPrefix("workflows.grooming") })
        for (field, value, label) in expected {
            let f = try XCTUnwrap(factors.first { $0.quantity.field == field }, field)
            XCTAssertEqual(f.base, value, accuracy: 1e-12, field)
            XCTAssertEqual(f.label, label)
            let changed = try f.apply(f.high, to: s)
            XCTAssertEqual(f.quantity.get(changed), value * 1.2, accuracy: 1e-9, field)
        }
        // Setting a mean keeps the distribution's family; setting the read time makes it explicit.
        let logon = try XCTUnwrap(s.quantity("consoles.logon.server.mean"))
        var t = s
        logon.set(&t, 8)
        XCTAssertEqual(t.consoles.logon?.server.mean, 8)
        XCTAssertEqual(t.consoles.requests[0].server.mean, s.consoles.requests[0].server.mean)
        s.quantity("managementGroup.database.storage.readTime")!.set(&t, 0.004)
        XCTAssertEqual(t.managementGroup.database.storage.readTime, 0.004)
    }

    /// `--metric servers` runs the size search for each variant: more consoles need more
    /// servers, fewer need fewer, and the answer is a whole number of servers.
    func testServersMetricRunsTheSizeSearchPerVariant() throws {
        var s = Fixtures.weekday(peak: 80, additional: 2, duration: 1200)
        s.warmup = 300
        s.replications = 2
        s.workflows.recurring = []
        s.slo.maxUtilization = 0.7
        let factors = [try SensitivityFactor.parse("consoles.peak=40..160", scenario: s)]
        let a = try OneAtATime(scenario: s, factors: factors, metric: .servers, simulate: run)
        XCTAssertEqual(a.base.count, 1, "one search answer per run")
        let base = try XCTUnwrap(a.base.first)
        XCTAssertEqual(base, base.rounded())
        let row = try XCTUnwrap(a.rows.first)
        XCTAssertLessThanOrEqual(row.low.difference, 0)
        XCTAssertGreaterThanOrEqual(row.high.difference, 1, "four times the consoles on the same servers cannot need no more")
        XCTAssertEqual(row.effect.difference, row.high.difference - row.low.difference)
        XCTAssert(SensitivityReport.csv(a, scenario: s).contains(",servers,one-at-a-time,1,consoles,consoles.peak,80,40,160,"))
    }
}
