@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Stochastics
import Testing

/// Disaster recovery as it is done (S-DR): scheduled engine work that falls due while no server
/// holds the workflow role is skipped, subscription work waits for its watermark, and the
/// promotion procedure costs the promoted server time and CPU.
struct DisasterRecoveryTests {
    static func fixed(_ seconds: Double) -> Distribution { try! .deterministic(seconds) }

    /// Loses the workflow server at 600 s and promotes after 1 200 s, without saves.
    static func outage() -> Scenario {
        var s = Fixtures.weekday(peak: 60, additional: 2, duration: 3600)
        s.consoles.requests = s.consoles.requests.map { var r = $0; r.workflowsPerRequest = 0; return r }
        s.replications = 1
        s.failures.scheduled = [Failures.Scheduled(target: .server("MS01"), at: 600, repairAfter: nil)]
        s.failures.promotion = Failures.Promotion(after: fixed(1200))
        return s
    }

    @Test func recurringWorkDueWithoutAWorkflowServerIsSkippedNotQueued() throws {
        var s = Self.outage()
        s.workflows.bursts = [Workflows.Burst(name: "import", at: 900, jobs: 250)]
        let m = runChecked(s)
        let promotion = try #require(m.incidents.first { $0.kind == .promotion })
        #expect(promotion.time == 1800)
        // 40 group calculations fell due in the 1 200 s without a workflow server; none of them
        // waits for the new server. The burst's subscription jobs do (their watermark keeps them).
        #expect(promotion.workflowJobs == 250)
        #expect(m.conservation.holds)
    }

    @Test func theProcedureDelaysTheRoleAndMovesTheConsolesAway() throws {
        var s = Self.outage()
        var procedure = Failures.PromotionProcedure(duration: Self.fixed(900), cpu: Self.fixed(600))
        procedure.consoles = .move
        s.failures.promotion.procedure = procedure
        s.failures.promotion.choose = .server("MS02")
        let m = runChecked(s)
        let started = try #require(m.incidents.first { $0.kind == .promotionStarted })
        let promoted = try #require(m.incidents.first { $0.kind == .promotion })
        #expect(started.time == 1800 && started.target == "MS02" && started.displacedConsoles > 0)
        #expect(promoted.time == 2700 && promoted.target == "MS02")
        // MS02 left the console pool: its consoles went to MS03.
        let rows = m.recorder.rows.filter { $0.station == "MS02" && $0.windowStart >= 2100 }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.consoles < 1e-9 })
        // The rebuild's 600 CPU-seconds land on MS02 after 2 700 s: at least 600 / 4 cores / 300 s
        // = 0.5 of a window's utilization, spread over the windows after the promotion.
        let busy = m.recorder.rows.filter { $0.station == "MS02" && $0.windowStart >= 2700 }
            .reduce(0.0) { $0 + $1.utilization * ($1.windowEnd - $1.windowStart) * 4 }
        #expect(busy >= 600 - 1e-6)
        #expect(m.conservation.holds)
    }

    @Test func withStayTheConsolesKeepTheirServer() throws {
        var s = Self.outage()
        s.failures.promotion.procedure = Failures.PromotionProcedure(duration: Self.fixed(900))
        s.failures.promotion.choose = .server("MS02")
        let m = runChecked(s)
        let started = try #require(m.incidents.first { $0.kind == .promotionStarted })
        #expect(started.displacedConsoles == 0)
        let rows = m.recorder.rows.filter { $0.station == "MS02" && $0.windowStart >= 2700 }
        #expect(rows.contains { $0.consoles > 0 })
    }
}
