import RunOutput
import ScenarioSpec

/// One simulated configuration of a search: the scenario as run, its report and each
/// objective's verdict. `size`, `size --sql-memory` and `plan` keep their searches' steps as
/// these, so a table, a CSV or a plan reads every step the same way.
public struct Evaluation: Sendable {
    /// Which question it answered: `servers`, `memory`, or the plan's `robust` answer.
    public var step: String
    public var scenario: Scenario
    public var report: RunReport
    public var verdicts: [SLOResult]

    public init(step: String, scenario: Scenario, report: RunReport, verdicts: [SLOResult]) {
        self.step = step
        self.scenario = scenario
        self.report = report
        self.verdicts = verdicts
    }

    /// Judges `report` against `slo`; the database's objectives read `scenario`'s database.
    public init(step: String, scenario: Scenario, report: RunReport, slo: ServiceLevelObjectives) {
        self.init(step: step, scenario: scenario, report: report,
                  verdicts: report.evaluate(slo, databaseName: scenario.managementGroup.database.name))
    }

    /// Every objective PASSes (UNSURE does not count as holding).
    public var holds: Bool { verdicts.allSatisfy { $0.verdict == .pass } }

    /// Additional management servers.
    public var servers: Int { scenario.additionalServerCount }
    /// SQL Server memory, GiB; infinite when the scenario sets none.
    public var memory: Double { scenario.managementGroup.database.memory ?? .infinity }
    /// The buffer pool's hit ratio the model used (1 without a memory size).
    public var hitRatio: Double { scenario.managementGroup.database.bufferPoolHitRatio ?? 1 }
}
