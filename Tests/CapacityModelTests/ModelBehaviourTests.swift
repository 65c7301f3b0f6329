@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Stochastics
import Testing

struct ModelBehaviourTests {
    @Test(arguments: [Consoles.LoadBalancing.leastConnections, .roundRobin, .random])
    func loadBalancerKeepsConsolesOnUpServersBelowTheirCap(_ balancing: Consoles.LoadBalancing) {
        // More consoles than the caps allow, so refusals happen, and random failures.
        var s = Fixtures.weekday(peak: 200, additional: 3, duration: 7200)
        s.managementGroup.additionalServers.connectionLimit = 50
        s.consoles.loadBalancing = balancing
        s.failures.random = Failures.Random(timeToFailure: try! .exponential(mean: 1800), timeToRepair: try! .exponential(mean: 600))
        s.failures.reconnect.delay = try! .exponential(mean: 30)
        let m = runChecked(s)
        #expect(m.counts.sessionsRefused > 0)
        #expect(m.incidents.contains { $0.kind == .serverFailure })
    }

    @Test func conservationHoldsOverManySeedsWithRandomFailures() {
        for seed in UInt64(1)...12 {
            var s = Fixtures.weekday(peak: 90, additional: 2, duration: 5400)
            s.seed = seed
            s.failures.random = Failures.Random(timeToFailure: try! .weibull(mean: 2400, shape: 1.5),
                                                timeToRepair: try! .lognormal(mean: 900, cv: 1))
            s.failures.random!.appliesTo = .all
            s.failures.reconnect.giveUpAfter = 300
            s.failures.scheduled = [Failures.Scheduled(target: .database, at: 1000, repairAfter: 120)]
            let r = ManagementGroupModel.replicate(s, replication: Int(seed % 3))
            #expect(r.conservation.holds, "seed \(seed): \(r.conservation.summary)")
        }
    }

    @Test(arguments: [(0, ManagementGroup.ConsoleAdmission.auto, true), (1, .auto, true), (2, .auto, false),
                      (4, .auto, false), (3, .no, false), (3, .yes, true)])
    func initialServerTakesConsolesOnlyAsConfigured(additional: Int, admission: ManagementGroup.ConsoleAdmission, expected: Bool) {
        var s = Fixtures.weekday(peak: 60, additional: additional, duration: 1800)
        s.managementGroup.initialServer.acceptsConsoles = admission
        #expect(s.layout.servers[0].acceptsConsoles == expected)
        let m = runChecked(s)
        let initialConsoles = m.recorder.summary.first { $0.metric == .consolesMean && $0.station == "MS01" }!.value
        #expect((initialConsoles > 0) == expected)
    }

    @Test func workflowJobsRunOnlyOnTheWorkflowServerThroughFailoverAndFailBack() {
        var s = Fixtures.weekday(peak: 80, additional: 3, duration: 7200)
        s.workflows.bursts = [Workflows.Burst(name: "import", at: 1500, jobs: 800)]
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS01"), at: 1800, repairAfter: 2400)]
        s.failures.promotion = Failures.Promotion(after: try! .deterministic(600))
        s.failures.promotion.failBack = true
        let m = runChecked(s)
        let kinds = m.incidents.map(\.kind)
        #expect(kinds == [.serverFailure, .promotion, .serverRepair, .failBack])
    }

    @Test func sameSeedGivesByteIdenticalCSVWhateverTheThreadCount() {
        var s = Fixtures.weekday(peak: 60, additional: 2, duration: 2400)
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS02"), at: 1200, repairAfter: 600)]
        let one = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<3, threads: 1))
        let two = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<3, threads: 2))
        let three = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<3, threads: 3))
        #expect(one.timeSeriesCSV() == two.timeSeriesCSV())
        #expect(one.timeSeriesCSV() == three.timeSeriesCSV())
        #expect(one.summaryCSV() == two.summaryCSV())
        #expect(one.eventsCSV() == three.eventsCSV())
        var other = s
        other.seed += 1
        let different = RunReport(scenario: other, replications: ScenarioRunner.run(other, replications: 0..<3, threads: 2))
        #expect(different.timeSeriesCSV() != one.timeSeriesCSV())
    }

    /// A request that finishes at the very instant its server fails has completed: releases
    /// run before capacity changes at the same time.
    @Test func requestFinishingAtTheInstantItsServerFailsCompletes() throws {
        var mg = ManagementGroup()
        mg.additionalServers.count = 2
        var c = Consoles(peak: 1, sessionLength: try .deterministic(1e9), thinkTime: try .deterministic(10),
                         requests: [RequestClass(name: "r", weight: 1, server: try .deterministic(1))])
        c.start = .fixed
        var w = Workflows(job: Workflows.Job(server: try .deterministic(0.1)))
        w.pollInterval = 1e6
        var s = Scenario(name: "instant", duration: 60, managementGroup: mg, consoles: c, workflows: w)
        s.window = 60
        // The console goes to MS02 (least connections, lowest index); its first request runs 10 s → 11 s.
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS02"), at: 11, repairAfter: nil)]
        s.failures.reconnect.delay = try .deterministic(5)
        let m = runChecked(s)
        #expect(m.incidents.first?.kind == .serverFailure)
        #expect(m.incidents.first?.failedRequests == 0)
        #expect(m.counts.requestsFailed == 0)
        // Completed at 11, reconnected at 16 to MS03, then requests at 26, 37, 48, 59.
        #expect(m.counts.requestsCompleted == 5)
        #expect(m.counts.reconnections == 1)

        // One instant earlier, the same request fails.
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS02"), at: 10.5, repairAfter: nil)]
        let earlier = runChecked(s)
        #expect(earlier.counts.requestsFailed == 1)
    }

    /// Jobs triggered while no server holds the workflow role wait, and every one completes
    /// after the promotion.
    @Test func backlogTriggeredDuringOutageCompletesAfterPromotion() throws {
        var s = Fixtures.weekday(peak: 40, additional: 2, duration: 4 * 3600)
        s.consoles.requests = s.consoles.requests.map { var r = $0; r.workflowsPerRequest = 0; return r }
        s.workflows.recurring = []
        s.workflows.bursts = [Workflows.Burst(name: "import", at: 3600, jobs: 2000)]
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS01"), at: 1800, repairAfter: nil)]
        s.failures.promotion = Failures.Promotion(after: try .deterministic(2400))
        let m = runChecked(s)
        #expect(m.counts.workflowsTriggered == 2000)
        #expect(m.counts.workflowsCompleted == 2000)
        #expect(m.workflowBacklog == 0)
        let promotion = try #require(m.incidents.first { $0.kind == .promotion })
        #expect(promotion.time == 4200)
        #expect(promotion.workflowJobs == 2000)
        let loss = try #require(m.recorder.completedIncidents(m.incidents).first)
        #expect(loss.backlogPeak == 2000)
        #expect((loss.drainSeconds ?? 0) > 2400)
        #expect((loss.workflowLagMax ?? 0) >= 600)
    }

    /// During a database outage requests wait; their latency includes the wait.
    @Test func databaseOutageMakesRequestsWaitNotFail() throws {
        var s = Fixtures.weekday(peak: 60, additional: 2, duration: 3600)
        s.warmup = 0
        s.failures.scheduled = [Failures.Scheduled(target: .database, at: 1200, repairAfter: 90)]
        let m = runChecked(s)
        #expect(m.counts.requestsFailed == 0)
        let kinds = m.incidents.map(\.kind)
        #expect(kinds == [.databaseFailure, .databaseRepair])
        let maxLatencyWindow = m.recorder.rows.filter { $0.station == "all" }.map(\.latencyP99).max() ?? 0
        #expect(maxLatencyWindow > 60)
    }

    /// With a connection limit the survivors cannot hold everyone: some displaced consoles
    /// find a place, the rest give up after `giveUpAfter`.
    @Test func displacedConsolesReconnectToSurvivorsOrGiveUp() throws {
        var s = Fixtures.weekday(peak: 150, additional: 3, duration: 3 * 3600)
        s.managementGroup.additionalServers.connectionLimit = 45
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS03"), at: 3600, repairAfter: 1800)]
        s.failures.reconnect.delay = try .exponential(mean: 60)
        s.failures.reconnect.giveUpAfter = 600
        let m = runChecked(s)
        let failure = try #require(m.recorder.completedIncidents(m.incidents).first { $0.kind == .serverFailure })
        #expect(failure.displacedConsoles > 0)
        #expect(failure.reconnected + failure.abandoned <= failure.displacedConsoles)
        #expect(failure.reconnected > 0)
        #expect(failure.abandoned > 0)
        #expect(m.counts.sessionsAbandoned >= failure.abandoned)
        #expect(failure.recoverySeconds != nil)
        #expect(failure.survivorPeakUtilization != nil)
    }

    @Test func nMinusKRunsWithServersDownForTheWholeRun() {
        var s = Fixtures.weekday(peak: 100, additional: 3, duration: 1800)
        s.failures.down = 1
        let m = runChecked(s)
        #expect(m.serverUp == [true, true, true, false])
        #expect(m.connections[3] == 0)
    }
}
