@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import XCTest

/// Simulate a group with known demands, write its counters as PDH-CSV logs, calibrate on
/// them: the demands come back within their confidence intervals.
final class CalibrationRoundTripTests: XCTestCase {
    static func scenario() -> Scenario {
        var s = Fixtures.weekday(peak: 150, additional: 3, duration: 6 * 3600)
        s.window = 120
        s.warmup = 600
        s.replications = 1
        // A varying population, so utilization moves through the day.
        s.consoles.profile = [.init(from: 0, rate: 1), .init(from: 7200, rate: 0.4), .init(from: 12600, rate: 0.8)]
        s.consoles.sessionLength = try! .lognormal(mean: 3600, cv: 0.6)
        // Recurring work with the default job's demands (a connector sync) decorrelates the
        // workflow jobs from the requests. Recurring work with demands of its own that no
        // counter shows (group calculation) biases the workflow demand: Calibration.md.
        s.workflows.recurring = [Workflows.Recurring(name: "ad-connector-sync", every: 3600, jobs: 400)]
        s.workflows.recurring[0].offset = 1200
        return s
    }

    static func calibrate(_ s: Scenario, map: CounterMap = CounterMap()) throws -> Calibration {
        let result = ManagementGroupModel.replicate(s, replication: 0)
        let logs = try PerfmonWriter.logs(result, scenario: s).map { try PDHCSVLog.parse(text: $0.text, path: "\($0.host).csv") }
        try Calibration.checkHosts(logs, map: map, scenario: s)
        return Calibration(base: s, map: map, windows: try CounterWindows.join(logs, length: s.window))
    }

    func testPooledDemandsAreRecoveredWithinTheirIntervals() throws {
        let s = Self.scenario()
        let c = try Self.calibrate(s)
        XCTAssertEqual(c.regressions.map(\.name), ["management servers", "database"])
        for name in ["server CPU per request (mix of all classes)", "database time per request (mix of all classes)",
                     "server CPU per workflow job", "database time per workflow job", "think time"] {
            let v = try XCTUnwrap(c.values.first { $0.name == name }, name)
            XCTAssert(abs(v.estimate - v.modelled) <= v.halfWidth,
                      "\(name): fitted \(v.estimate) ± \(v.halfWidth), true \(v.modelled)")
            XCTAssert(v.halfWidth < 0.25 * v.modelled, "\(name): interval ± \(v.halfWidth) too wide to prove anything")
        }
        for r in c.regressions { XCTAssertGreaterThan(r.fit.rSquared, 0.9, r.name) }
        // The calibrated scenario carries the fitted means.
        let server = c.values.first { $0.name == "server CPU per request (mix of all classes)" }!
        XCTAssertEqual(c.calibrated.consoles.requests[0].server.mean,
                       s.consoles.requests[0].server.mean * server.estimate / server.modelled, accuracy: 1e-12)
    }

    /// Per-class demands are identified only by how the mix varies between windows: each
    /// comes back within its interval, or a warning says it is not identified.
    func testPerClassDemandsComeBackOrAreFlagged() throws {
        var map = CounterMap()
        map.requestClasses = .perClass
        let s = Self.scenario()
        let c = try Self.calibrate(s, map: map)
        XCTAssertEqual(c.regressions[0].columns.filter { $0.hasPrefix("requests ") }.count, s.consoles.requests.count)
        for (i, request) in s.consoles.requests.enumerated() {
            let v = try XCTUnwrap(c.values.first { $0.name == "server CPU per \(request.name) request" })
            let truth = request.server.mean + (request.serverAfter?.mean ?? 0)
            XCTAssertEqual(v.modelled, truth, accuracy: 1e-12)
            let flagged = c.warnings.contains { $0.contains("requests \(request.name)") }
            XCTAssert(abs(v.estimate - truth) <= v.halfWidth || flagged,
                      "class \(i): \(v.estimate) ± \(v.halfWidth), true \(truth), warnings \(c.warnings)")
        }
    }

    /// The test group with SQL memory and a storage station: 8 GiB over 2.5 M rows gives a
    /// hit ratio near 0.92, and the misses load eight 15k-rpm drives to about 0.4 at peak.
    static func storageScenario() -> Scenario {
        var s = scenario()
        s.managementGroup.database.memory = 8
        s.managementGroup.database.rows = 2_500_000
        for (i, reads) in [1500.0, 600, 800].enumerated() { s.consoles.requests[i].pageReads = reads }
        s.workflows.job.pageReads = 500
        return s
    }

    static func logs(_ s: Scenario) throws -> [PDHCSVLog] {
        let result = ManagementGroupModel.replicate(s, replication: 0)
        return try PerfmonWriter.logs(result, scenario: s).map { try PDHCSVLog.parse(text: $0.text, path: "\($0.host).csv") }
    }

    /// `run --perfmon` writes the SQL server's hit ratio, disk reads and seconds per read;
    /// calibrating on them gives back the physical reads per request and per workflow job,
    /// the storage read time, and the model's own hit ratio, each within its interval.
    func testStorageCountersComeBackWithinTheirIntervals() throws {
        let s = Self.storageScenario()
        let logs = try Self.logs(s)
        let sql = try XCTUnwrap(logs.last)
        for role in [CounterRole.bufferCacheHitRatio, .diskReads, .diskSecondsPerRead] {
            XCTAssert(sql.counters.contains { $0.counter == CounterMap().counters[role]!.counter }, "\(role) not written")
        }
        let c = Calibration(base: s, map: CounterMap(), windows: try CounterWindows.join(logs, length: s.window))
        XCTAssert(c.regressions.contains { $0.name == StorageFit.regressionName })
        let hit = ModelConfig(scenario: s).hitRatio
        XCTAssert(hit > 0.85 && hit < 0.95, "hit ratio \(hit)")
        for name in ["physical reads per request (mix of all classes)", "physical reads per workflow job", "storage read time"] {
            let v = try XCTUnwrap(c.values.first { $0.name == name }, name)
            XCTAssert(abs(v.estimate - v.modelled) <= v.halfWidth, "\(name): fitted \(v.estimate) ± \(v.halfWidth), true \(v.modelled)")
            XCTAssert(v.halfWidth < 0.25 * v.modelled, "\(name): interval ± \(v.halfWidth) too wide to prove anything")
        }
        let observed = try XCTUnwrap(c.values.first { $0.name == "buffer cache hit ratio" })
        XCTAssertEqual(observed.estimate, hit, accuracy: 1e-6)
        XCTAssertFalse(c.warnings.contains { $0.contains("hit ratio") }, "\(c.warnings)")
        // The calibrated file's logical page reads give the fitted physical reads at the model's hit ratio.
        let perRequest = c.values.first { $0.name == "physical reads per request (mix of all classes)" }!
        XCTAssertEqual(c.calibrated.consoles.requests[0].pageReads, 1500 * perRequest.estimate / perRequest.modelled, accuracy: 1e-9)
        XCTAssertEqual(c.calibrated.managementGroup.database.storage.readTime ?? 0,
                       c.values.first { $0.name == "storage read time" }!.estimate, accuracy: 1e-15)

        // A base whose buffer pool predicts another hit ratio than the logs show is flagged.
        var other = s
        other.managementGroup.database.memory = 32
        let d = Calibration(base: other, map: CounterMap(), windows: try CounterWindows.join(logs, length: s.window))
        XCTAssert(d.warnings.contains { $0.hasPrefix("buffer cache hit ratio: observed") }, "\(d.warnings)")
    }
}

/// Logons (the initial load on every connection) are a throughput of their own: with a
/// logons counter their demands come back within their intervals.
final class LogonCalibrationTests: XCTestCase {
    func testLogonDemandsComeBackWithinTheirIntervals() throws {
        var s = CalibrationRoundTripTests.scenario()
        s.consoles.sessionLength = try .lognormal(mean: 1800, cv: 0.6)
        s.consoles.logon = RequestClass(name: "logon", weight: 0, server: Fixtures.d(4), database: Fixtures.d(1.5))
        let c = try CalibrationRoundTripTests.calibrate(s)
        XCTAssertTrue(c.regressions[0].columns.contains("logons"))
        for (name, truth) in [("server CPU per logon", 4.0), ("database time per logon", 1.5)] {
            let v = try XCTUnwrap(c.values.first { $0.name == name }, name)
            XCTAssertEqual(v.modelled, truth)
            XCTAssert(abs(v.estimate - truth) <= v.halfWidth, "\(name): fitted \(v.estimate) ± \(v.halfWidth), true \(truth)")
            XCTAssert(v.halfWidth < 0.3 * truth, "\(name): interval ± \(v.halfWidth) too wide to prove anything")
        }
        // The request demands are still right beside them.
        let request = try XCTUnwrap(c.values.first { $0.name == "server CPU per request (mix of all classes)" })
        XCTAssert(abs(request.estimate - request.modelled) <= request.halfWidth, "\(request.estimate) ± \(request.halfWidth)")
        XCTAssertEqual(c.calibrated.consoles.logon?.server.mean ?? 0, c.values.first { $0.name == "server CPU per logon" }!.estimate,
                       accuracy: 1e-12)
    }
}

/// `--work-items`: the planner's export of work items per interval drives the workflow load.
final class WorkItemsCalibrationTests: XCTestCase {
    /// The work items export `run --perfmon` writes replaces the workflow jobs counter: the
    /// demand per work item comes back within its interval, and the job demand written into
    /// the calibrated scenario is that divided by the workflows per work item.
    func testWorkItemsExportRecoversTheWorkflowDemand() throws {
        var s = CalibrationRoundTripTests.scenario()
        s.workflows.recurring = []
        let result = ManagementGroupModel.replicate(s, replication: 0)
        let logs = try PerfmonWriter.logs(result, scenario: s).map { try PDHCSVLog.parse(text: $0.text, path: "\($0.host).csv") }
        let items = try WorkItemsLog.parse(text: PerfmonWriter.workItems(result, scenario: s), path: "work-items.csv")
        XCTAssertEqual(items.starts.count, Int((s.duration / s.window).rounded()))
        // Ten-minute windows, as the command uses: a work item's workflows run up to a poll interval
        // later, which shorter windows would split from it.
        let c = Calibration(base: s, map: CounterMap(), windows: try CounterWindows.join(logs, length: 600), workItems: items)
        XCTAssertTrue(c.regressions[0].columns.contains("work items"))
        XCTAssertFalse(c.regressions[0].columns.contains("workflow jobs"))
        let server = try XCTUnwrap(c.values.first { $0.name == "server CPU per work item" })
        XCTAssertEqual(server.modelled, 0.4 * 3.5, accuracy: 1e-12)
        XCTAssert(abs(server.estimate - server.modelled) <= server.halfWidth,
                  "fitted \(server.estimate) ± \(server.halfWidth), true \(server.modelled)")
        XCTAssert(server.halfWidth < 0.1 * server.modelled, "interval ± \(server.halfWidth) too wide to prove anything")
        // In the database every work item comes with its save request: the two throughputs rise
        // and fall together, so the split is either right within its interval or flagged.
        let database = try XCTUnwrap(c.values.first { $0.name == "database time per work item" })
        XCTAssertEqual(database.modelled, 0.15 * 3.5, accuracy: 1e-12)
        XCTAssert(abs(database.estimate - database.modelled) <= database.halfWidth
                  || c.warnings.contains { $0.hasPrefix("database: requests and work items rise and fall together") })
        let perItem = c.values.first { $0.name == "server CPU per work item" }!
        XCTAssertEqual(c.calibrated.workflows.job.server.mean, perItem.estimate / 3.5, accuracy: 1e-12)
    }
}
