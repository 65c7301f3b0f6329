import ArgumentParser
import ScenarioSpec
import Planning

extension Lint {
    /// `lint --assumptions`: each file's varied quantities with their plausible range and the
    /// reason for each bound, or `held` and why. A quantity without a range is an error.
    func printAssumptions() throws {
        var missing = false
        for path in scenarios {
            let scenario: Scenario
            do throws(ScenarioError) {
                scenario = try ScenarioLoader.load(path: path)
            } catch {
                printError(error.description)
                missing = true
                continue
            }
            let table = AssumptionTable(scenario)
            print("\(path): \(table.rows.filter { !$0.held && !$0.missing }.count) varied, \(table.rows.filter(\.held).count) held")
            print(table.text)
            for field in table.missing {
                printError("\(path): error: \(field): no plausible range declared (Scenario+AssumptionRanges.swift, or an assumptions: entry)")
                missing = true
            }
        }
        if missing { throw ExitCode(2) }
    }
}
