import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

// MARK: - Fixtures

/// A scenario that uses every field.
private let fullScenario = """
name: weekday-40
seed: 20261125
duration: 10h
warmup: 30m
window: 5m
replications: 12
managementGroup:
  initialServer: { name: MS01, cores: 4, acceptsConsoles: auto, maxConsoles: 60, discipline: ps }
  additionalServers: { consolesPerServer: 50, cores: 4, maxConsoles: 60, namePrefix: MS, discipline: fcfs }
  database: { name: SQL, cores: 8, discipline: ps }
consoles:
  peak: 410
  start: empty
  profile: [ { from: 0h, rate: 1.0 }, { from: 9h, rate: 0.4 } ]
  sessionLength: { distribution: lognormal, mean: 3h, cv: 0.6 }
  thinkTime: { distribution: exponential, mean: 30s }
  loadBalancing: round-robin
  networkLatency: 20ms
  requests:
    - { name: open-view, weight: 0.55, server: {distribution: gamma, mean: 120ms, cv: 1.2}, database: {distribution: gamma, mean: 60ms, cv: 1.0}, serverAfter: {distribution: exponential, mean: 10ms} }
    - name: save-work-item
      weight: 0.15
      server: { distribution: erlang, k: 3, mean: 200ms }
      database: { distribution: uniform, low: 50ms, high: 150ms }
      workflowsPerRequest: 3.5
    - { name: search, weight: 0.3, server: { distribution: normal, mean: 0.3, sd: 100ms } }
    - { name: ping, weight: 0, server: { distribution: deterministic, value: 1ms } }
    - { name: replay, weight: 0.1, server: { distribution: empirical, values: [10ms, 20ms, 0.03] } }
workflows:
  pollInterval: 60s
  batchSize: 100
  subscriptions: 3
  concurrency: 4
  job: { server: { distribution: exponential, mean: 400ms }, database: { distribution: exponential, mean: 150ms } }
  recurring:
    - { name: group-calculation, every: 30s, offset: 10s, jobs: 1, job: { server: { distribution: exponential, mean: 2s } } }
    - { name: ad-connector, every: 1h, jobs: 50 }
  bursts:
    - { name: bulk-import, at: 4h, jobs: 3000 }
failures:
  scheduled:
    - { server: MS03, at: 2h, repairAfter: 45m }
    - { database: true, at: 3h, repairAfter: 90s }
    - { server: MS10, at: 1h30m }
  random: { appliesTo: all, timeToFailure: { distribution: weibull, mean: 720h, shape: 1.5 }, timeToRepair: { distribution: lognormal, mean: 2h, cv: 1 } }
  reconnect: { delay: { distribution: exponential, mean: 2m }, retryEvery: 15s, giveUpAfter: 20m }
  promotion: { after: { distribution: lognormal, mean: 20m, cv: 0.5 }, choose: MS04, failBack: yes }
  down: 1
slo: { p95Latency: 2s, p99Latency: 5s, maxUtilization: 0.8, maxDatabaseUtilization: 0.75, p95WorkflowLag: 5m, maxAbandonedSessions: 0 }
"""

/// The smallest valid scenario; the malformed cases below edit one line of it.
/// Line numbers are those of this text (1-based).
private let minimal = """
name: t
duration: 10h
consoles:
  peak: 100
  sessionLength: { distribution: exponential, mean: 1h }
  thinkTime: { distribution: exponential, mean: 30s }
  requests:
    - { name: a, weight: 1, server: { distribution: exponential, mean: 100ms } }
workflows:
  job: { server: { distribution: exponential, mean: 400ms } }
"""

/// `minimal` with `old` replaced by `new` (which must occur exactly once).
private func edit(_ old: String, _ new: String) -> String {
    precondition(minimal.components(separatedBy: old).count == 2, "fixture text not found once: \(old)")
    return minimal.replacingOccurrences(of: old, with: new)
}

/// `minimal` with `lines` appended (they start at line 11).
private func appending(_ lines: String) -> String { minimal + "\n" + lines }

private func parseError(_ yaml: String) -> ScenarioError? {
    do {
        _ = try ScenarioLoader.parse(yaml: yaml, file: "t.yaml")
        return nil
    } catch {
        return error
    }
}

/// Asserts that `yaml` is refused with a description starting `prefix: ` and a message
/// containing `containing`.
private func expectError(_ yaml: String, _ prefix: String, _ containing: String = "",
                         sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error = parseError(yaml) else {
        Issue.record("expected \(prefix), but the scenario parsed", sourceLocation: sourceLocation)
        return
    }
    let located = prefix.replacingOccurrences(of: ": ", with: ": error: ", options: [], range: prefix.range(of: ": "))
    #expect(error.description.hasPrefix(located + ": "), "\(error.description)", sourceLocation: sourceLocation)
    #expect(containing.isEmpty || error.message.contains(containing), "\(error.description)", sourceLocation: sourceLocation)
    #expect(!error.description.contains("\n"), "\(error.description)", sourceLocation: sourceLocation)
}

// MARK: - Valid scenarios

@Suite("ScenarioLoader")
struct ScenarioLoaderTests {
    @Test func fullScenarioParses() throws {
        let s = try ScenarioLoader.parse(yaml: fullScenario, file: "full.yaml")
        #expect(s.name == "weekday-40")
        #expect(s.seed == 20_261_125)
        #expect(s.duration == 36_000)
        #expect(s.warmup == 1_800)
        #expect(s.window == 300)
        #expect(s.replications == 12)

        let mg = s.managementGroup
        #expect(mg.initialServer.name == "MS01")
        #expect(mg.initialServer.cores == 4)
        #expect(mg.initialServer.acceptsConsoles == .auto)
        #expect(mg.initialServer.connectionLimit == 60)
        #expect(mg.initialServer.discipline == .processorSharing)
        #expect(mg.additionalServers.count == nil)
        #expect(mg.additionalServers.consolesPerServer == 50)
        #expect(mg.additionalServers.discipline == .fcfs)
        #expect(mg.database.name == "SQL")
        #expect(mg.database.cores == 8)

        // ceil(410 / 50) = 9 additional servers, MS02…MS10; the initial server leaves the pool.
        let layout = s.layout
        #expect(layout.additionalCount == 9)
        #expect(layout.ratio == 50)
        #expect(layout.servers.map(\.name) == ["MS01"] + (2...10).map { $0 < 10 ? "MS0\($0)" : "MS\($0)" })
        #expect(layout.servers[0].acceptsConsoles == false)

        let c = s.consoles
        #expect(c.peak == 410)
        #expect(c.start == .empty)
        #expect(c.profile == [.init(from: 0, rate: 1), .init(from: 32_400, rate: 0.4)])
        #expect(c.sessionLength == (try .lognormal(mean: 10_800, cv: 0.6)))
        #expect(c.thinkTime == (try .exponential(mean: 30)))
        #expect(c.loadBalancing == .roundRobin)
        #expect(abs(c.networkLatency - 0.02) < 1e-12)
        #expect(c.requests.map(\.name) == ["open-view", "save-work-item", "search", "ping", "replay"])
        #expect(c.requests.map(\.weight) == [0.55, 0.15, 0.3, 0, 0.1])
        let open = c.requests[0]
        #expect(abs(open.server.mean - 0.12) < 1e-12 && abs(open.server.cv - 1.2) < 1e-12)
        #expect(abs((open.database?.mean ?? 0) - 0.06) < 1e-12)
        #expect(abs((open.serverAfter?.mean ?? 0) - 0.01) < 1e-12)
        #expect(open.workflowsPerRequest == 0)
        let save = c.requests[1]
        #expect(save.server == (try .erlang(k: 3, mean: 0.2)))
        #expect(save.database == (try .uniform(low: 0.05, high: 0.15)))
        #expect(save.serverAfter == nil)
        #expect(save.workflowsPerRequest == 3.5)
        #expect(c.requests[2].server == (try .truncatedNormal(mean: 0.3, sd: 0.1)))
        #expect(c.requests[3].server == (try .deterministic(0.001)))
        #expect(c.requests[4].server == (try .empirical([0.01, 0.02, 0.03])))

        let w = s.workflows
        #expect(w.pollInterval == 60 && w.batchSize == 100 && w.subscriptions == 3 && w.concurrency == 4)
        #expect(w.job.server == (try .exponential(mean: 0.4)))
        #expect(w.job.database == (try .exponential(mean: 0.15)))
        #expect(w.recurring.count == 2)
        #expect(w.recurring[0].name == "group-calculation" && w.recurring[0].every == 30)
        #expect(w.recurring[0].offset == 10 && w.recurring[0].jobs == 1)
        #expect(w.recurring[0].job?.server == (try .exponential(mean: 2)))
        #expect(w.recurring[0].job?.database == nil)
        #expect(w.recurring[1].every == 3_600 && w.recurring[1].offset == nil && w.recurring[1].job == nil)
        #expect(w.bursts.count == 1 && w.bursts[0].name == "bulk-import")
        #expect(w.bursts[0].at == 14_400 && w.bursts[0].jobs == 3_000)

        let f = s.failures
        #expect(f.scheduled.count == 3)
        #expect(f.scheduled[0].target == .server("MS03") && f.scheduled[0].at == 7_200 && f.scheduled[0].repairAfter == 2_700)
        #expect(f.scheduled[1].target == .database && f.scheduled[1].at == 10_800 && f.scheduled[1].repairAfter == 90)
        #expect(f.scheduled[2].target == .server("MS10") && f.scheduled[2].at == 5_400 && f.scheduled[2].repairAfter == nil)
        #expect(f.random?.appliesTo == .all)
        #expect(f.random?.timeToFailure == (try .weibull(mean: 2_592_000, shape: 1.5)))
        #expect(f.random?.timeToRepair == (try .lognormal(mean: 7_200, cv: 1)))
        #expect(f.reconnect.delay == (try .exponential(mean: 120)))
        #expect(f.reconnect.retryEvery == 15 && f.reconnect.giveUpAfter == 1_200)
        #expect(f.promotion.after == (try .lognormal(mean: 1_200, cv: 0.5)))
        #expect(f.promotion.choose == .server("MS04"))
        #expect(f.promotion.failBack == true)
        #expect(f.down == 1)

        #expect(s.slo.p95Latency == 2 && s.slo.p99Latency == 5)
        #expect(s.slo.maxUtilization == 0.8 && s.slo.maxDatabaseUtilization == 0.75)
        #expect(s.slo.p95WorkflowLag == 300 && s.slo.maxAbandonedSessions == 0)

        try s.validate()
    }

    @Test func minimalScenarioTakesTheDefaults() throws {
        let s = try ScenarioLoader.parse(yaml: minimal, file: "t.yaml")
        let defaults = ManagementGroup()
        #expect(s.seed == 1 && s.warmup == 0 && s.window == 300 && s.replications == 10)
        #expect(s.managementGroup.initialServer.cores == defaults.initialServer.cores)
        #expect(s.managementGroup.database.cores == 8)
        #expect(s.layout.additionalCount == 0 && s.layout.servers.map(\.name) == ["MS01"])
        #expect(s.layout.servers[0].acceptsConsoles)
        #expect(s.consoles.start == .steady && s.consoles.loadBalancing == .leastConnections)
        #expect(s.consoles.profile == [.init(from: 0, rate: 1)])
        #expect(s.workflows.pollInterval == 60 && s.workflows.batchSize == 100 && s.workflows.concurrency == 4)
        #expect(s.failures.scheduled.isEmpty && s.failures.random == nil && s.failures.down == 0)
        #expect(s.failures.reconnect.retryEvery == 30 && s.failures.reconnect.giveUpAfter == 1_800)
        #expect(s.failures.promotion.choose == .leastLoaded && !s.failures.promotion.failBack)
        #expect(s.slo.isEmpty)
    }

    @Test func explicitCountAndBooleanAdmission() throws {
        let s = try ScenarioLoader.parse(yaml: appending("""
            managementGroup:
              initialServer: { acceptsConsoles: true }
              additionalServers: { count: 3, namePrefix: SM }
            """), file: "t.yaml")
        #expect(s.layout.servers.map(\.name) == ["MS01", "SM02", "SM03", "SM04"])
        #expect(s.layout.ratio == nil)
        #expect(s.managementGroup.initialServer.acceptsConsoles == .yes)
        #expect(s.layout.servers[0].acceptsConsoles)
    }

    @Test func anchorsAndMergeKeys() throws {
        let s = try ScenarioLoader.parse(yaml: appending("""
            slo: { p95Latency: 2s }
            failures:
              reconnect: { delay: &quick { distribution: gamma, mean: 1m, cv: 0.5 } }
              promotion: { after: { <<: *quick, mean: 10m } }
            """), file: "t.yaml")
        #expect(s.failures.reconnect.delay == (try .gamma(mean: 60, cv: 0.5)))
        #expect(s.failures.promotion.after == (try .gamma(mean: 600, cv: 0.5)))
    }

    @Test func durationSyntax() {
        let cases: [(String, Double)] = [
            ("90", 90), ("0.25", 0.25), ("1e3", 1_000), ("250ms", 0.25), ("30s", 30), ("5m", 300),
            ("1.5h", 5_400), ("1d", 86_400), ("1h30m", 5_400), ("2m 30s", 150), (".5s", 0.5), ("0", 0),
        ]
        for (text, seconds) in cases {
            #expect(DurationSyntax.parse(text) == seconds, "\(text)")
        }
        for text in ["10x", "fast", "-5s", "-5", "9:00", "", "5 m s", "30m1h", "1h30", "s", "0x10", "inf", "nan"] {
            #expect(DurationSyntax.parse(text) == nil, "\(text)")
        }
        #expect(DurationSyntax.format(36_000) == "10h")
        #expect(DurationSyntax.format(5_400) == "90m")
        #expect(DurationSyntax.format(0.25) == "250ms")
        #expect(DurationSyntax.format(1.5) == "1.5s")
    }

    @Test func loadsAFile() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("smsim-loader-\(UUID().uuidString).yaml").path
        try minimal.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ScenarioLoader.load(path: path).name == "t")
    }

    // MARK: - Malformed files

    @Test func unreadableFile() {
        let path = "/nonexistent/smsim/scenario.yaml"
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        do {
            _ = try ScenarioLoader.load(path: path)
        } catch {
            #expect(error.description.hasPrefix("\(path):0:0: error: (file): "))
        }
    }

    @Test func syntaxErrors() {
        expectError("name: t\nconsoles: [1, 2\n", "t.yaml:3:1: (syntax)")
        expectError("name: t\n  duration: 10h\n", "t.yaml:2:11: (syntax)")
        expectError("name: t\nname: u\n", "t.yaml:2:1: name", "'name' appears more than once in this mapping (first at line 1)")
    }

    @Test func emptyOrNonMappingDocument() {
        expectError("", "t.yaml:1:1: (document)", "empty")
        expectError("# only a comment\n", "t.yaml:1:1: (document)", "empty")
        expectError("- a\n- b\n", "t.yaml:1:1: (document)", "mapping")
    }

    @Test func unknownKeys() {
        expectError(edit("  peak: 100", "  peek: 100"), "t.yaml:4:3: consoles.peek", "did you mean 'peak'?")
        expectError(appending("colour: red"), "t.yaml:11:1: colour", "expected one of name, seed, duration")
        expectError(edit("mean: 100ms", "mean: 100ms, cvv: 1"),
                    "t.yaml:8:79: consoles.requests[0].server.cvv", "did you mean 'cv'?")
    }

    @Test func wrongTypes() {
        expectError(edit("peak: 100", "peak: many"), "t.yaml:4:9: consoles.peak", "expected a whole number, got the text 'many'")
        expectError(edit("peak: 100", "peak: \"100\""), "t.yaml:4:9: consoles.peak", "remove the quotes")
        expectError(edit("peak: 100", "peak: 100.5"), "t.yaml:4:9: consoles.peak", "whole number")
        expectError(appending("replications: [1]"), "t.yaml:11:15: replications", "got a list")
        expectError(appending("slo: { maxUtilization: 80% }"), "t.yaml:11:24: slo.maxUtilization", "fractions")
        expectError(appending("failures: [1]"), "t.yaml:11:11: failures", "expected a mapping, got a list")
        expectError(appending("failures: { promotion: { failBack: maybe } }"),
                    "t.yaml:11:36: failures.promotion.failBack", "expected true or false")
        expectError(appending("managementGroup: { database: { discipline: lifo } }"),
                    "t.yaml:11:44: managementGroup.database.discipline", "expected one of ps, fcfs")
        expectError(appending("seed: -1"), "t.yaml:11:7: seed", "from 0 to")
    }

    @Test func missingRequiredKeys() {
        expectError(edit("name: t\n", ""), "t.yaml:1:1: name", "required key 'name' is missing")
        expectError(edit("  thinkTime: { distribution: exponential, mean: 30s }\n", ""),
                    "t.yaml:4:3: consoles.thinkTime", "missing")
        expectError(edit("name: a, ", ""), "t.yaml:8:7: consoles.requests[0].name", "missing")
        expectError(edit("{ distribution: exponential, mean: 1h }", "{ distribution: exponential }"),
                    "t.yaml:5:18: consoles.sessionLength.mean", "exponential takes mean")
        expectError(appending("failures: { scheduled: [ { at: 1h } ] }"),
                    "t.yaml:11:26: failures.scheduled[0]", "server: NAME or database: true")
    }

    @Test func nonPositiveDurations() {
        expectError(edit("duration: 10h", "duration: 0"), "t.yaml:2:11: duration", "must be positive, got 0s")
        expectError(appending("window: 0s"), "t.yaml:11:9: window", "must be positive")
        let wf = "  job: { server: { distribution: exponential, mean: 400ms } }"
        expectError(edit(wf, wf + "\n  pollInterval: 0"), "t.yaml:11:17: workflows.pollInterval", "must be positive")
        expectError(appending("failures: { reconnect: { retryEvery: 0ms } }"),
                    "t.yaml:11:38: failures.reconnect.retryEvery", "must be positive")
        expectError(appending("failures: { reconnect: { giveUpAfter: 0 } }"),
                    "t.yaml:11:39: failures.reconnect.giveUpAfter", "must be positive")
    }

    @Test func warmupAndWindowAgainstDuration() {
        expectError(appending("warmup: 12h"), "t.yaml:11:9: warmup", "must be less than duration (10h), got 12h")
        expectError(appending("warmup: 10h"), "t.yaml:11:9: warmup", "less than duration")
        expectError(appending("window: 11h"), "t.yaml:11:9: window", "must not exceed duration")
    }

    @Test func unparsableDurations() {
        for text in ["10x", "fast", "-5s", "9:00"] {
            expectError(edit("duration: 10h", "duration: \(text)"), "t.yaml:2:11: duration", "ms, s, m, h or d")
        }
        expectError(edit("mean: 30s", "mean: soon"), "t.yaml:6:49: consoles.thinkTime.mean", "ms, s, m, h or d")
    }

    @Test func requestWeights() {
        expectError(edit("weight: 1", "weight: -1"), "t.yaml:8:26: consoles.requests[0].weight",
                    "must be zero or positive, got -1")
        expectError(edit("weight: 1", "weight: 0"), "t.yaml:8:5: consoles.requests", "sum to a positive number")
        expectError(edit("weight: 1", "weight: 1, workflowsPerRequest: -0.5"),
                    "t.yaml:8:50: consoles.requests[0].workflowsPerRequest", "must be zero or positive")
    }

    @Test func duplicateRequestNames() {
        expectError(edit("workflows:", "    - { name: a, weight: 2, server: { distribution: exponential, mean: 1s } }\nworkflows:"),
                    "t.yaml:9:15: consoles.requests[1].name", "duplicate request name 'a'")
    }

    @Test func serverSizing() {
        expectError(appending("managementGroup: { initialServer: { cores: 0 } }"),
                    "t.yaml:11:44: managementGroup.initialServer.cores", "must be at least 1, got 0")
        expectError(appending("managementGroup: { additionalServers: { connectionLimit: 0 } }"),
                    "t.yaml:11:58: managementGroup.additionalServers.connectionLimit", "at least 1")
        expectError(appending("managementGroup: { additionalServers: { connectionLimit: 50, maxConsoles: 60 } }"),
                    "t.yaml:11:75: managementGroup.additionalServers.maxConsoles", "old name of connectionLimit")
        expectError(appending("managementGroup: { additionalServers: { consolesPerServer: 0 } }"),
                    "t.yaml:11:60: managementGroup.additionalServers.consolesPerServer", "at least 1")
        expectError(appending("managementGroup: { additionalServers: { consolesPerServer: 70, connectionLimit: 60 } }"),
                    "t.yaml:11:60: managementGroup.additionalServers.consolesPerServer", "a ratio above connectionLimit (60)")
        expectError(appending("managementGroup: { additionalServers: { count: 2, consolesPerServer: 50 } }"),
                    "t.yaml:11:70: managementGroup.additionalServers.consolesPerServer", "not both")
        expectError(appending("managementGroup: { additionalServers: { count: -1 } }"),
                    "t.yaml:11:48: managementGroup.additionalServers.count", "at least 0")
    }

    @Test func workflowCounts() {
        let wf = "  job: { server: { distribution: exponential, mean: 400ms } }"
        expectError(edit(wf, wf + "\n  batchSize: 0"), "t.yaml:11:14: workflows.batchSize", "at least 1")
        expectError(edit(wf, wf + "\n  concurrency: 0"), "t.yaml:11:16: workflows.concurrency", "at least 1")
        expectError(edit(wf, wf + "\n  subscriptions: 0"), "t.yaml:11:18: workflows.subscriptions", "at least 1")
        expectError(edit(wf, wf + "\n  recurring: [ { name: r, every: 0s, jobs: 1 } ]"),
                    "t.yaml:11:34: workflows.recurring[0].every", "must be positive")
        expectError(edit(wf, wf + "\n  recurring: [ { name: r, every: 30s, jobs: 0 } ]"),
                    "t.yaml:11:45: workflows.recurring[0].jobs", "at least 1")
        expectError(edit(wf, wf + "\n  bursts: [ { name: b, at: 1h, jobs: 0 } ]"),
                    "t.yaml:11:38: workflows.bursts[0].jobs", "at least 1")
    }

    @Test func burstOutsideTheRun() {
        let wf = "  job: { server: { distribution: exponential, mean: 400ms } }"
        expectError(edit(wf, wf + "\n  bursts: [ { name: b, at: 10h, jobs: 5 } ]"),
                    "t.yaml:11:28: workflows.bursts[0].at", "below duration (10h), got 10h")
    }

    @Test func scheduledFailures() {
        let sized = "managementGroup: { additionalServers: { count: 2 } }\n"
        expectError(appending(sized + "failures: { scheduled: [ { server: MS09, at: 1h } ] }"),
                    "t.yaml:12:36: failures.scheduled[0].server", "the servers are MS01, MS02, MS03")
        expectError(appending(sized + "failures: { scheduled: [ { server: MS02, at: 11h } ] }"),
                    "t.yaml:12:46: failures.scheduled[0].at", "within the run")
        expectError(appending(sized + "failures: { scheduled: [ { server: MS02, database: true, at: 1h } ] }"),
                    "t.yaml:12:52: failures.scheduled[0].database", "not both")
    }

    @Test func promotionChoice() {
        let sized = "managementGroup: { additionalServers: { count: 2 } }\n"
        expectError(appending(sized + "failures: { promotion: { choose: MS07 } }"),
                    "t.yaml:12:34: failures.promotion.choose", "the additional servers are MS02, MS03")
        expectError(appending(sized + "failures: { promotion: { choose: MS01 } }"),
                    "t.yaml:12:34: failures.promotion.choose", "is the initial server")
    }

    @Test func serversDown() {
        expectError(appending("managementGroup: { additionalServers: { count: 2 } }\nfailures: { down: 2 }"),
                    "t.yaml:12:19: failures.down", "less than the number of additional servers (2), got 2")
        expectError(appending("failures: { down: 1 }"), "t.yaml:11:19: failures.down", "(0)")
        expectError(appending("failures: { down: -1 }"), "t.yaml:11:19: failures.down", "at least 0")
    }

    @Test func utilizationObjectives() {
        expectError(appending("slo: { maxUtilization: 1.5 }"), "t.yaml:11:24: slo.maxUtilization", "at most 1, got 1.5")
        expectError(appending("slo: { maxDatabaseUtilization: 0 }"), "t.yaml:11:32: slo.maxDatabaseUtilization", "above 0")
    }

    @Test func distributions() {
        expectError(edit("exponential, mean: 30s }", "exponential, mean: 30s, cv: 1 }"),
                    "t.yaml:6:54: consoles.thinkTime.cv", "'cv' does not apply to exponential, which takes mean")
        expectError(edit("exponential, mean: 30s }", "lognormal, mean: 30s, cv: 0 }"),
                    "t.yaml:6:14: consoles.thinkTime", "lognormal cv must be positive")
        expectError(edit("exponential, mean: 30s }", "expo, mean: 30s }"),
                    "t.yaml:6:30: consoles.thinkTime.distribution", "did you mean 'exponential'?")
        expectError(edit("{ distribution: exponential, mean: 30s }", "30s"),
                    "t.yaml:6:14: consoles.thinkTime", "expected a distribution")
    }

    @Test func profileRules() {
        let at = "  thinkTime: { distribution: exponential, mean: 30s }"
        expectError(edit(at, at + "\n  profile: [ { from: 1h, rate: 1 } ]"),
                    "t.yaml:7:22: consoles.profile[0].from", "must start at 0")
        expectError(edit(at, at + "\n  profile: [ { from: 0, rate: 1 }, { from: 9h, rate: 1 }, { from: 8h, rate: 1 } ]"),
                    "t.yaml:7:67: consoles.profile[2].from", "strictly increasing")
        expectError(edit(at, at + "\n  profile: [ { from: 0, rate: 0 } ]"), "t.yaml:7:12: consoles.profile", "above 0")
        expectError(edit(at, at + "\n  profile: [ { from: 0, rate: 1 }, { from: 25h, rate: 1 } ]"),
                    "t.yaml:7:44: consoles.profile[1].from", "below 24h")
    }

    @Test func validateOnAScenarioBuiltInCode() throws {
        var s = try ScenarioLoader.parse(yaml: minimal, file: "t.yaml")
        s.consoles.peak = 0
        #expect(throws: ScenarioError(file: "(scenario)", line: 0, column: 0, field: "consoles.peak",
                                      message: "must be at least 1, got 0")) { try s.validate() }
    }

    @Test func descriptionIsOneLine() {
        let error = ScenarioError(file: "f.yaml", line: 3, column: 7, field: "x", message: "two\nlines")
        #expect(error.description == "f.yaml:3:7: error: x: two lines")
    }
}
