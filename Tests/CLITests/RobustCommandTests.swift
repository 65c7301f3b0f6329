import Foundation
import Testing

/// `smsim check --robust` and `smsim lint --assumptions` as a user runs them.
@Suite struct RobustCommandTests {
    @Test func robustCheckWritesOneRowPerWorldAndItsReport() throws {
        let dir = try PlanningCommandTests.workspace()
        let out = try SmsimProcess.run(["check", dir + "/small.yaml", "--robust", "--points", "4", "--replications", "1",
                                        "--threads", "2", "--out", dir + "/robust", "--report", "--report-validation-scale", "0", "--share", "0.01"])
        #expect(out.status == 0, "stdout: \(out.stdout) stderr: \(out.stderr)")
        #expect(out.stdout.contains("plausible worlds: P = "))
        #expect(out.stdout.contains("Wilson interval"))
        let csv = try String(contentsOfFile: dir + "/robust/robust.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("world,consoles.thinkTime.mean,"))
        #expect(lines[0].hasSuffix(",decided,holds"))
        let html = try String(contentsOfFile: dir + "/robust/report.html", encoding: .utf8)
        #expect(html.contains("does the answer survive its assumptions?"))
        #expect(html.contains("<circle"))
        // Same seed, same bytes.
        let again = try SmsimProcess.run(["check", dir + "/small.yaml", "--robust", "--points", "4", "--replications", "1",
                                          "--threads", "1", "--out", dir + "/again", "--share", "0.01", "--quiet"])
        #expect(again.status == 0)
        #expect(try PlanningCommandTests.bytes(dir + "/again/robust.csv") == PlanningCommandTests.bytes(dir + "/robust/robust.csv"))
    }

    @Test func robustCheckBelowTheShareIsStatus1AndBadOptionsStatus2() throws {
        let dir = try PlanningCommandTests.workspace { $0.replacingOccurrences(of: "p95Latency: 4s", with: "p95Latency: 0.1s") }
        let fail = try SmsimProcess.run(["check", dir + "/small.yaml", "--robust", "--points", "4", "--replications", "1", "--out", dir + "/r"])
        #expect(fail.status == 1, "stdout: \(fail.stdout) stderr: \(fail.stderr)")
        #expect(fail.stderr.contains("holds in 0 of 4 worlds"))
        #expect(try SmsimProcess.run(["check", dir + "/small.yaml", "--robust", "--points", "1"]).status == 2)
        #expect(try SmsimProcess.run(["check", dir + "/small.yaml", "--robust", "--share", "2"]).status == 2)
    }

    @Test func lintPrintsEveryRangeAndRefusesABadEntry() throws {
        let dir = try PlanningCommandTests.workspace()
        let out = try SmsimProcess.run(["lint", "--assumptions", dir + "/small.yaml"])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        #expect(out.stdout.contains("consoles.thinkTime.mean (think time) = 15 s: 9 s … 30 s"))
        #expect(out.stdout.contains("held — the planner's question"))
        let bad = try PlanningCommandTests.workspace { $0 + "assumptions:\n  - { field: thinkTime.mean, low: 20s, high: 10s }\n" }
        let refused = try SmsimProcess.run(["lint", "--assumptions", bad + "/small.yaml"])
        #expect(refused.status == 2)
        #expect(refused.stderrLines.count == 1)
        #expect(refused.stderr.contains("small.yaml:") && refused.stderr.contains("assumptions[0].high"))
    }
}
