@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
import Testing

/// "Each additional management server can host up to 60 consoles" (S-TOPO) is planning
/// guidance: Service Manager refuses nobody. The model judges it as an objective
/// (`slo.maxConsolesPerServer`) and refuses connections only at a hard limit the planner
/// names (`connectionLimit`, default none). Until issue 18 the figure was a hard refusal.
struct ConnectionGuidanceTests {
    /// 80 consoles on one server: none is refused without a limit, the objective of 60 fails.
    @Test func guidanceIsJudgedNotEnforced() throws {
        var s = Fixtures.weekday()
        s.consoles.peak = 80
        s.consoles.start = .fixed
        s.managementGroup.additionalServers.consolesPerServer = nil
        s.managementGroup.additionalServers.count = 0
        s.duration = 1200
        s.warmup = 0
        s.replications = 2
        s.slo = ServiceLevelObjectives()
        s.slo.maxConsolesPerServer = 60
        try s.validate()
        #expect(s.layout.servers.allSatisfy { $0.connectionLimit == nil })
        let results = ScenarioRunner.run(s, replications: 0..<2, threads: 2)
        let report = RunReport(scenario: s, replications: results)
        #expect(report.estimate(.sessionsRefused)?.mean == 0)
        #expect(report.estimate(.serverConsolesPeak)?.mean == 80)
        let verdicts = report.evaluate(s.slo, databaseName: s.managementGroup.database.name)
        #expect(verdicts.count == 1 && verdicts[0].objective == .maxConsolesPerServer && verdicts[0].verdict == .fail)

        // A named hard limit still refuses.
        s.managementGroup.initialServer.connectionLimit = 60
        let limited = RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<2, threads: 2))
        #expect(limited.estimate(.sessionsRefused)?.mean == 20)
        #expect(limited.estimate(.serverConsolesPeak)?.mean == 60)
    }

    /// The shipped scenarios carry the guidance as an objective and no hard limit; an older
    /// file's `maxConsoles` keeps its meaning (a hard limit).
    @Test func shippedScenariosCarryTheObjectiveAndOldFilesKeepTheirLimit() throws {
        let weekday = try PlanningFixtures.shipped("weekday-50.yaml")
        #expect(weekday.slo.maxConsolesPerServer == 60)
        #expect(weekday.managementGroup.additionalServers.connectionLimit == nil)
        #expect(weekday.layout.servers.allSatisfy { $0.connectionLimit == nil })
        let old = try ScenarioLoader.load(path: PlanningFixtures.path("../examples/calibration/weekday-sql.yaml"))
        #expect(old.managementGroup.additionalServers.connectionLimit == 60)
    }

    /// `size` finds the floor from performance; when one server fewer fails only the
    /// guidance, it says the guidance binds.
    @Test func sizeSaysWhenTheGuidanceBinds() throws {
        // Half-active consoles: the CPU is light, so only the guidance can bind.
        let scenario = try PlanningFixtures.shipped("weekday-50-half-active.yaml", consoles: 120, replications: 3, duration: 2400)
        #expect(try SizeSearch(scenario: scenario, consoles: 120, slo: scenario.slo).floor() == 0)
        var slo = ServiceLevelObjectives()
        slo.p95Latency = 8
        slo.maxConsolesPerServer = 60
        let search = try SizeSearch(scenario: scenario, consoles: 120, slo: slo)
        let result = try search.run { s in
            RunReport(scenario: s, replications: ScenarioRunner.run(s, replications: 0..<s.replications, threads: 2))
        }
        #expect(result.servers >= 3)
        #expect(result.guidanceBinds, "\(result.evaluations.map { ($0.servers, $0.verdicts.map(\.verdict)) })")
        #expect(result.chosen.report.estimate(.sessionsRefused)?.mean == 0)
    }
}
