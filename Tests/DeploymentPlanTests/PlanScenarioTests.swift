import Testing
import Foundation
import ScenarioSpec
import Planning
@testable import DeploymentPlan

/// The generated scenario: it loads, carries the planner's numbers, and cites its sources.
@Suite struct PlanScenarioTests {
    static let examples = ["test", "small", "medium", "large", "advanced", "test-1", "test-2"]

    static func example(_ name: String) throws -> PlanInput {
        let path = "examples/plan/\(name).yaml"
        return try PlanInput.read(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    @Test(arguments: examples)
    func everyExampleBuildsAValidScenario(_ name: String) throws {
        let p = try Self.example(name)
        let s = try PlanScenario.scenario(p, servers: 2, memory: 16)
        #expect(s.consoles.peak == p.consoles)
        #expect(s.managementGroup.additionalServers.count == 2)
        #expect(s.managementGroup.database.memory == 16)
        #expect(s.failures.down == p.down)
        #expect((s.portal != nil) == (p.portalUsers > 0))
        #expect(s.workflows.connectors.count == p.effectiveConnectors.count)
    }

    /// The plan's own assumptions have plausible ranges: no quantity of an example's scenario
    /// lacks one, each connector's changed objects and the portal's trickles are varied, and
    /// the save weights take the range of the requests a console makes in an hour.
    @Test(arguments: examples)
    func everyAssumptionOfThePlanHasARange(_ name: String) throws {
        let p = try Self.example(name)
        let s = try PlanScenario.scenario(p, servers: 2, memory: 16)
        #expect(AssumptionTable(s).missing == [])
        let factors = SensitivityFactor.assumed(for: s)
        let fields = Set(factors.map(\.quantity.field))
        for i in s.workflows.connectors.indices {
            #expect(fields.contains("workflows.connectors[\(i)].objects"), "\(name): connector \(i)")
        }
        if let portal = s.portal {
            let trickles = factors.filter { $0.quantity.group == .portalTrickle }
            #expect(trickles.count == portal.arrivals.count - 1, "\(name): every step but the surge")
            #expect(trickles.allSatisfy { $0.high == 4 * $0.low })
        }
        let range = Scenario.requestsPerConsoleHourRange.values(around: PlanScenario.requestsPerConsoleHour)
        #expect(range.low < PlanScenario.requestsPerConsoleHour && PlanScenario.requestsPerConsoleHour < range.high)
        for request in ["create-work-item", "update-work-item"] {
            let i = try #require(s.consoles.requests.firstIndex { $0.name == request })
            let weight = s.consoles.requests[i].weight
            let factor = try #require(factors.first { $0.quantity.field == "consoles.requests[\(i)].weight" })
            #expect(abs(factor.low - weight * PlanScenario.requestsPerConsoleHour / range.high) < 1e-3 * weight, "\(name): \(request)")
            #expect(abs(factor.high - weight * PlanScenario.requestsPerConsoleHour / range.low) < 1e-3 * weight, "\(name): \(request)")
        }
    }

    @Test func workItemsSetTheSaveWeights() throws {
        var p = PlanInput()
        p.computers = 20000
        p.consoles = 40
        p.incidentsPerMonth = 42000
        p.changeRequestsPerMonth = 10500
        let s = try PlanScenario.scenario(p)
        let create = try #require(s.consoles.requests.first { $0.name == "create-work-item" })
        // 250 an hour from 40 consoles of 225 requests an hour: Test 1's 0.0278.
        #expect(abs(create.weight - 250.0 / 40 / 225) < 1e-4)
        #expect(create.workflowsPerRequest == 3.5)
    }

    @Test func promotionLosesTheInitialServerAndDropsTheLagObjective() throws {
        var p = try Self.example("large")
        p.promotion = 900
        let s = try PlanScenario.scenario(p, servers: 3)
        #expect(s.failures.scheduled.first?.target == .server("MS01"))
        #expect(s.failures.promotion.after.mean == 900)
        #expect(s.slo.p95WorkflowLag == nil)
        #expect(try PlanScenario.scenario(Self.example("large")).slo.p95WorkflowLag == 300)
    }

    /// Every input line of the generated file says where its number comes from: a ledger id,
    /// "assumption", or the planner.
    @Test func everyNumberCitesItsSource() throws {
        var p = try Self.example("advanced")
        p.promotion = 1200
        let text = PlanScenario.yaml(p, servers: 3, memory: 32)
        let cited = ["[F", "assumption", "planner", "searched", "S-"]
        let structural = ["name:", "seed:", "duration:", "warmup:", "window:", "replications:", "managementGroup:", "database:",
                          "consoles:", "requests:", "workflows:", "recurring:", "connectors:", "portal:", "arrivals:", "failures:",
                          "scheduled:", "peak:", "start: fixed", "dedicatedServer", "server: MS02", "requestsPerVisit", "thinkTime", "sessionLength", "loadBalancing",
                          "- { from:", "maxUsers", "logon:", "networkLatency: 1ms", "- { name: open-view", "- { name: open-form",
                          "- { name: search", "- { name: update-work-item", "- { name: my-requests", "- { name: offerings",
                          "- { name: knowledge", "- { name: open-incident", "concurrency:", "job:", "reconnect:", "- { server: MS01"]
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !structural.contains(where: { trimmed.hasPrefix($0) }) else { continue }
            #expect(cited.contains { line.contains($0) }, "uncited: \(line)")
        }
    }
}
