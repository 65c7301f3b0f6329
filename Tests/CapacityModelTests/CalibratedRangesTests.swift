@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import XCTest

/// Issue 19: a calibrated file carries each fitted input's 95 % interval as that input's
/// plausible range, so `check --robust` on it varies fitted inputs over their intervals.
final class CalibratedRangesTests: XCTestCase {
    /// Calibrates a shipped scenario on its own simulated counters, reads the written file
    /// back and finds every fitted field's interval as its range, in its comment and in the
    /// factors a robust check varies.
    func testFittedInputsTakeTheirIntervalsAsTheirRanges() throws {
        let path = AssumptionRangeTests.root.appendingPathComponent("Scenarios/day-with-grooming.yaml").path
        let base = try ScenarioLoader.load(path: path)
        var simulated = base
        simulated.replications = 1
        let calibration = try CalibrationRoundTripTests.calibrate(simulated)
        let written = try CalibrationReport(calibration: calibration, logs: ["MS01.csv", "SQL.csv"])
            .scenarioYAML(base: String(contentsOfFile: path, encoding: .utf8))
        let calibrated = try ScenarioLoader.parse(yaml: written.text, file: "day-with-grooming-calibrated.yaml")
        XCTAssertFalse(calibrated.assumptions.isEmpty, "no assumptions block written")

        // Quick worlds: the factors do not depend on the duration or the replications.
        var quick = calibrated
        quick.replications = 1
        quick.duration = 3600
        quick.warmup = 0
        let check = try RobustCheck(scenario: quick, worlds: 2, screen: false, simulate: { s in
            RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<1, threads: 1))
        })
        var checked = 0
        for v in calibration.values {
            for (quantity, value) in v.fields where !written.missing.contains(quantity.field) {
                guard let expected = CalibrationReport.range(v, quantity: quantity, value: value) else { continue }
                let range = try XCTUnwrap(calibrated.assumptionRange(for: quantity), quantity.field)
                XCTAssertTrue(range.lowReason.contains("95 % interval of \(v.name)"), "\(quantity.field): \(range.lowReason)")
                let (low, high) = range.values(around: quantity.get(calibrated))
                // Written with four significant digits.
                XCTAssertEqual(low, expected.low, accuracy: 1e-3 * expected.high, quantity.field)
                XCTAssertEqual(high, expected.high, accuracy: 1e-3 * expected.high, quantity.field)
                XCTAssertLessThanOrEqual(low, quantity.get(calibrated), quantity.field)
                XCTAssertGreaterThanOrEqual(high, quantity.get(calibrated), quantity.field)
                XCTAssertTrue(written.text.contains("95 % interval \(expected.text), its plausible range"), "\(quantity.field): comment")
                if high > low {
                    let factor = try XCTUnwrap(check.factors.first { $0.field == quantity.field }, quantity.field)
                    XCTAssertEqual(factor.low, low, accuracy: 1e-12, quantity.field)
                    XCTAssertEqual(factor.high, high, accuracy: 1e-12, quantity.field)
                    // Not the declared range for an unmeasured input.
                    let declared = try XCTUnwrap(Scenario.assumptionRanges[quantity.group]).values(around: quantity.get(calibrated))
                    XCTAssertNotEqual(factor.low, declared.low, quantity.field)
                }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 3, "too few fitted fields with an interval to prove anything")
    }

    /// A base's own assumptions block keeps its other entries; the fitted ones come first
    /// (the first entry for a field is the one read), in block or flow style.
    func testABasesOwnBlockKeepsItsOtherEntries() throws {
        let yaml = AssumptionRangeTests.yaml
        let base = try ScenarioLoader.parse(yaml: yaml, file: "ranged.yaml")
        let think = try XCTUnwrap(base.quantities.first { $0.field == "consoles.thinkTime.mean" })
        let server = try XCTUnwrap(base.quantities.first { $0.field == "consoles.requests[0].server.mean" })
        let fitted = CalibratedYAML.Range(quantity: think, low: 12, high: 13.5, reason: "fitted \"think\" time")
        for block in ["", "\nassumptions:\n  - { field: thinkTime.mean, low: 5s, high: 50s }\n  - { field: open-view.server.mean, low: x0.9, high: x1.2 }\n",
                      "\nassumptions: [{ field: thinkTime.mean, low: 5s, high: 50s }, { field: open-view.server.mean, low: x0.9, high: x1.2 }]\n",
                      "\nassumptions: []\n"] {
            let text = try CalibratedYAML.addingAssumptions([fitted], to: yaml + block)
            let s = try ScenarioLoader.parse(yaml: text, file: "ranged.yaml")
            let range = try XCTUnwrap(s.assumptionRange(for: think))
            XCTAssertEqual(range.values(around: 15).low, 12, block)
            XCTAssertEqual(range.values(around: 15).high, 13.5, block)
            XCTAssertEqual(range.lowReason, "fitted \"think\" time", block)
            if block.contains("x0.9") {
                XCTAssertEqual(s.assumptionRange(for: server)?.values(around: 1).low ?? 0, 0.9, accuracy: 1e-12, block)
            }
        }
    }
}
