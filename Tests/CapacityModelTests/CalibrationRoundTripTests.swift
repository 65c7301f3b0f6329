@testable import CapacityModel
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
}
