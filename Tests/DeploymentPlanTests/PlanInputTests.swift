import Testing
@testable import DeploymentPlan

@Suite struct PlanInputTests {
    @Test func readsAFile() throws {
        let p = try PlanInput.read(yaml: """
            computers: 20000
            consoles: 60
            retention: 30d
            connectors:
              - { kind: active-directory, objects: 20000 }
              - { kind: configuration-manager, objects: 20000 }
            storage: ssd
            """, file: "p.yaml")
        #expect(p.computers == 20000 && p.consoles == 60 && p.retention == 30 * 86_400)
        #expect(p.connectors == [.init(kind: .activeDirectory, objects: 20000), .init(kind: .configurationManager, objects: 20000)])
        #expect(p.storage == .ssd)
    }

    @Test func defaultsFollowTheCounts() throws {
        var p = PlanInput()
        p.computers = 20000
        #expect(p.effectiveUsers == 20000)
        #expect(p.effectiveIncidents == 40000)          // 2 per computer a month (S-TOPO)
        #expect(p.effectiveChangeRequests == 2000)      // S-TOPO's Large scenario
        #expect(p.workItemsPerHour == 42000.0 / 210)
        #expect(p.effectiveConnectors == [.init(kind: .activeDirectory, objects: 20000)])
    }

    @Test(arguments: [
        ("computers: 20000\nconsoles: many\n", "p.yaml:2:11: error: consoles: must be a whole number from 1 to 5000, got 'many'"),
        ("computers: 20000\nconsoles: 0\n", "p.yaml:2:11: error: consoles: must be a whole number from 1 to 5000, got '0'"),
        ("computers: 2.5\nconsoles: 3\n", "p.yaml:1:12: error: computers: must be a whole number from 1 to 1000000, got '2.5'"),
        ("computers: 100\nconsoles: 3\nlatency: 5x\n", "p.yaml:3:10: error: latency: must be a duration from 0s to 2s (250ms, 30s, 10m, 90d), got '5x'"),
        ("computers: 100\nconsols: 3\n", "p.yaml:2:1: error: consols: unknown key; the keys are " + PlanField.all.map(\.key).joined(separator: ", ")),
        ("computers: 100\nconnectors: [ { kind: dns, objects: 3 } ]\n",
         "p.yaml:2:13: error: connectors: must be KIND:OBJECTS with KIND one of active-directory, configuration-manager, operations-manager, orchestrator, exchange, got 'dns:3'"),
        ("- 1\n", "p.yaml:1:1: error: (document): a plan must be a mapping of keys (computers, consoles, …)"),
    ])
    func namesTheFieldLineAndRange(_ yaml: String, _ message: String) {
        #expect(throws: PlanInputError(message)) { try PlanInput.read(yaml: yaml, file: "p.yaml") }
    }

    @Test func aKeyGivenTwiceIsRefused() {
        #expect { try PlanInput.read(yaml: "computers: 100\ncomputers: 3\n", file: "p.yaml") } throws: { error in
            "\(error)".hasPrefix("p.yaml:") && "\(error)".contains("'computers'")
        }
    }

    @Test func flagsOverrideAndNameTheFlag() throws {
        var p = try PlanInput.read(yaml: "computers: 100\nconsoles: 3\n", file: "p.yaml")
        try p.apply(flags: [("consoles", "7"), ("connectors", "active-directory:10,exchange:5"), ("promotion", "20m")])
        #expect(p.consoles == 7 && p.promotion == 1200)
        #expect(p.connectors?.count == 2)
        #expect(throws: PlanInputError("--change-requests-per-month: must be a number from 0 to 10000000, got '-1'")) {
            try p.apply(flags: [("changeRequestsPerMonth", "-1")])
        }
    }

    @Test func requiredInputsAreNamed() {
        var p = PlanInput()
        p.consoles = 3
        #expect(throws: PlanInputError("--computers is required: computers managed (their configuration items fill the database), a whole number from 1 to 1000000")) {
            try p.checkComplete(flagged: true)
        }
        #expect(throws: PlanInputError.self) { try Planner(p) }
    }

    @Test func flagsAreTheKeysInKebabCase() {
        #expect(PlanField.named("changeRequestsPerMonth")?.flag == "--change-requests-per-month")
        #expect(PlanField.named("p95Latency")?.flag == "--p95-latency")
        #expect(Set(PlanField.all.map(\.key)).count == PlanField.all.count)
    }
}
