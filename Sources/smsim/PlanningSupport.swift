import ArgumentParser
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation
import Stochastics

/// Runs planning library code, turning its one-line `PlanningError`s into exit status 2.
func planning<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PlanningError {
        throw CommandFailure(message: error.message, status: 2)
    }
}

/// A comma-separated list or range of whole numbers given to `option`, or [] when absent.
func integers(_ text: String?, option: String) throws -> [Int] {
    guard let text else { return [] }
    return try planning { try IntegerList.parse(text, option: option) }
}

/// The hash run.json and sweep.json record for a scenario file's bytes.
func scenarioHash(_ content: String) -> String {
    String(StreamSeed.fnv1a64(content), radix: 16)
}
