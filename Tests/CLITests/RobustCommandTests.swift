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

    @Test func shardedThenMergedIsTheUnshardedRunByteForByte() throws {
        let dir = try PlanningCommandTests.workspace()
        let common = ["--robust", "--points", "5", "--replications", "1", "--threads", "2", "--share", "0.01", "--quiet"]
        let whole = try SmsimProcess.run(["check", dir + "/small.yaml"] + common + ["--no-screen", "--out", dir + "/whole"])
        #expect(whole.status == 0, "stderr: \(whole.stderr)")
        for i in 1...2 {
            let shard = try SmsimProcess.run(["check", dir + "/small.yaml"] + common + ["--shard", "\(i)/2", "--out", dir + "/sharded"])
            #expect(shard.status == 0, "stderr: \(shard.stderr)")
        }
        // One shard alone is not the whole: merging refuses a missing shard.
        let merged = try SmsimProcess.run(["merge", dir + "/sharded"])
        #expect(merged.status == 0, "stdout: \(merged.stdout) stderr: \(merged.stderr)")
        #expect(merged.stdout.contains("plausible worlds: P = "))
        #expect(try PlanningCommandTests.bytes(dir + "/sharded/robust.csv") == PlanningCommandTests.bytes(dir + "/whole/robust.csv"))
        try Self.expectSameText(dir + "/sharded/robust.txt", as: dir + "/whole/robust.txt", shards: 2)
        try FileManager.default.removeItem(atPath: dir + "/sharded/shard-2-of-2")
        let incomplete = try SmsimProcess.run(["merge", dir + "/sharded", "--out", dir + "/m2"])
        #expect(incomplete.status == 2)
        #expect(incomplete.stderr.contains("shard-2-of-2"))
        #expect(try SmsimProcess.run(["check", dir + "/small.yaml", "--robust", "--shard", "3/2"]).status == 2)
    }

    /// A merged robust.txt is the unsharded run's, section by section (the heading, the
    /// probability, what was varied, each objective, what decides it), all but the closing
    /// line: the run's timing there, the shards merged here.
    static func expectSameText(_ merged: String, as whole: String, shards: Int) throws {
        let m = try String(contentsOfFile: merged, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let w = try String(contentsOfFile: whole, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(m.count == w.count, "merged:\n\(m.joined(separator: "\n"))\nwhole:\n\(w.joined(separator: "\n"))")
        #expect(m.count > 4, "the whole text, not a summary")
        for (i, (a, b)) in zip(m, w).enumerated().dropLast(2) { #expect(a == b, "line \(i + 1)") }
        #expect(m.dropLast().last == "merged from \(shards) shard(s): \(try PlanningCommandTests.bytes(merged.replacingOccurrences(of: "robust.txt", with: "robust.csv")).split(separator: 10).count - 1) worlds, every one simulated")
        #expect(w.dropLast().last?.contains(" s (") == true, "the whole run's timing line")
    }

    @Test func robustCompareGivesEachRatiosProbabilityAndTheToleranceAndMergesFromShards() throws {
        let dir = try PlanningCommandTests.workspace()
        let common = ["--ratios", "40,50", "--robust", "--points", "4", "--replications", "1", "--threads", "2", "--share", "0.01"]
        let out = try SmsimProcess.run(["compare", dir + "/small.yaml"] + common + ["--tolerance", "10%", "--out", dir + "/c"])
        #expect(out.status == 0, "stdout: \(out.stdout) stderr: \(out.stderr)")
        #expect(out.stdout.contains("40 consoles/server: every objective holds, P = "))
        #expect(out.stdout.contains("50 vs 40: p95 latency within 10 % of 40's, P = "))
        let csv = try String(contentsOfFile: dir + "/c/robust-compare.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 5)
        #expect(csv[0].hasSuffix(",p95@50,holds@50,within@50"))
        for i in 1...2 {
            let shard = try SmsimProcess.run(["compare", dir + "/small.yaml"] + common + ["--shard", "\(i)/2", "--out", dir + "/s", "--quiet"])
            #expect(shard.status == 0, "stderr: \(shard.stderr)")
        }
        #expect(try SmsimProcess.run(["merge", dir + "/s", "--quiet"]).status == 0)
        for name in ["robust-compare.csv", "robust.csv"] {
            #expect(try PlanningCommandTests.bytes(dir + "/s/" + name) == PlanningCommandTests.bytes(dir + "/c/" + name), "\(name)")
        }
        try Self.expectSameText(dir + "/s/robust.txt", as: dir + "/c/robust.txt", shards: 2)
        let bad = try SmsimProcess.run(["compare", dir + "/small.yaml"] + common + ["--tolerance", "much"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--tolerance"))
    }

    @Test func robustSizeGivesTheShareAtEachCountAndRefusesAShard() throws {
        let dir = try PlanningCommandTests.workspace()
        let out = try SmsimProcess.run(["size", dir + "/small.yaml", "--robust", "--points", "4", "--replications", "1", "--threads", "2",
                                        "--share", "0.75", "--out", dir + "/z"])
        #expect(out.status == 0, "stdout: \(out.stdout) stderr: \(out.stderr)")
        #expect(out.stdout.contains("additional server(s): every objective holds in"))
        let counts = try String(contentsOfFile: dir + "/z/robust-size.csv", encoding: .utf8).split(separator: "\n")
        #expect(counts.count >= 2)
        #expect(counts.dropFirst().filter { $0.hasSuffix(",1") }.count == 1, "one count is the answer")
        #expect(FileManager.default.fileExists(atPath: dir + "/z/robust.csv"))
        let shard = try SmsimProcess.run(["size", dir + "/small.yaml", "--robust", "--shard", "1/2"])
        #expect(shard.status == 2)
        #expect(shard.stderrLines.count == 1)
    }
}
