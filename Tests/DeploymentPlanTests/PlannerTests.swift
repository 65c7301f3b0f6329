import Testing
import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
@testable import DeploymentPlan

/// The recommendation for each published deployment size, and that it moves the right way
/// when the load or the failure requirement grows. Two replications a configuration and no
/// robust worlds keep it quick; the structure, not the digits, is asserted.
@Suite(.serialized) struct PlannerTests {
    static func plan(_ input: PlanInput) throws -> Plan {
        var p = input
        p.replications = 2
        p.seed = 7
        return try Planner(p).run(robustWorlds: 0) { s, _ in
            RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<s.replications, threads: 2))
        }
    }

    @Test(arguments: PlanScenarioTests.examples)
    func everySizeGetsAWholeAnswer(_ name: String) throws {
        let input = try PlanScenarioTests.example(name)
        let plan = try Self.plan(input)
        #expect(plan.final.holds)
        #expect(PlanScenario.memoryLadder.contains(plan.memory))
        #expect(plan.sqlCores >= 8)
        // Every console-taking server stays within the guidance objective of 60, with `down` down.
        #expect(plan.consolesPerServer.withDown <= 60)
        #expect(plan.servers >= input.down + (input.portalUsers > 0 ? 1 : 0))
        // The layout rule: the initial server takes consoles only with fewer than two additional servers.
        #expect(plan.initialTakesConsoles == (plan.servers < 2))
        // One server fewer (when there is one) did not hold, and says why.
        if plan.servers > input.down { #expect(plan.serversNote.hasPrefix("at \(plan.servers - 1):")) }
        #expect(plan.evaluations.contains { $0.step == "memory" } || input.sqlMemory != nil)
    }

    @Test func moreConsolesNeedMoreServers() throws {
        var p = try PlanScenarioTests.example("large")
        p.down = 0
        let base = try Self.plan(p)
        p.consoles = 160
        #expect(try Self.plan(p).servers > base.servers)
    }

    @Test func aServerDownNeedsAnotherServer() throws {
        var p = try PlanScenarioTests.example("large")
        p.down = 0
        let base = try Self.plan(p)
        p.down = 1
        #expect(try Self.plan(p).servers > base.servers)
    }

    @Test func moreComputersNeedNoLessMemory() throws {
        var p = try PlanScenarioTests.example("test-1")
        let base = try Self.plan(p)
        p.computers = 50000
        p.users = 50000
        let bigger = try Self.plan(p)
        #expect(bigger.memory > base.memory)
    }
}
