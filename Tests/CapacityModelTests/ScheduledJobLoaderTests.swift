@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Testing

/// Connectors, grooming, data warehouse jobs, static shares and the promotion procedure as
/// written in a scenario file: read into the scenario, and refused with file, line and field.
@Suite("ScheduledJobLoader")
struct ScheduledJobLoaderTests {
    static let base = """
    name: t
    duration: 10h
    managementGroup: { additionalServers: { count: 2 } }
    consoles:
      peak: 100
      sessionLength: { distribution: exponential, mean: 1h }
      thinkTime: { distribution: exponential, mean: 30s }
      requests:
        - { name: a, weight: 1, server: { distribution: exponential, mean: 100ms } }
    workflows:
      job: { server: { distribution: exponential, mean: 400ms } }
    """

    static let jobs = """
      connectors:
        - name: cm
          kind: configuration-manager
          every: 4h
          objects: 200
          object: { server: { distribution: exponential, mean: 500ms }, database: { distribution: exponential, mean: 1.3s } }
          initialSync: { objects: 20000 }
      grooming:
        - { name: groom, offset: 2h, objects: 700, object: { database: { distribution: exponential, mean: 500ms } } }
    dataWarehouse:
      jobs:
        - { name: extract, every: 30m, objects: 1, object: { database: { distribution: exponential, mean: 60s } } }
    """

    static func parse(_ yaml: String) throws(ScenarioError) -> Scenario { try ScenarioLoader.parse(yaml: yaml, file: "t.yaml") }

    static func error(_ yaml: String) -> String {
        do {
            _ = try parse(yaml)
            return "parsed"
        } catch {
            return error.description
        }
    }

    @Test func scheduledJobsAreRead() throws {
        let s = try Self.parse(Self.base + "\n" + Self.jobs)
        #expect(s.workflows.connectors.map(\.name) == ["cm"])
        #expect(s.workflows.connectors[0].kind == .configurationManager)
        #expect(s.workflows.connectors[0].initialSync?.objects == 20000 && s.workflows.connectors[0].initialSync?.at == 0)
        #expect(s.workflows.grooming[0].every == 86_400 && s.workflows.grooming[0].offset == 7200)
        #expect(s.dataWarehouse.map(\.kind) == [.warehouse] && s.dataWarehouse[0].object.server == nil)
        #expect(s.scheduledJobs.count == 3)
    }

    @Test func scheduledJobErrorsNameTheirPlace() {
        let full = Self.base + "\n" + Self.jobs
        #expect(Self.error(full.replacingOccurrences(of: "configuration-manager", with: "configuration-manger"))
            .hasPrefix("t.yaml:14:13: error: workflows.connectors[0].kind: "))
        #expect(Self.error(full.replacingOccurrences(of: "kind: configuration-manager", with: "kind: grooming"))
            .hasPrefix("t.yaml:14:13: error: workflows.connectors[0].kind: 'grooming' is not a connector"))
        #expect(Self.error(full.replacingOccurrences(of: "name: extract", with: "name: cm"))
            .hasPrefix("t.yaml:23:"))
        #expect(Self.error(full.replacingOccurrences(of: "{ objects: 20000 }", with: "{ objects: 0 }"))
            .hasPrefix("t.yaml:18:31: error: workflows.connectors[0].initialSync.objects: must be at least 1"))
        #expect(Self.error(full.replacingOccurrences(of: "object: { database: { distribution: exponential, mean: 60s } }",
                                                     with: "object: { server: { distribution: exponential, mean: 60s } }"))
            .hasPrefix("t.yaml:23:"))
    }

    @Test func staticSharesAreReadAndChecked() throws {
        let shared = Self.base.replacingOccurrences(of: "  peak: 100\n", with: """
          peak: 100
          loadBalancing: static
          shares: [ { server: MS02, share: 3, team: service desk }, { server: MS03, share: 1 } ]

        """)
        let s = try Self.parse(shared)
        #expect(s.consoles.shares.map(\.server) == ["MS02", "MS03"] && s.consoles.shares[0].team == "service desk")
        #expect(Self.error(shared.replacingOccurrences(of: "server: MS03", with: "server: MS09"))
            .hasPrefix("t.yaml:7:"))
        #expect(Self.error(shared.replacingOccurrences(of: "server: MS03", with: "server: MS01")).contains("does not accept consoles"))
        #expect(Self.error(shared.replacingOccurrences(of: "  loadBalancing: static\n", with: ""))
            .contains("consoles.shares: shares apply only without a load balancer"))
        #expect(Self.error(Self.base.replacingOccurrences(of: "  peak: 100\n", with: "  peak: 100\n  loadBalancing: static\n"))
            .contains("loadBalancing: static needs shares"))
    }

    @Test func promotionProcedureIsRead() throws {
        let s = try Self.parse(Self.base + """

        failures:
          promotion:
            after: { distribution: deterministic, value: 10m }
            procedure: { duration: { distribution: deterministic, value: 15m }, cpu: { distribution: deterministic, value: 5m }, consoles: move }
        """)
        #expect(s.failures.promotion.procedure?.consoles == .move)
        #expect(s.failures.promotion.procedure?.duration.mean == 900 && s.failures.promotion.procedure?.cpu?.mean == 300)
    }
}
