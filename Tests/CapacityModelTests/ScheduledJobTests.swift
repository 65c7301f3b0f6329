@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Stochastics
import Testing

/// Connectors, grooming and data warehouse jobs: sequential objects, skipped runs, the
/// workflow role, conservation and invariants after every event.
struct ScheduledJobTests {
    static func fixed(_ seconds: Double) -> Distribution { try! .deterministic(seconds) }

    /// A quiet group (few consoles) so that a job's objects rarely queue.
    static func quiet(duration: Double = 3600) -> Scenario {
        var s = Fixtures.weekday(peak: 4, additional: 1, duration: duration)
        s.workflows.recurring = []
        s.replications = 1
        return s
    }

    @Test func anInitialSyncInsertsItsObjectsOneAfterAnother() {
        var s = Self.quiet(duration: 4 * 3600)
        s.consoles.peak = 1
        s.consoles.thinkTime = try! .exponential(mean: 1e6)
        // 1 000 objects of 0.5 s CPU + 1 s database, one after another: 1 500 s without queueing,
        // whatever the cores (4 MS cores and 8 database cores could run them 4-8 at a time).
        s.workflows.connectors = [ScheduledJob(
            name: "cm", kind: .configurationManager, every: 3600, objects: 0,
            object: .init(server: Self.fixed(0.5), database: Self.fixed(1)),
            initialSync: .init(objects: 1000, at: 60))]
        let model = runChecked(s)
        let w = model.counts.scheduledWork
        #expect(w?.objectsQueued == 1000 && w?.objectsCompleted == 1000)
        let hours = model.recorder.summary.first { $0.metric == .jobInitialSync && $0.station == "cm" }?.value
        #expect(abs((hours ?? 0) - 1500) < 1e-6)
        #expect(model.conservation.holds)
    }

    @Test func aRunDueWhileThePreviousOneRunsIsSkipped() {
        var s = Self.quiet()
        // 100 objects of 1 s each every 60 s: each run takes 100 s, so every other run is skipped.
        s.workflows.connectors = [ScheduledJob(name: "ad", kind: .activeDirectory, every: 60, objects: 100,
                                               object: .init(server: Self.fixed(1)))]
        let model = runChecked(s)
        let completed = model.recorder.summary.first { $0.metric == .jobRunsCompleted }?.value ?? 0
        let skipped = model.recorder.summary.first { $0.metric == .jobRunsSkipped }?.value ?? 0
        // Runs at 60, 180, 300, …: 30 are due in 3 600 s (60 … 3 540), half of them start.
        #expect(completed + skipped >= 58 && completed + skipped <= 60)
        #expect(abs(completed - skipped) <= 1)
        #expect(model.conservation.holds)
    }

    @Test func workflowServerLossPausesConnectorsAndSkipsTheirRuns() {
        var s = Self.quiet(duration: 2 * 3600)
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS01"), at: 600, repairAfter: nil)]
        s.failures.promotion.after = Self.fixed(1200)
        s.workflows.connectors = [ScheduledJob(
            name: "cm", kind: .configurationManager, every: 300, objects: 10,
            object: .init(server: Self.fixed(0.2), database: Self.fixed(0.1)), offset: 0,
            initialSync: .init(objects: 3000, at: 0))]
        s.workflows.grooming = [ScheduledJob(name: "groom", kind: .grooming, every: 900, objects: 5,
                                             object: .init(server: Self.fixed(1), database: Self.fixed(5)))]
        s.dataWarehouse = [ScheduledJob(name: "extract", kind: .warehouse, every: 600, objects: 20,
                                        object: .init(database: Self.fixed(0.5)))]
        let model = runChecked(s)
        let summary = model.recorder.summary
        func value(_ metric: Metric, _ job: String) -> Double {
            summary.first { $0.metric == metric && $0.station == job }?.value ?? -1
        }
        // The initial sync (900 s of work) was interrupted by the loss at 600 s and finished after
        // the promotion at 1 800 s: it took at least 900 + 1 200 s.
        #expect(value(.jobInitialSync, "cm") >= 2100)
        // Grooming due at 900 s fell while no server held the workflow role: skipped.
        #expect(value(.jobRunsSkipped, "groom") >= 1)
        // The data warehouse does not depend on the workflow server: nothing skipped.
        #expect(value(.jobRunsSkipped, "extract") == 0)
        #expect(value(.jobRunsCompleted, "extract") == 11)
        #expect(model.conservation.holds)
    }

    @Test func withoutScheduledJobsTheConservationReportHasNoNewFields() throws {
        let model = runChecked(Self.quiet(duration: 600))
        #expect(model.counts.scheduledWork == nil)
        #expect(model.conservation.scheduledObjectsPending == nil)
        #expect(!model.recorder.summary.contains { $0.metric.applies(at: .job) })
    }

    @Test func failBackMovesAConnectorObjectToTheOriginalServer() {
        var s = Self.quiet(duration: 3 * 3600)
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS01"), at: 600, repairAfter: 3600)]
        s.failures.promotion.after = Self.fixed(300)
        s.failures.promotion.failBack = true
        s.workflows.connectors = [ScheduledJob(
            name: "cm", kind: .configurationManager, every: 3600, objects: 0,
            object: .init(server: Self.fixed(0.3), database: Self.fixed(0.2)), initialSync: .init(objects: 20_000, at: 0))]
        let model = runChecked(s)
        #expect(model.incidents.contains { $0.kind == .failBack })
        #expect(model.conservation.holds)
    }
}

/// The shipped day with grooming: the 02:00 grooming run is the night's busiest database window.
struct GroomingDayTests {
    @Test func groomingIsTheNightsBusiestDatabaseWindow() throws {
        let path = ConnectorSyncFactTests.path.replacingOccurrences(of: "published/cm-initial-sync.yaml", with: "day-with-grooming.yaml")
        var s = try ScenarioLoader.load(path: path)
        s.duration = 4 * 3600
        s.replications = 2
        for r in ScenarioRunner.run(s, replications: 0..<2, threads: 2) {
            let database = r.rows.filter { $0.station == "SQL" }
            let grooming = try #require(database.first { $0.windowStart == 7200 })
            let others = database.filter { $0.windowStart != 7200 && $0.windowStart != 8100 }.map(\.utilization).sorted()
            let median = others[others.count / 2]
            #expect(grooming.utilization > 5 * median, "02:00 window \(grooming.utilization), night median \(median)")
            #expect(grooming.utilization >= others.last!, "02:00 window \(grooming.utilization), next busiest \(others.last!)")
        }
    }
}
