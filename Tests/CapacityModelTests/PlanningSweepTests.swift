import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

@Suite struct PlanningSweepTests {
    /// A small sweep: 2 consoles values × 2 server counts, 3 replications per point.
    static func fixture() throws -> (scenario: Scenario, grid: SweepGrid, points: [SweepPoint]) {
        let scenario = try PlanningFixtures.shipped(consoles: 80, replications: 3, duration: 2400)
        let grid = try SweepGrid(consoles: [60, 80], servers: [2, 3])
        return (scenario, grid, try grid.points(of: scenario))
    }

    static func manifest(_ f: (scenario: Scenario, grid: SweepGrid, points: [SweepPoint]), shard: Shard? = nil) -> SweepManifest {
        SweepManifest(scenario: f.scenario, scenarioHash: "test", grid: f.grid, points: f.points.count, shard: shard)
    }

    /// Runs the fixture sweep into a new directory; returns the directory.
    static func sweep(threads: Int, shard: Shard? = nil, into dir: String? = nil, stopAfter: Int? = nil) throws -> String {
        let f = try fixture()
        let directory = try dir ?? PlanningFixtures.temporaryDirectory()
        _ = try Sweep.run(points: f.points, shard: shard, directory: directory, manifest: manifest(f, shard: shard),
                          threads: threads, stopAfter: stopAfter)
        return directory
    }

    @Test func pointsAreTheCrossProductInOrder() throws {
        let scenario = try PlanningFixtures.shipped(consoles: 100)
        let points = try SweepGrid(consoles: [100, 200], ratios: [40, 50], down: [0, 1]).points(of: scenario)
        #expect(points.map(\.index) == Array(0..<8))
        #expect(points.map(\.consoles) == [100, 100, 100, 100, 200, 200, 200, 200])
        #expect(points.map(\.ratio) == [40, 40, 50, 50, 40, 40, 50, 50])
        #expect(points.map(\.servers) == [3, 3, 2, 2, 5, 5, 4, 4])
        #expect(points.map(\.down) == [0, 1, 0, 1, 0, 1, 0, 1])
        #expect(points.allSatisfy { $0.scenario.seed == scenario.seed })

        // Neither servers nor ratios: the scenario's own sizing.
        let own = try SweepGrid(consoles: [120]).points(of: scenario)
        #expect(own.count == 1 && own[0].ratio == 40 && own[0].servers == 3)
        #expect(throws: PlanningError.self) { try SweepGrid(consoles: [100], ratios: [40], servers: [3]) }
        // An impossible point is reported before anything runs.
        #expect(throws: PlanningError.self) { try SweepGrid(servers: [1, 2], down: [1]).points(of: scenario) }
    }

    /// Servers and ratios together: n servers carrying n × ratio consoles, one curve per ratio.
    @Test func serversAndRatiosGiveScaleOutCurves() throws {
        let scenario = try PlanningFixtures.shipped(consoles: 100)
        let points = try SweepGrid(ratios: [40, 50], servers: [2, 3]).points(of: scenario)
        #expect(points.map(\.ratio) == [40, 40, 50, 50])
        #expect(points.map(\.servers) == [2, 3, 2, 3])
        #expect(points.map(\.consoles) == [80, 120, 100, 150])
    }

    @Test func headerCoversEveryAllStationMetric() throws {
        let f = try Self.fixture()
        let result = ManagementGroupModel.replicate(f.points[0].scenario, replication: 0)
        // Workload metrics are left out of sweep.csv: its columns do not depend on the scenario.
        let recorded = result.summary.filter { $0.station == "all" && !$0.metric.definition.workload }.map(\.metric)
        #expect(recorded == SweepTable.allStationMetrics,
                "sweep.csv should list every summary metric at station all; missing \(Set(recorded).subtracting(SweepTable.allStationMetrics))")
        #expect(SweepTable.header.hasPrefix("point_index,scenario,consoles,ratio,servers,down,replications,latency_mean_ms_mean,"))
        #expect(SweepTable.header.hasSuffix("database_utilization_peak_mean,database_utilization_peak_ci95"))
    }

    @Test func bytesDoNotDependOnTheThreadCount() throws {
        let files = try [1, 2, 4].map { try PlanningFixtures.read(Self.sweep(threads: $0) + "/sweep.csv") }
        #expect(files[0] == files[1])
        #expect(files[0] == files[2])
        let text = String(decoding: files[0], as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("0,weekday-40,60,,2,0,3,"))
        #expect(lines[4].hasPrefix("3,weekday-40,80,,3,0,3,"))
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count
            == SweepTable.header.split(separator: ",").count })
    }

    @Test func resumingAfterAnInterruptionGivesTheSameBytes() throws {
        let whole = try PlanningFixtures.read(Self.sweep(threads: 2) + "/sweep.csv")

        let dir = try PlanningFixtures.temporaryDirectory()
        let f = try Self.fixture()
        let first = try Sweep.run(points: f.points, directory: dir, manifest: Self.manifest(f), threads: 2, stopAfter: 1)
        #expect(first == Sweep.Outcome(points: 4, skipped: 0, ran: 1))
        // Killed in the middle of writing the next row: a partial line at the end.
        let handle = try #require(FileHandle(forWritingAtPath: dir + "/sweep.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("1,weekday-40,60,,3,0,3,812.".utf8))
        try handle.close()
        let second = try Sweep.run(points: f.points, directory: dir, manifest: Self.manifest(f), threads: 1, stopAfter: 2)
        #expect(second == Sweep.Outcome(points: 4, skipped: 1, ran: 2))
        let third = try Sweep.run(points: f.points, directory: dir, manifest: Self.manifest(f), threads: 4)
        #expect(third == Sweep.Outcome(points: 4, skipped: 3, ran: 1))
        #expect(third.complete)
        #expect(try PlanningFixtures.read(dir + "/sweep.csv") == whole)
        // Running a finished sweep again does nothing and changes nothing.
        let again = try Sweep.run(points: f.points, directory: dir, manifest: Self.manifest(f), threads: 2)
        #expect(again == Sweep.Outcome(points: 4, skipped: 4, ran: 0))
        #expect(try PlanningFixtures.read(dir + "/sweep.csv") == whole)
    }

    @Test func anotherSweepsFileIsRefused() throws {
        let dir = try Self.sweep(threads: 2, stopAfter: 1)
        let f = try Self.fixture()
        // More replications: the rows already there do not belong to this sweep.
        var more = f.scenario
        more.replications = 4
        let points = try f.grid.points(of: more)
        let manifest = SweepManifest(scenario: more, scenarioHash: "test", grid: f.grid, points: points.count, shard: nil)
        #expect(throws: PlanningError.self) {
            try Sweep.run(points: points, directory: dir, manifest: manifest, threads: 2)
        }
        // Another scenario file, same grid: caught by the manifest.
        var changed = Self.manifest(f)
        changed.scenarioHash = "edited"
        do {
            _ = try Sweep.run(points: f.points, directory: dir, manifest: changed, threads: 2)
            Issue.record("expected a refusal")
        } catch let error as PlanningError {
            #expect(error.message.contains("the scenario file's contents"), "\(error.message)")
        }
        // Other columns.
        let other = try PlanningFixtures.temporaryDirectory()
        try "point_index,something,else\n".write(toFile: other + "/sweep.csv", atomically: true, encoding: .utf8)
        #expect(throws: PlanningError.self) {
            try Sweep.run(points: f.points, directory: other, manifest: Self.manifest(f), threads: 2)
        }
    }

    @Test func mergedShardsEqualTheUnshardedSweep() throws {
        let whole = try Self.sweep(threads: 2)
        let base = try PlanningFixtures.temporaryDirectory()
        var shards: [String] = []
        for i in 1...3 {
            let shard = try Shard(index: i, count: 3)
            let dir = base + "/" + shard.slug
            _ = try Self.sweep(threads: 2, shard: shard, into: dir)
            shards.append(dir)
        }
        // Shard 1 of 3 holds points 0 and 3.
        let first = String(decoding: try PlanningFixtures.read(shards[0] + "/sweep.csv"), as: UTF8.self)
        #expect(first.split(separator: "\n").dropFirst().map { $0.prefix(2) } == ["0,", "3,"])

        try SweepMerge.merge(shards.reversed(), into: base)
        #expect(try PlanningFixtures.read(base + "/sweep.csv") == PlanningFixtures.read(whole + "/sweep.csv"))
        #expect(try PlanningFixtures.read(base + "/sweep.json") == PlanningFixtures.read(whole + "/sweep.json"))

        // A missing shard is an incomplete sweep.
        do {
            _ = try SweepMerge.merge(Array(shards.prefix(2)))
            Issue.record("expected a refusal")
        } catch let error as PlanningError {
            #expect(error.message.contains("1 of 4 point(s) missing (2)"), "\(error.message)")
        }
        // Shards of different sweeps do not mix.
        let f = try Self.fixture()
        var manifest = try #require(try SweepManifest.read(path: shards[2] + "/sweep.json"))
        manifest.seed = f.scenario.seed + 1
        try manifest.json().write(toFile: shards[2] + "/sweep.json", atomically: true, encoding: .utf8)
        #expect(throws: PlanningError.self) { try SweepMerge.merge(shards) }
    }
}
