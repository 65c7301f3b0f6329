import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation
import Stochastics
import Yams

/// The scenario behind an output directory: the file named in run.json (or given with
/// `--scenario`), read again only if its content hash still matches the one the run
/// recorded, so the report never judges a run against a scenario edited since.
struct ScenarioContext {
    var path: String?
    var text: String?
    var scenario: Scenario?
    /// Why the scenario could not be used, said in the report.
    var problem: String?
    /// Seconds after midnight at which the simulated day starts (`startsAt: 07:00`), when the
    /// scenario says so; the plots then show clock time instead of hours since the start.
    var startsAt: Double?

    init(path: String?, expectedHash: String?) {
        self.path = path
        guard let path else { problem = "the output does not name its scenario file"; return }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            problem = "the scenario file \(path) is not readable from here (run smsim report from the directory the run was started in, or pass --scenario)"
            return
        }
        let hash = String(StreamSeed.fnv1a64(text), radix: 16)
        if let expectedHash, expectedHash != hash {
            problem = "the scenario file \(path) has changed since the run (hash \(hash), the run recorded \(expectedHash)); its objectives and inputs are not shown"
            return
        }
        self.text = text
        do {
            scenario = try ScenarioLoader.load(path: path)
        } catch {
            problem = "the scenario file \(path) no longer loads: \(error.description)"
        }
        startsAt = scenario?.startsAt ?? Self.startsAt(in: text)
    }

    /// `startsAt` at the top level, as written (`07:00`, `7:30`); nil when absent or not a time.
    /// Read from the raw scalar (the loaded scenario has it too, but only when the file still
    /// loads), since YAML 1.1 would turn `07:00` into the number 420.
    static func startsAt(in text: String) -> Double? {
        guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return nil }
        for (key, value) in mapping where key.string == "startsAt" {
            return value.scalar.flatMap { TimeOfDay.parse($0.string) }
        }
        return nil
    }

    /// Formats a time offset of the run for axes and tables.
    func clock(_ seconds: Double) -> String { NumberText.time(seconds, startsAt: startsAt) }
    var timeAxisLabel: String { startsAt == nil ? "time since the start of the run (h:mm)" : "clock time" }
    /// A moment in prose: `at 09:00`, or `2:00 into the run` without a clock.
    func moment(_ seconds: Double) -> String { startsAt == nil ? "\(clock(seconds)) into the run" : "at \(clock(seconds))" }
}
