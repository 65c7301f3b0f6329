@testable import ScenarioSpec
@testable import Planning
import Foundation
import XCTest

/// Every assumed input of the shipped scenarios has a plausible range with reasons, and a
/// scenario's `assumptions:` block replaces one.
final class AssumptionRangeTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func shippedScenarios() throws -> [String] {
        var out: [String] = []
        for dir in ["Scenarios", "Scenarios/published"] {
            let url = root.appendingPathComponent(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".yaml") {
                out.append(url.appendingPathComponent(name).path)
            }
        }
        return out
    }

    func testEveryQuantityOfEveryShippedScenarioHasARangeWithReasons() throws {
        let paths = try Self.shippedScenarios()
        XCTAssertGreaterThanOrEqual(paths.count, 8)
        var varied = 0
        for path in paths {
            let scenario = try ScenarioLoader.load(path: path)
            let table = AssumptionTable(scenario)
            XCTAssertEqual(table.missing, [], "\(path): quantities without a plausible range")
            for row in table.rows where !row.missing {
                XCTAssertFalse(row.lowReason.isEmpty, "\(path): \(row.field): no reason")
                XCTAssertTrue(row.held || !row.highReason.isEmpty, "\(path): \(row.field): no reason for the high bound")
            }
            varied += SensitivityFactor.assumed(for: scenario).count
        }
        XCTAssertGreaterThan(varied, 100)
    }

    /// A group added to the quantity table without a row in the declaration fails here.
    func testEveryQuantityGroupIsDeclared() {
        for group in ScenarioQuantity.Group.allCases {
            let range = Scenario.assumptionRanges[group]
            XCTAssertNotNil(range, "\(group.rawValue): no plausible range declared in Scenario+AssumptionRanges.swift")
            if let range, !range.held {
                XCTAssertLessThan(range.low.resolve(1), range.high.resolve(1), group.rawValue)
                XCTAssertLessThanOrEqual(range.low.resolve(1), 1, "\(group.rawValue): the shipped value lies below the range")
                XCTAssertGreaterThanOrEqual(range.high.resolve(1), 1, "\(group.rawValue): the shipped value lies above the range")
            }
        }
    }

    static let yaml = """
    name: ranged
    duration: 1h
    consoles:
      peak: 20
      sessionLength: { distribution: exponential, mean: 2h }
      thinkTime: { distribution: exponential, mean: 15s }
      requests:
        - { name: open-view, weight: 1, server: { distribution: exponential, mean: 1s } }
    """

    func testTheScenarioBlockReplacesTheDeclaredRange() throws {
        let s = try ScenarioLoader.parse(yaml: Self.yaml + """

        assumptions:
          - { field: thinkTime.mean, low: 11s, high: 14s, reason: console logs }
          - { field: open-view.server.mean, low: x0.9, high: x1.2 }
        """, file: "ranged.yaml")
        let factors = SensitivityFactor.assumed(for: s)
        let think = try XCTUnwrap(factors.first { $0.quantity.field == "consoles.thinkTime.mean" })
        XCTAssertEqual(think.low, 11)
        XCTAssertEqual(think.high, 14)
        let view = try XCTUnwrap(factors.first { $0.quantity.field == "consoles.requests[0].server.mean" })
        XCTAssertEqual(view.low, 0.9, accuracy: 1e-12)
        XCTAssertEqual(view.high, 1.2, accuracy: 1e-12)
        XCTAssertTrue(AssumptionTable(s).text.contains("console logs"))
    }

    func testABadEntryIsOneLineWithItsPlace() {
        for (entry, field, words) in [
            ("{ field: nothing.mean, low: 1s, high: 2s }", "assumptions[0].field", "no varied quantity"),
            ("{ field: thinkTime.mean, low: soon, high: 2s }", "assumptions[0].low", "expected a duration"),
            ("{ field: thinkTime.mean, low: 20s, high: 12s }", "assumptions[0].high", "empty"),
        ] {
            XCTAssertThrowsError(try ScenarioLoader.parse(yaml: Self.yaml + "\nassumptions:\n  - " + entry, file: "ranged.yaml")) { error in
                let e = error as! ScenarioError
                XCTAssertEqual(e.field, field, entry)
                XCTAssertTrue(e.message.contains(words), e.message)
                XCTAssertEqual(e.line, 10, entry)
                XCTAssertFalse(e.description.contains("\n"))
            }
        }
    }
}
