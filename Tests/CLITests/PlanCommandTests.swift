import Foundation
import Testing

/// `smsim plan` as a planner runs it: flags, the files it writes, and the generated scenario
/// repeating the answer under `smsim lint`, `size` and `check`.
@Suite struct PlanCommandTests {
    @Test func theWrittenScenarioRepeatsThePlansAnswer() throws {
        let dir = try PlanningCommandTests.workspace()
        let out = try SmsimProcess.run(["plan", "--name", "smalltest", "--computers", "2000", "--consoles", "70", "--down", "1",
                                        "--replications", "2", "--points", "0", "--out", dir + "/plan",
                                        "--write-scenario", dir + "/planned.yaml", "--threads", "2"])
        #expect(out.status == 0, "stdout: \(out.stdout) stderr: \(out.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/plan/plan.json"))) as! [String: Any]
        let servers = try #require(plan["additionalServers"] as? Int)
        let memory = try #require(plan["sqlMemoryGiB"] as? Double)
        #expect(servers >= 2)
        #expect(out.stdout.contains("smalltest: \(servers) additional management server(s)"))
        for file in ["plan.txt", "plan.csv", "scenario.yaml", "answer/summary.csv"] {
            #expect(FileManager.default.fileExists(atPath: "\(dir)/plan/\(file)"), "\(file) missing")
        }
        #expect(try PlanningCommandTests.bytes(dir + "/planned.yaml") == PlanningCommandTests.bytes(dir + "/plan/scenario.yaml"))
        #expect(try String(contentsOfFile: dir + "/planned.yaml", encoding: .utf8).contains("memory: \(Int(memory))"))

        #expect(try SmsimProcess.run(["lint", dir + "/planned.yaml"]).status == 0)
        // size on the written scenario finds the same count (same seed and replications).
        let size = try SmsimProcess.run(["size", dir + "/planned.yaml", "--down", "1", "--json", "--quiet", "--out", dir + "/size", "--threads", "2"])
        #expect(size.status == 0, "stderr: \(size.stderr)")
        let sized = try JSONSerialization.jsonObject(with: Data(size.stdout.utf8)) as! [String: Any]
        #expect(sized["servers"] as? Int == servers)
        // check on it passes: every objective holds at the answer, with the server down.
        let check = try SmsimProcess.run(["check", dir + "/planned.yaml", "--quiet"])
        #expect(check.status == 0, "stdout: \(check.stdout) stderr: \(check.stderr)")
    }

    @Test func badNumbersAreOneLineErrorsNamingTheFlagOrField() throws {
        let dir = try PlanningCommandTests.workspace()
        let missing = try SmsimProcess.run(["plan", "--consoles", "40"])
        #expect(missing.status == 2)
        #expect(missing.stderrLines.count == 1 && missing.stderr.contains("--computers is required"))
        let range = try SmsimProcess.run(["plan", "--computers", "100", "--consoles", "40", "--storage", "tape"])
        #expect(range.status == 2 && range.stderr.contains("--storage: must be one of hdd15k, ssd, got 'tape'"))
        try "computers: 100\nconsoles: 4\ndown: many\n".write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        let file = try SmsimProcess.run(["plan", dir + "/p.yaml"])
        #expect(file.status == 2)
        #expect(file.stderrLines.count == 1 && file.stderr.contains("p.yaml:3:7: error: down: must be a whole number from 0 to 20, got 'many'"))
    }

    @Test func helpExplainsEveryInput() throws {
        let help = try SmsimProcess.run(["help", "plan"])
        #expect(help.status == 0)
        for flag in ["--computers", "--consoles", "--incidents-per-month", "--change-requests-per-month", "--retention", "--latency",
                     "--down", "--promotion", "--portal-users", "--connectors", "--sql-memory", "--storage", "--write-scenario", "--points"] {
            #expect(help.stdout.contains(flag), "\(flag) not in smsim help plan")
        }
        #expect(help.stdout.contains("default 2 per computer"))
    }
}
