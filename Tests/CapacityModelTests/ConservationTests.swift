@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Testing

struct ConservationTests {
    @Test func anImbalanceIsDetectedAndReportedWithItsNumbers() {
        var counts = Counts()
        counts.sessionsArrived = 10
        counts.sessionsCompleted = 4
        counts.sessionsRefused = 1
        counts.requestsIssued = 100
        counts.requestsCompleted = 97
        counts.requestsFailed = 2
        counts.workflowsTriggered = 50
        counts.workflowsCompleted = 45
        let balanced = Conservation(counts: counts, sessionsActive: 5, requestsInFlight: 1, workflowsPending: 5)
        #expect(balanced.holds)
        let lostSession = Conservation(counts: counts, sessionsActive: 4, requestsInFlight: 1, workflowsPending: 5)
        #expect(!lostSession.holds)
        #expect(lostSession.sessionsBalance == 1)
        #expect(lostSession.summary.contains("off by 1"))
        let lostJob = Conservation(counts: counts, sessionsActive: 5, requestsInFlight: 1, workflowsPending: 4)
        #expect(!lostJob.holds && lostJob.workflowsBalance == 1)
        let lostRequest = Conservation(counts: counts, sessionsActive: 5, requestsInFlight: 0, workflowsPending: 5)
        #expect(!lostRequest.holds && lostRequest.requestsBalance == 1)
    }
}
