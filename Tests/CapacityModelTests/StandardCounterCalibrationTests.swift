@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Stochastics
import XCTest

/// Calibration from the counters a default installation has (processor and client
/// connections on the management servers; processor, batches and page life expectancy on the
/// SQL server), on logs written by `TypeperfLogGenerator` from a known truth rather than by
/// smsim's own `--perfmon` writer.
final class StandardCounterCalibrationTests: XCTestCase {
    static let truth = TypeperfLogGenerator(
        servers: [
            .init(name: "MS01", cores: 4, share: 0.15, background: 0.35, clockOffset: 0),
            .init(name: "MS02", cores: 4, share: 0.55, background: 0.15, clockOffset: 0.31),
            // Its collector writes Central European local time.
            .init(name: "MS03", cores: 4, share: 0.30, background: 0.25, clockOffset: -0.27, bias: -60, zone: "W. Europe Standard Time"),
        ],
        cpuPerConsole: 0.012, sqlBackground: 0.4, sqlCPUPerBatch: 0.0015, batchesPerConsole: 2, sqlClockOffset: 0.45,
        peak: 320, seed: 20)

    /// The planner's base: three servers all taking consoles, no workflows triggered by saves
    /// (the generator's servers have no workflow load beyond their background), consoles
    /// active two thirds of their session.
    static func base() -> Scenario {
        var s = Fixtures.weekday(peak: 320, additional: 2, duration: 2 * 3600)
        s.managementGroup.initialServer.acceptsConsoles = .yes
        s.workflows.recurring = []
        for i in s.consoles.requests.indices { s.consoles.requests[i].workflowsPerRequest = 0 }
        s.consoles.activePeriod = try! .exponential(mean: 1200)
        s.consoles.idlePeriod = try! .exponential(mean: 600)
        s.window = 600
        s.replications = 1
        return s
    }

    static func calibrate(_ generator: TypeperfLogGenerator = truth) throws -> (Calibration, [PDHCSVLog]) {
        let s = base()
        let logs = try generator.logs().files.map { try PDHCSVLog.parse(text: $0.text, path: $0.name) }
        try Calibration.checkHosts(logs, map: CounterMap(), scenario: s)
        return (Calibration(base: s, map: CounterMap(), windows: try CounterWindows.join(logs, length: 600)), logs)
    }

    func testPerConsoleAndPerBatchFiguresCoverTheTruth() throws {
        let (c, _) = try Self.calibrate()
        let t = Self.truth
        XCTAssertFalse(c.warnings.contains { $0.contains("no '") || $0.contains("not fitted:") && !$0.hasPrefix("think time") },
                       "\(c.warnings)")
        var expected = t.servers.map { ("server busy cores per console on \($0.name)", t.cpuPerConsole) }
        expected += [("server busy cores per console (pooled)", t.cpuPerConsole),
                     ("database CPU per SQL batch", t.sqlCPUPerBatch),
                     ("database busy cores per console", t.sqlCPUPerBatch * t.batchesPerConsole)]
        for (name, truth) in expected {
            let v = try XCTUnwrap(c.values.first { $0.name == name }, "\(name) not fitted: \(c.values.map(\.name)), \(c.warnings)")
            XCTAssert(abs(v.estimate - truth) <= v.halfWidth, "\(name): fitted \(v.estimate) ± \(v.halfWidth), true \(truth)")
            XCTAssert(v.halfWidth < 0.1 * truth, "\(name): interval ± \(v.halfWidth) too wide to prove anything")
        }
        for server in t.servers {
            let v = try XCTUnwrap(c.values.first { $0.name == "\(server.name) background (busy cores)" && $0.regression == "management servers" })
            XCTAssert(abs(v.estimate - server.background) <= v.halfWidth, "\(server.name) background \(v.estimate) ± \(v.halfWidth)")
        }
        // The pooled figures are written through the base's split.
        let pooled = c.values.first { $0.name == "server busy cores per console (pooled)" }!
        XCTAssertEqual(ConsoleLoad(c.calibrated).server, pooled.estimate, accuracy: 1e-9 * pooled.estimate)
        XCTAssert(c.assumptions.contains { $0.contains("split as the base scenario") && $0.contains("active fraction") }, "\(c.assumptions)")
        XCTAssertEqual(c.calibrated.consoles.thinkTime.mean, c.base.consoles.thinkTime.mean)
    }

    /// The calibrated scenario, simulated with each server's mean consoles from the logs,
    /// gives each server's (and the SQL server's) mean busy cores within 5 % of the logs'.
    /// The model has no background load, so the fitted background is added to it; and since
    /// a static assignment draws each console's server at random, the simulated load is taken
    /// per connected console and multiplied by the logs' mean consoles.
    func testCalibratedScenarioReproducesEachServersMeanUtilization() throws {
        let (c, _) = try Self.calibrate()
        let w = c.windows
        func mean(_ xs: [Double]) -> Double { let f = xs.filter(\.isFinite); return f.reduce(0, +) / Double(f.count) }
        let map = CounterMap()
        let layout = c.base.layout
        let consoles = layout.servers.map { mean(w.series(host: $0.name, map.counters[.consoles]!)!) }
        var s = c.calibrated
        s.consoles.start = .fixed
        s.consoles.peak = Int(consoles.reduce(0, +).rounded())
        s.consoles.loadBalancing = .static
        s.consoles.shares = zip(layout.servers, consoles).map { ServerShare(server: $0.name, share: $1) }
        s.managementGroup.initialServer.connectionLimit = 1000
        s.managementGroup.additionalServers.connectionLimit = 1000
        s.warmup = 1200
        let run = ManagementGroupModel.replicate(s, replication: 0)
        let database = s.managementGroup.database
        for (i, server) in (layout.servers + [Layout.Server(name: database.name, cores: database.cores, connectionLimit: 0, isInitial: false,
                                                            acceptsConsoles: false, discipline: database.discipline)]).enumerated() {
            let rows = run.rows.filter { !$0.warmup && $0.station == server.name }
            let busy = mean(rows.map { $0.utilization * Double(server.cores) })
            let isDatabase = i == layout.servers.count
            let simulatedConsoles = isDatabase ? mean(run.rows.filter { !$0.warmup && $0.kind == .all }.map(\.consoles))
                                               : mean(rows.map(\.consoles))
            let logged = isDatabase ? consoles.reduce(0, +) : consoles[i]
            let regression = isDatabase ? "database" : "management servers"
            let background = try XCTUnwrap(c.values.first { $0.name == "\(server.name) background (busy cores)" && $0.regression == regression })
            let predicted = background.estimate + busy / simulatedConsoles * logged
            let observed = mean(w.series(host: server.name, map.counters[.processor]!)!) / 100 * Double(server.cores)
            XCTAssertEqual(predicted, observed, accuracy: 0.05 * observed,
                           "\(server.name): simulated \(predicted) busy cores, logs \(observed)")
        }
    }
}
