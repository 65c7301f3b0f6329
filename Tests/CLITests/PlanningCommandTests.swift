import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `smsim check`, `compare`, `sweep`, `merge`, `size` and `run --precision` as a user runs them.
@Suite struct PlanningCommandTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    /// A fresh directory holding `small.yaml`: the shipped weekday-40 scenario cut to 40 minutes,
    /// 80 consoles and 3 replications, its utilization objective relaxed to 0.95 (so that every
    /// objective clearly PASSes), with `edit` applied to its text.
    static func workspace(_ edit: (String) -> String = { $0 }) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-cli-planning-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var text = try String(contentsOf: scenarios.appendingPathComponent("weekday-40.yaml"), encoding: .utf8)
        for (old, new) in [("duration: 10h", "duration: 40m"), ("warmup: 30m", "warmup: 10m"), ("  peak: 400", "  peak: 80"),
                           ("replications: 10", "replications: 3"),
                           ("maxUtilization: 0.85", "maxUtilization: 0.95"),
                           // The guidance objective stays in; 3 short replications need a looser mark to decide.
                           ("maxConsolesPerServer: 60", "maxConsolesPerServer: 100")] {
            precondition(text.contains(old), "fixture text not found: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try edit(text).write(toFile: dir + "/small.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    // MARK: check

    @Test func checkPassesAndWritesJUnit() throws {
        let dir = try Self.workspace()
        let out = try SmsimProcess.run(["check", dir + "/small.yaml", "--junit", dir + "/reports/slo.xml"])
        #expect(out.status == 0, "stdout: \(out.stdout) stderr: \(out.stderr)")
        let verdictLines = out.stdout.split(separator: "\n").filter { $0.hasPrefix("PASS") || $0.hasPrefix("FAIL") || $0.hasPrefix("UNSURE") }
        #expect(verdictLines.count == 5)
        #expect(out.stdout.contains("all 5 objective(s) PASS"))

        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: dir + "/reports/slo.xml"), options: [])
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "tests")?.stringValue == "5")
        #expect(suite.attribute(forName: "failures")?.stringValue == "0")
        #expect(suite.elements(forName: "testcase").count == 5)
        // Nothing else is written without --out.
        let listing = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(listing == ["reports", "small.yaml"])
    }

    @Test func checkFailsOnAViolationAndOnUnsure() throws {
        let tight = try Self.workspace { $0.replacingOccurrences(of: "p95Latency: 4s", with: "p95Latency: 1s") }
        let fail = try SmsimProcess.run(["check", tight + "/small.yaml", "--junit", tight + "/slo.xml"])
        #expect(fail.status == 1, "stderr: \(fail.stderr)")
        #expect(fail.stdout.contains("FAIL   p95Latency"))
        #expect(fail.stderr.hasPrefix("smsim: check failed: violated: p95Latency"))
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: tight + "/slo.xml"), options: [])
        let failures = try document.nodes(forXPath: "//testcase[@name='p95Latency']/failure")
        #expect(failures.count == 1)

        // A limit at the estimated mean: the interval straddles it.
        let pass = try SmsimProcess.run(["check", try Self.workspace() + "/small.yaml"])
        let line = try #require(pass.stdout.split(separator: "\n").first { $0.contains("p95Latency") })
        let mean = try #require(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first)
        let unsure = try Self.workspace { $0.replacingOccurrences(of: "p95Latency: 4s", with: "p95Latency: \(mean)") }
        let result = try SmsimProcess.run(["check", unsure + "/small.yaml"])
        #expect(result.status == 1, "stdout: \(result.stdout)")
        #expect(result.stdout.contains("UNSURE p95Latency"))
        #expect(result.stderr.contains("unsure: p95Latency") && result.stderr.contains("add replications"))
    }

    @Test func checkBadInputIsStatus2() throws {
        let noSLO = try Self.workspace { $0.split(separator: "\n").filter { !$0.hasPrefix("slo:") }.joined(separator: "\n") }
        let result = try SmsimProcess.run(["check", noSLO + "/small.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no slo block"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try SmsimProcess.run(["check", noSLO + "/missing.yaml"]).status == 2)
        #expect(try SmsimProcess.run(["check", noSLO + "/small.yaml", "--max-replications", "5"]).status == 2)
    }

    // MARK: run --precision

    @Test func precisionRunIsTheSameOnAnyThreadCount() throws {
        let dir = try Self.workspace()
        var outputs: [Data] = []
        for threads in ["1", "2"] {
            let result = try SmsimProcess.run(["run", dir + "/small.yaml", "--precision", "0.05", "--max-replications", "8",
                                               "--threads", threads, "--out", dir + "/t" + threads])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.hasPrefix("precision: "))
            outputs.append(try Self.bytes(dir + "/t\(threads)/summary.csv"))
        }
        #expect(outputs[0] == outputs[1])
    }

    // MARK: compare

    @Test func compareWritesPairedDifferencesAndEachConfiguration() throws {
        let dir = try Self.workspace()
        let result = try SmsimProcess.run(["compare", dir + "/small.yaml", "--ratios", "40,50", "--out", dir + "/cmp"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let headline = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("50 vs 40: ") })
        #expect(headline.contains("p95 latency +") && headline.contains("(paired 95 % CI; unpaired ± "))
        #expect(headline.hasSuffix("servers 2 vs 2"))
        let csv = String(decoding: try Self.bytes(dir + "/cmp/compare.csv"), as: UTF8.self)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "scenario,ratio_a,ratio_b,servers_a,servers_b,replications,metric,station,mean_a,mean_b,diff,paired_ci95,unpaired_ci95")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("weekday-40,40,50,2,2,3,") })
        for ratio in ["40", "50"] {
            for file in ["timeseries.csv", "timeseries-mean.csv", "summary.csv", "events.csv", "run.json"] {
                #expect(FileManager.default.fileExists(atPath: "\(dir)/cmp/ratio-\(ratio)/\(file)"), "ratio-\(ratio)/\(file)")
            }
        }
        #expect(try SmsimProcess.run(["compare", dir + "/small.yaml", "--ratios", "40"]).status == 2)
        #expect(try SmsimProcess.run(["compare", dir + "/small.yaml", "--ratios", "40,x"]).status == 2)
    }

    // MARK: sweep and merge

    @Test func shardedAndResumedSweepsEqualTheStraightOne() throws {
        let dir = try Self.workspace()
        let grid = ["--servers", "2...3", "--consoles", "60,80", "--replications", "2"]
        let straight = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/straight"])
        #expect(straight.status == 0, "stderr: \(straight.stderr)")
        #expect(straight.stdout.contains("sweep complete: 4 point(s) run"))
        let expected = try Self.bytes(dir + "/straight/sweep.csv")

        // Interrupted after one point, then resumed.
        let first = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/resumed", "--stop-after", "1"])
        #expect(first.status == 0)
        #expect(first.stdout.contains("1 of 4 done"))
        let rest = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/resumed", "--threads", "1"])
        #expect(rest.stdout.contains("3 point(s) run, 1 already done"))
        #expect(try Self.bytes(dir + "/resumed/sweep.csv") == expected)

        // Two shards, merged.
        for shard in ["1/2", "2/2"] {
            let result = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/sharded", "--shard", shard])
            #expect(result.status == 0, "stderr: \(result.stderr)")
        }
        let merge = try SmsimProcess.run(["merge", dir + "/sharded/shard-1-of-2", dir + "/sharded/shard-2-of-2", "--out", dir + "/sharded"])
        #expect(merge.status == 0, "stderr: \(merge.stderr)")
        #expect(try Self.bytes(dir + "/sharded/sweep.csv") == expected)
        // One shard alone is not the sweep.
        let partial = try SmsimProcess.run(["merge", dir + "/sharded/shard-1-of-2", "--out", dir + "/partial"])
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("incomplete"))
    }

    @Test func sweepBadInputIsStatus2() throws {
        let dir = try Self.workspace()
        for arguments in [["--servers", "2,3", "--ratios", "40", "--consoles", "100"], ["--servers", "3...2"], ["--servers", "1", "--down", "1"],
                          ["--shard", "3/2"], ["--ratios", "0"]] {
            let result = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("smsim: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    // MARK: size

    @Test func sizeJSONNamesTheAnswerAndTheCountBelow() throws {
        let dir = try Self.workspace()
        let result = try SmsimProcess.run(["size", dir + "/small.yaml", "--consoles", "120", "--max-utilization", "0.6",
                                           "--json", "--out", dir + "/size"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try JSONValue.parse(result.stdout).object)
        let servers = try #require(json["servers"]?.number)
        #expect(json["consoles"]?.number == 120)
        let below = try #require(json["below"]?.object)
        #expect(below["servers"]?.number == servers - 1)
        #expect(below["holds"] == .bool(false))
        #expect(json["chosen"]?.object?["holds"] == .bool(true))
        #expect(FileManager.default.fileExists(atPath: dir + "/size/size.csv"))

        let text = try SmsimProcess.run(["size", dir + "/small.yaml", "--consoles", "120", "--max-utilization", "0.6",
                                         "--out", dir + "/size"])
        #expect(text.stdout.contains("weekday-40 at 120 consoles: \(Int(servers)) additional server(s)"))
        #expect(text.stdout.contains("equivalent ratio: consolesPerServer"))
        #expect(try SmsimProcess.run(["size", dir + "/small.yaml", "--consoles", "120", "--slo-p95", "fast"]).status == 2)
    }

    /// When the database cannot meet its objective, no server count helps: exit 1, with the evidence.
    @Test func sizeSaysWhenNoCountCanDo() throws {
        let dir = try Self.workspace { $0.replacingOccurrences(of: "maxDatabaseUtilization: 0.8", with: "maxDatabaseUtilization: 0.05") }
        let result = try SmsimProcess.run(["size", dir + "/small.yaml", "--consoles", "120", "--json", "--out", dir + "/size"])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("the database is the bottleneck"))
        let json = try #require(try JSONValue.parse(result.stdout).object)
        #expect(json["servers"] == nil)
        #expect(json["unattainable"] != nil)
        #expect(FileManager.default.fileExists(atPath: dir + "/size/size.csv"))
    }

    // MARK: size --sql-memory

    /// Test 2's group at 50 000 computers, shortened, p95 ≤ 5 s: 8 GB fails, 32 GB holds; the CSV is the
    /// same bytes on a second run; options that size servers are refused with it.
    @Test func sizeSQLMemoryFindsTheLeastSizeThatHolds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-cli-memory-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var text = try String(contentsOf: Self.scenarios.appendingPathComponent("published/sql-memory-50k.yaml"), encoding: .utf8)
        for (old, new) in [("duration: 2h", "duration: 20m"), ("warmup: 20m", "warmup: 5m"), ("replications: 10", "replications: 3"),
                           // Three short replications decide a looser mark; the workflow lag sits near its 60 s.
                           ("slo: { p95Latency: 4s, p95WorkflowLag: 60s }", "slo: { p95Latency: 5s }")] {
            precondition(text.contains(old), "fixture text not found: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        let first = try SmsimProcess.run(["size", dir + "/m.yaml", "--sql-memory", "8,32", "--out", dir + "/a"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("sql-memory-50k: 32 GiB of SQL memory"), "\(first.stdout)")
        #expect(first.stdout.contains("at 8 GiB: hit ratio"))
        let csv = try String(contentsOfFile: dir + "/a/sql-memory.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 3 && rows[1].contains(",8,3,0,") && rows[2].contains(",32,3,1,1,"), "\(csv)")
        _ = try SmsimProcess.run(["size", dir + "/m.yaml", "--sql-memory", "8,32", "--quiet", "--out", dir + "/b"])
        #expect(try Self.bytes(dir + "/a/sql-memory.csv") == (try Self.bytes(dir + "/b/sql-memory.csv")))
        let refused = try SmsimProcess.run(["size", dir + "/m.yaml", "--sql-memory", "8,32", "--consoles", "10"])
        #expect(refused.status == 2 && refused.stderr.contains("--consoles does not go with --sql-memory"))
        #expect(try SmsimProcess.run(["size", dir + "/m.yaml", "--sql-memory", "8,lots"]).status == 2)
    }
}
