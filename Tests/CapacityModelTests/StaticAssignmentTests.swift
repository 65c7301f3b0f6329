@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Testing

/// Consoles without a load balancer: each analyst's server comes from the shares.
struct StaticAssignmentTests {
    static func group() -> Scenario {
        var s = Fixtures.weekday(peak: 200, additional: 3, duration: 1800)
        s.consoles.loadBalancing = .static
        s.consoles.shares = [ServerShare(server: "MS02", share: 2, team: "service desk"),
                             ServerShare(server: "MS02", share: 1), ServerShare(server: "MS03", share: 1)]
        s.replications = 1
        return s
    }

    func meanConsoles(_ m: ManagementGroupModel, _ server: String) -> Double {
        m.recorder.summary.first { $0.metric == .consolesMean && $0.station == server }?.value ?? -1
    }

    @Test func consolesFollowTheSharesAndNeverReachAServerWithout() {
        var s = Self.group()
        s.consoles.peak = 40
        let m = runChecked(s)
        let ms02 = meanConsoles(m, "MS02"), ms03 = meanConsoles(m, "MS03")
        #expect(meanConsoles(m, "MS04") == 0)
        // 3 : 1 of about 40 consoles (fewer than a server holds): 30 and 10 expected.
        #expect(ms02 > 20 && ms02 < 45 && ms03 > 3 && ms03 < 18 && ms02 > 2 * ms03, "MS02 \(ms02), MS03 \(ms03)")
    }

    @Test func whenTheSharedServersAreFullAnalystsPickAnotherOne() {
        var s = Self.group()
        s.consoles.peak = 150
        s.managementGroup.additionalServers.connectionLimit = 60  // a hard limit fills a server
        let m = runChecked(s)
        // About 150 consoles, 60 fit on each: MS02 fills up, MS03 takes its share and the overflow, the rest go to MS04.
        #expect(meanConsoles(m, "MS04") > 10, "MS04 \(meanConsoles(m, "MS04"))")
        #expect(m.counts.sessionsRefused == 0)
    }
}
