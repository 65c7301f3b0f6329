import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

/// The workload fields in scenario files: read as written, refused with file:line:column and
/// the field's path when out of range.
struct WorkloadScenarioLoadingTests {
    static let published = PublishedFactsTests.directory

    static func text(_ name: String) throws -> String {
        try String(contentsOf: published.appendingPathComponent(name + ".yaml"), encoding: .utf8)
    }

    @Test func publishedScenariosLoadWithTheirWorkloadFields() throws {
        for name in ["test-1", "test-2-sql-8gb", "test-2-sql-32gb", "one-server-90-consoles", "wan-latency-175ms"] {
            _ = try ScenarioLoader.load(path: Self.published.appendingPathComponent(name + ".yaml").path)
        }
        let s = try ScenarioLoader.parse(yaml: try Self.text("one-server-90-consoles"), file: "o.yaml")
        #expect(s.managementGroup.database.memory == 8 && s.managementGroup.database.inventory?.computers == 20_000)
        #expect(s.managementGroup.database.storage.kind == .hdd15k)
        #expect(s.consoles.activePeriod?.mean == 1200 && s.consoles.idlePeriod?.mean == 1200)
        #expect(s.consoles.requests[0].pageReads == 3000 && s.consoles.requests[0].roundTrips == 3)
        #expect(s.workflows.job.pageReads == 500)
    }

    static func expectError(_ yaml: String, _ prefix: String) {
        do {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "w.yaml")
            Issue.record("expected an error starting \(prefix)")
        } catch {
            #expect(error.description.hasPrefix(prefix), "\(error.description)")
        }
    }

    @Test func outOfRangeWorkloadFieldsAreRefusedWithTheirPosition() throws {
        let base = try Self.text("test-1")
        func replacing(_ old: String, _ new: String) -> String {
            precondition(base.components(separatedBy: old).count == 2, old)
            return base.replacingOccurrences(of: old, with: new)
        }
        Self.expectError(replacing("pageReads: 3000", "pageReads: -1"), "w.yaml:38:")
        Self.expectError(replacing("roundTrips: 3 }\n    - { name: open-form", "roundTrips: 0 }\n    - { name: open-form"),
                         "w.yaml:38:")
        Self.expectError(replacing("memory: 8 ", "memory: 0 "), "w.yaml:20:")
        Self.expectError(replacing("storage: { kind: hdd15k }", "storage: { kind: hdd }"), "w.yaml:30:")
        Self.expectError(replacing("  networkLatency: 1ms", "  networkLatency: 1ms\n  activePeriod: { distribution: exponential, mean: 20m }"),
                         "w.yaml:")
    }
}
