import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

/// The metric catalogue agrees with what the recorder measures, and each kind of number is
/// printed as documented.
@Suite struct MetricCatalogueTests {
    /// Every metric is recorded at exactly the station kinds its definition names, the
    /// group-wide rows come in catalogue order, and the per-server rows are the same at every server.
    @Test func recorderMeasuresWhatTheCatalogueDeclares() throws {
        var scenario = Fixtures.weekday(peak: 60, additional: 2, duration: 1200)
        // One scheduled job, so that the per-job metrics are recorded too.
        scenario.workflows.connectors = [ScheduledJob(name: "ad", kind: .activeDirectory, every: 300, objects: 5,
                                                      object: .init(server: Fixtures.d(0.1)))]
        let result = ManagementGroupModel.replicate(scenario, replication: 0)
        let layout = scenario.layout
        let servers = Set(layout.servers.map(\.name))
        let database = scenario.managementGroup.database.name
        func kind(_ station: String) -> StationKind? {
            station == "all" ? .all : station == database ? .database : servers.contains(station) ? .server
                : station == "ad" ? .job : nil
        }
        var seen: [Metric: Set<StationKind>] = [:]
        for row in result.summary {
            let k = try #require(kind(row.station), "unknown station \(row.station)")
            seen[row.metric, default: []].insert(k)
        }
        for metric in Metric.allCases where !metric.definition.workload {
            #expect(seen[metric] == metric.definition.scope,
                    "\(metric.csvName): recorded at \(seen[metric] ?? []), declared at \(metric.definition.scope)")
        }
        #expect(result.summary.filter { $0.station == "all" }.map(\.metric) == Metric.groupWide)
        let perServer = layout.servers.map { s in result.summary.filter { $0.station == s.name }.map(\.metric) }
        #expect(Set(perServer.map { $0.map(\.csvName).joined(separator: ",") }).count == 1)
    }

    @Test func everyObjectiveReadsAMetricWhereItIsRecorded() {
        for objective in Objective.allCases {
            let (metric, kind) = objective.reads
            #expect(metric.applies(at: kind), "\(objective) reads \(metric) at \(kind)")
            #expect(metric.higherIsWorse, "\(objective): a limit is an upper bound, so higher must be worse")
            #expect(metric.objectives.contains(objective))
        }
        #expect(Objective.p95Latency.limitUnit == MetricDisplay(unit: "s", scale: 0.001))
        #expect(Objective.maxDatabaseUtilization.station(database: "SQL") == "SQL")
        #expect(Objective.maxUtilization.station(database: "SQL") == "all")
        #expect(Objective.p95WorkflowLag.isDuration && !Objective.maxAbandonedSessions.isDuration)
    }

    @Test func objectivesAreReadAndWrittenByKey() {
        var slo = ServiceLevelObjectives()
        for (i, objective) in Objective.allCases.enumerated() { slo[objective] = Double(i + 1) }
        #expect(slo.p95Latency == 1 && slo.p99Latency == 2 && slo.maxUtilization == 3)
        #expect(slo.maxDatabaseUtilization == 4 && slo.p95WorkflowLag == 5 && slo.maxAbandonedSessions == 6)
        #expect(slo.objectives == Objective.allCases)
        slo[.p99Latency] = nil
        #expect(slo.p99Latency == nil && !slo.objectives.contains(.p99Latency))
    }

    @Test func csvNamesAreSnakeCaseAndLookUp() {
        for metric in Metric.allCases {
            #expect(metric.csvName.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(metric.csvName)")
            #expect(Metric(csvName: metric.csvName) == metric)
        }
        #expect(Metric(csvName: "latency_p95") == nil)
    }

    @Test func displayUnitsFollowTheRecordedUnit() {
        #expect(Metric.serverUtilizationPeak.display == MetricDisplay(unit: "pp", scale: 100))
        #expect(Metric.latencyP95.display == MetricDisplay(unit: "ms"))
        #expect(Metric.sessionsAbandoned.display.unit == "sessions")
        #expect(PlanningMetric(.utilizationPeak, station: "SQL").label == "database peak utilization")
        #expect(PlanningMetric(.latencyP95).label == "p95 latency")
    }

    @Test func eachKindOfNumberIsPrintedItsOwnWay() {
        #expect(NumberFormat.table(812.437) == "812.4")
        #expect(NumberFormat.table(0.712345) == "0.7123")
        #expect(NumberFormat.table(0) == "0")
        #expect(NumberFormat.table(1.5e7) == "1.5e+07")
        #expect(NumberFormat.table(.nan) == "n/a")
        #expect(NumberFormat.compact(1833.3) == "1833")
        #expect(NumberFormat.compact(12_345) == "1.234e+04")
        #expect(NumberFormat.compact(.infinity) == "n/a")
        #expect(NumberFormat.csv(812) == "812")
        #expect(NumberFormat.csv(812.4371) == "812.437")
        #expect(NumberFormat.csv(.nan) == "")
        #expect(NumberFormat.literal(3) == "3")
        #expect(NumberFormat.literal(0.55) == "0.55")
        #expect(NumberFormat.literal(1e20) == "1e+20")
        #expect(NumberFormat.message(0.91234) == "0.912")
        #expect(NumberFormat.elapsed(1.23456) == "1.235")
        #expect(NumberFormat.table.interval(1.5, 0.25) == "1.50 ± 0.25")
        #expect(NumberFormat.table.interval(1.5, .nan) == "1.500")
        #expect(NumberFormat.table.interval(0, 0, zeroAlone: true) == "0")
        #expect(NumberFormat.table.signed(2) == "+2.000")
        #expect(NumberFormat.table.signed(-0.5) == "-0.5000")
        #expect(NumberFormat.table.signed(.nan) == "n/a")
    }
}
