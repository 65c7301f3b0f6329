import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

/// The schema against `Documentation/Scenario.md`, and the sections that may be left out.
@Suite("ScenarioSchema")
struct ScenarioSchemaTests {
    /// Keys in the field-reference tables of Scenario.md, as dotted paths (`consoles.requests.weight`).
    /// A table belongs to the heading above it: `## Top level`, or a heading naming a path in
    /// backticks (`### \`consoles.requests[]\``); the first cell of each row is a key in backticks.
    static func documentedKeys() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Documentation/Scenario.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var section: String?
        var keys: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") {
                let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                if title == "Top level" {
                    section = ""
                } else if title.hasPrefix("`"), title.hasSuffix("`") {
                    section = String(title.dropFirst().dropLast()).replacingOccurrences(of: "[]", with: "")
                } else {
                    section = nil
                }
            } else if let section, line.hasPrefix("| `") {
                let key = line.dropFirst(3).prefix { $0 != "`" }
                keys.insert(section.isEmpty ? String(key) : section + "." + key)
            }
        }
        return keys
    }

    @Test func everyFieldIsDocumentedAndEveryDocumentedFieldExists() throws {
        let schema = Set(ScenarioSchema.reference.map(\.path))
        let documented = try Self.documentedKeys()
        #expect(schema.count > 60)
        #expect(schema.subtracting(documented).sorted() == [], "fields missing from Documentation/Scenario.md")
        #expect(documented.subtracting(schema).sorted() == [], "documented fields the schema does not have")
    }

    @Test func referenceNamesNestedAndSharedSections() {
        let paths = ScenarioSchema.reference.map(\.path)
        #expect(paths.contains("consoles.requests.workflowsPerRequest"))
        #expect(paths.contains("workflows.job.server"))
        #expect(paths.contains("workflows.recurring.job"))
        #expect(!paths.contains("workflows.recurring.job.server"), "a recurring job's keys are documented at workflows.job")
        #expect(Set(paths).count == paths.count, "each key once")
        let peak = ScenarioSchema.reference.first { $0.path == "consoles.peak" }
        #expect(peak?.type == "integer" && peak?.range == "≥ 1")
        #expect(ScenarioSchema.reference.first { $0.path == "duration" }?.unit == "s")
    }

    /// A bound declared in the schema is the documented range and the check, for a scenario
    /// built in code as for a file: in a list item, in an optional value, with its unit.
    @Test func boundsInTheSchemaAreChecked() throws {
        let base = try ScenarioLoader.parse(yaml: Self.closedNoWorkflows, file: "closed.yaml")
        func problem(_ change: (inout Scenario) -> Void) -> ScenarioProblem? {
            var s = base
            change(&s)
            return s.problems().first
        }
        #expect(problem { _ in } == nil)
        #expect(problem { $0.consoles.requests[0].roundTrips = 0 }
                == ScenarioProblem(field: "consoles.requests[0].roundTrips", message: "must be at least 1, got 0"))
        #expect(problem { $0.managementGroup.database.memory = 0 }
                == ScenarioProblem(field: "managementGroup.database.memory", message: "must be positive (GiB), got 0"))
        #expect(problem { $0.slo.maxUtilization = 1.5 }
                == ScenarioProblem(field: "slo.maxUtilization", message: "must be above 0 and at most 1, got 1.5"))
        #expect(problem { $0.failures.reconnect.retryEvery = -30 }
                == ScenarioProblem(field: "failures.reconnect.retryEvery", message: "must be positive, got -30s"))
        #expect(problem { $0.managementGroup.database.popularity = .nan }
                == ScenarioProblem(field: "managementGroup.database.popularity", message: "must be between 0 and 3, got nan"))
        // The range column of the reference is the bound's text.
        let reference = Dictionary(uniqueKeysWithValues: ScenarioSchema.reference.map { ($0.path, $0.range) })
        #expect(reference["managementGroup.database.memory"] == "> 0")
        #expect(reference["slo.maxUtilization"] == "(0, 1]")
        #expect(reference["managementGroup.database.popularity"] == "0 … 3")
        #expect(reference["failures.down"] == "≥ 0")
    }

    static let closedNoWorkflows = """
    name: closed
    duration: 1h
    consoles:
      peak: 20
      start: fixed
      thinkTime: { distribution: exponential, mean: 10s }
      requests:
        - { name: view, weight: 1, server: { distribution: exponential, mean: 100ms } }
    """

    @Test func closedPopulationNeedsNeitherSessionLengthNorWorkflows() throws {
        let scenario = try ScenarioLoader.parse(yaml: Self.closedNoWorkflows, file: "closed.yaml")
        #expect(scenario.consoles.start == .fixed)
        #expect(scenario.workflows.recurring.isEmpty && scenario.workflows.bursts.isEmpty)
    }

    @Test func openPopulationStillNeedsSessionLength() {
        let yaml = Self.closedNoWorkflows.replacingOccurrences(of: "start: fixed", with: "start: steady")
        #expect(throws: ScenarioError(file: "open.yaml", line: 4, column: 3, field: "consoles.sessionLength",
                                      message: "required key 'sessionLength' is missing (a closed population, start: fixed, is the only one without sessions)")) {
            try ScenarioLoader.parse(yaml: yaml, file: "open.yaml")
        }
    }

    @Test func requestsThatTriggerWorkflowsNeedTheWorkflowsBlock() {
        let yaml = Self.closedNoWorkflows.replacingOccurrences(
            of: "mean: 100ms } }", with: "mean: 100ms }, workflowsPerRequest: 2 }")
        #expect(throws: ScenarioError(file: "w.yaml", line: 8, column: 105, field: "consoles.requests[0].workflowsPerRequest",
                                      message: "triggers workflow jobs, so the scenario needs a workflows block with a job")) {
            try ScenarioLoader.parse(yaml: yaml, file: "w.yaml")
        }
    }
}
