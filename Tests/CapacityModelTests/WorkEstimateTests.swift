import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

@Suite("WorkEstimate")
struct WorkEstimateTests {
    @Test func growsWithConsolesAndHorizonAndRefusesAbsurdRuns() throws {
        let base = Fixtures.weekday(peak: 120, duration: 3600)
        let events = base.workEstimate.eventsPerReplication
        #expect(events > 0 && base.tooLongMessage == nil)
        var longer = base
        longer.duration *= 10
        longer.window *= 10 // same number of windows
        #expect(abs(longer.workEstimate.eventsPerReplication / events - 10) < 0.5)
        var busier = base
        busier.consoles.peak *= 4
        #expect(busier.workEstimate.eventsPerReplication > 3 * events)
        var absurd = base
        absurd.duration = 3e9
        #expect(absurd.tooLongMessage?.contains("--allow-long") == true)
        absurd.consoles.thinkTime = try .deterministic(0)
        #expect(absurd.tooLongMessage?.contains("unbounded") == true)
    }

    @Test func aCenturyIsTheLongestHorizon() {
        var s = Fixtures.weekday()
        s.duration = 1e308
        #expect(throws: ScenarioError.self) { try s.validate() }
    }
}
