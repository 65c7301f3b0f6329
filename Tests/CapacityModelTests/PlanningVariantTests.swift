import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

/// Shipped scenarios, shortened so planning tests stay fast in debug builds.
enum PlanningFixtures {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    static func path(_ name: String) -> String { scenarios.appendingPathComponent(name).path }

    /// `Scenarios/<file>` with one hour simulated (10 min warm-up), `consoles` peak consoles
    /// and `replications` replications.
    static func shipped(_ file: String = "weekday-40.yaml", consoles: Int = 100, replications: Int = 3,
                        duration: Double = 3600) throws -> Scenario {
        var s = try ScenarioLoader.load(path: path(file))
        s.duration = duration
        s.warmup = 600
        s.window = 300
        s.consoles.peak = consoles
        s.replications = replications
        try s.validate()
        return s
    }

    /// A fresh empty temporary directory.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-planning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

@Suite struct PlanningVariantTests {
    @Test func consolesRatioServersAndDownSetTheirFields() throws {
        let base = try PlanningFixtures.shipped(consoles: 400)
        #expect(base.layout.ratio == 40 && base.additionalServerCount == 10)

        let moreConsoles = try base.variant(consoles: 600)
        #expect(moreConsoles.consoles.peak == 600)
        #expect(moreConsoles.additionalServerCount == 15)

        let ratio = try base.variant(ratio: 50)
        #expect(ratio.managementGroup.additionalServers.consolesPerServer == 50)
        #expect(ratio.managementGroup.additionalServers.count == nil)
        #expect(ratio.additionalServerCount == 8)

        let servers = try base.variant(servers: 7, down: 1)
        #expect(servers.managementGroup.additionalServers.count == 7)
        #expect(servers.managementGroup.additionalServers.consolesPerServer == nil)
        #expect(servers.layout.ratio == nil)
        #expect(servers.failures.down == 1)

        // A ratio after an explicit count clears the count again.
        let back = try servers.variant(ratio: 45)
        #expect(back.managementGroup.additionalServers.count == nil)
        #expect(back.additionalServerCount == 9)
    }

    @Test func variantsKeepTheSeedAndEverythingElse() throws {
        let base = try PlanningFixtures.shipped()
        let v = try base.variant(consoles: 150, ratio: 50, down: 1)
        #expect(v.seed == base.seed)
        #expect(v.replications == base.replications)
        #expect(v.duration == base.duration)
        #expect(v.name == base.name)
        #expect(v.consoles.requests.map(\.name) == base.consoles.requests.map(\.name))
        #expect(v.slo.p95Latency == base.slo.p95Latency)
        // No argument: the same sizing.
        let same = try base.variant()
        #expect(same.layout == base.layout)
    }

    @Test func invalidVariantsAreOneLineErrors() throws {
        let base = try PlanningFixtures.shipped()
        let cases: [(consoles: Int?, ratio: Int?, servers: Int?, down: Int?, message: String)] = [
            (nil, 0, nil, nil, "ratio must be at least 1"),
            (nil, 40, 4, nil, "not both"),
            (0, nil, nil, nil, "consoles must be at least 1"),
            (nil, nil, -1, nil, "must be at least 0, got -1"),
            (nil, nil, 2, 2, "2 server(s) down needs more than 2 additional server(s), this configuration has 2"),
            (nil, nil, 3, 4, "this configuration has 3"),
            (nil, nil, nil, -1, "servers down must be at least 0"),
        ]
        for c in cases {
            do {
                _ = try base.variant(consoles: c.consoles, ratio: c.ratio, servers: c.servers, down: c.down)
                Issue.record("expected an error containing '\(c.message)'")
            } catch let error as PlanningError {
                #expect(error.message.contains(c.message), "\(error.message)")
                #expect(!error.message.contains("\n"))
            }
        }
    }

    /// Failures of the scenario's own rules come back with the field path.
    @Test func scenarioRulesAreCheckedToo() throws {
        var base = try PlanningFixtures.shipped()
        base.failures.scheduled = [Failures.Scheduled(target: .server("MS05"), at: 900, repairAfter: nil)]
        #expect(throws: Never.self) { try base.variant(servers: 6) }
        do {
            _ = try base.variant(servers: 2)
            Issue.record("a failure of a server that no longer exists should be refused")
        } catch let error as PlanningError {
            #expect(error.message.hasPrefix("failures.scheduled[0].server: no server named 'MS05'"), "\(error.message)")
        }
    }

    @Test func integerListsAndShards() throws {
        #expect(try IntegerList.parse("40,45,50", option: "--ratios") == [40, 45, 50])
        #expect(try IntegerList.parse("2...5", option: "--servers") == [2, 3, 4, 5])
        #expect(try IntegerList.parse("2..3, 8", option: "--servers") == [2, 3, 8])
        for bad in ["", "4,,5", "a", "5...2", "1,1", "2...x"] {
            #expect(throws: PlanningError.self, "\(bad)") { try IntegerList.parse(bad, option: "--servers") }
        }
        let shard = try Shard(parsing: "2/3")
        #expect(shard.index == 2 && shard.count == 3 && shard.slug == "shard-2-of-3")
        #expect((0..<9).filter { shard.contains(pointIndex: $0) } == [1, 4, 7])
        for bad in ["0/3", "4/3", "1/0", "1", "a/b", "1/2/3"] {
            #expect(throws: PlanningError.self, "\(bad)") { try Shard(parsing: bad) }
        }
    }
}
