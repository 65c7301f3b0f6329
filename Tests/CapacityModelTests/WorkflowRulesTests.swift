@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
import Testing

/// Workflow rules as Service Manager has them (issue 18): each rule polls on its own and
/// takes up to its batch, "3–4 subscriptions per work item" is workflows per work item, and
/// a poll costs the database a query even when it finds nothing. Until issue 18 the shipped
/// `subscriptions: 4` capped the whole engine at 4 × 100 jobs a poll.
struct WorkflowRulesTests {
    static func storm(rules: Int?, threads: Int = 64) -> Scenario {
        var s = Fixtures.weekday(peak: 10, additional: 0, duration: 3600)
        s.warmup = 0
        s.replications = 2
        s.workflows.rules = rules
        s.workflows.concurrency = threads
        s.workflows.job = Workflows.Job(server: try! .exponential(mean: 0.01))
        s.workflows.bursts = [Workflows.Burst(name: "import", at: 60, jobs: 6000)]
        s.managementGroup.initialServer.cores = 64
        return s
    }

    static func report(_ s: Scenario) -> RunReport {
        RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<s.replications, threads: 2))
    }

    /// 6 000 jobs with ample threads: 4 shared subscriptions take 400 a minute (15 minutes);
    /// 60 rules of 100 each take them all within a minute or two. The drain is a result.
    @Test func rulesPollOnTheirOwnAndTheDrainIsAResult() throws {
        let old = Self.report(Self.storm(rules: nil))
        let rules = Self.report(Self.storm(rules: 60))
        let oldDrain = try #require(old.estimate(.workflowDrain)).mean
        let newDrain = try #require(rules.estimate(.workflowDrain)).mean
        #expect(oldDrain > 14 * 60, "old drain \(oldDrain)")
        #expect(newDrain < 3 * 60, "rules drain \(newDrain)")
        // With 4 engine threads the threads set it instead: about 6 000 × 10 ms / 4 = 15 s of CPU,
        // well below the poll limit, so it still drains within a few polls.
        #expect(old.conserved && rules.conserved)
    }

    /// Polls cost the database even when nothing is triggered: 60 rules a minute at 100 ms
    /// each is 0.1 of a core, 1/80 of an 8-core database's capacity.
    @Test func pollsCostTheDatabaseEvenWhenIdle() throws {
        var s = Fixtures.weekday(peak: 1, additional: 0, duration: 3600)
        s.consoles.requests = s.consoles.requests.map { var r = $0; r.workflowsPerRequest = 0; r.database = nil; return r }
        s.warmup = 0
        s.replications = 2
        s.workflows.recurring = []
        s.workflows.rules = 60
        var q = Workflows.PollQuery(database: try .deterministic(0.1))
        q.pageReads = 0
        s.workflows.pollQuery = q
        let withQuery = Self.report(s)
        s.workflows.pollQuery = nil
        let free = Self.report(s)
        let db = s.managementGroup.database.name
        let busy = try #require(withQuery.estimate(.utilization, station: db)).mean
        let idle = try #require(free.estimate(.utilization, station: db)).mean
        #expect(abs(busy - idle - 0.1 / 8) < 0.002, "database \(busy) vs \(idle)")
    }

    /// The schema: rules and the old subscriptions are exclusive; a poll query needs rules.
    @Test func rulesAndSubscriptionsAreExclusive() throws {
        let base = try String(contentsOfFile: PlanningFixtures.path("weekday-50.yaml"), encoding: .utf8)
        let both = base.replacingOccurrences(of: "  rules: 60\n", with: "  rules: 60\n  subscriptions: 4\n")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(yaml: both, file: "both.yaml") }
        let noRules = base.replacingOccurrences(of: "  rules: 60\n", with: "")
        #expect(throws: ScenarioError.self) { try ScenarioLoader.parse(yaml: noRules, file: "norules.yaml") }
        let shipped = try ScenarioLoader.load(path: PlanningFixtures.path("weekday-50.yaml"))
        #expect(shipped.workflows.rules == 60 && shipped.workflows.pollQuery != nil)
    }
}
