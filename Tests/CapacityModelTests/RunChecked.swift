@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Testing

/// Runs a model event by event, checking its invariants (`ManagementGroupModel+Invariants.swift`,
/// debug builds) after every event.
@discardableResult
func runChecked(_ scenario: Scenario, replication: Int = 0) -> ManagementGroupModel {
    var model = ManagementGroupModel(scenario: scenario, replication: replication)
    model.start()
    while let event = model.simulation.next(until: scenario.duration) {
        model.handle(event)
        for violation in model.invariantViolations() { Issue.record("\(violation)") }
    }
    model.recorder.finish(at: model.simulation.now, counts: model.counts)
    return model
}
