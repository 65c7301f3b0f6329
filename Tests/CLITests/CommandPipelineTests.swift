import Foundation
import Testing

/// Options that mean the same on every command: `--out` and its stated default, `--quiet`,
/// `--json`, `--consoles`, `--precision` wherever replications are chosen, and `merge` given
/// the directory holding a sweep's shards.
@Suite struct CommandPipelineTests {
    static func workspace(_ edit: (String) -> String = { $0 }) throws -> String { try PlanningCommandTests.workspace(edit) }
    static func bytes(_ path: String) throws -> Data { try PlanningCommandTests.bytes(path) }
    static func text(_ path: String) throws -> String { String(decoding: try bytes(path), as: UTF8.self) }

    /// Each command's help states its default directory, and that is where it writes.
    @Test func outHelpStatesTheDefaultTheCommandUses() throws {
        let expected = [("run", "results/<scenario name>/"), ("compare", "results/<scenario name>-compare/"),
                        ("sweep", "results/<scenario name>-sweep/"), ("size", "results/<scenario name>-size/"),
                        ("check", "written only when --out is given"), ("merge", "the directory given")]
        for (command, text) in expected {
            let help = try SmsimProcess.run([command, "--help"])
            let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("--out <dir> Directory for the results (default: \(text)") || flat.contains(text), "\(command)")
            #expect(flat.contains("--quiet"), "\(command) has --quiet")
        }
        let dir = try Self.workspace()
        let run = try SmsimProcess.run(["run", "small.yaml", "--replications", "2", "--quiet"], in: dir)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(FileManager.default.fileExists(atPath: dir + "/results/weekday-40/summary.csv"))
        let size = try SmsimProcess.run(["size", "small.yaml", "--replications", "2", "--max-utilization", "0.6", "--quiet"], in: dir)
        #expect(size.status == 0, "stderr: \(size.stderr)")
        #expect(size.stdout.isEmpty, "--quiet prints nothing: \(size.stdout)")
        #expect(FileManager.default.fileExists(atPath: dir + "/results/weekday-40-size/size.csv"))
    }

    /// `size --consoles` defaults to the scenario's peak, as in `compare`; `--json` keeps
    /// stdout pure JSON with the precision note on stderr; `--precision` sets the replications.
    @Test func sizeConsolesDefaultJSONAndPrecision() throws {
        let dir = try Self.workspace()
        let text = try SmsimProcess.run(["size", dir + "/small.yaml", "--replications", "2", "--max-utilization", "0.6",
                                         "--out", dir + "/text"])
        #expect(text.status == 0, "stderr: \(text.stderr)")
        #expect(text.stdout.hasPrefix("sizing weekday-40 for 80 consoles, 2 replications per count:"))

        let json = try SmsimProcess.run(["size", dir + "/small.yaml", "--replications", "2", "--max-utilization", "0.6",
                                         "--precision", "0.5", "--max-replications", "4", "--json", "--out", dir + "/json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONValue.parse(json.stdout).object, "stdout is one JSON object: \(json.stdout)")
        #expect(object["consoles"]?.number == 80)
        #expect(json.stderr.contains("precision: "), "the precision note goes to stderr: \(json.stderr)")
        let rows = try Self.text(dir + "/json/size.csv").split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows {
            let replications = Int(row.split(separator: ",")[4]) ?? 0
            #expect((2...4).contains(replications), "\(row)")
        }
    }

    /// `compare --precision` runs every ratio with the same replications, so they stay paired.
    @Test func comparePrecisionKeepsTheRatiosPaired() throws {
        let dir = try Self.workspace()
        let result = try SmsimProcess.run(["compare", dir + "/small.yaml", "--ratios", "40,50", "--replications", "2",
                                           "--precision", "0.001", "--max-replications", "4", "--out", dir + "/cmp"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("precision: NOT reached after 4 replications (2+2)"), "\(result.stdout)")
        let lines = try Self.text(dir + "/cmp/compare.csv").split(separator: "\n").dropFirst()
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("weekday-40,40,50,2,2,4,") })
        for ratio in ["40", "50"] {
            let summary = try Self.text("\(dir)/cmp/ratio-\(ratio)/summary.csv").split(separator: "\n")
            #expect(summary.dropFirst().allSatisfy { $0.hasPrefix("weekday-40,\(ratio),2,0,4,") }, "ratio \(ratio)")
        }
    }

    /// `sweep --precision` runs each point to its own precision, records that in sweep.json,
    /// and a resumed sweep ends with the same bytes.
    @Test func sweepPrecisionAndResume() throws {
        let dir = try Self.workspace()
        let arguments = ["sweep", dir + "/small.yaml", "--servers", "2,3", "--replications", "2", "--precision", "0.05",
                         "--max-replications", "4"]
        let straight = try SmsimProcess.run(arguments + ["--out", dir + "/straight"])
        #expect(straight.status == 0, "stderr: \(straight.stderr)")
        #expect(straight.stdout.contains("precision: "))
        let csv = try Self.text(dir + "/straight/sweep.csv")
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.count == 2)
        for row in rows {
            let replications = Int(row.split(separator: ",", omittingEmptySubsequences: false)[6]) ?? 0
            #expect((2...4).contains(replications), "\(row)")
        }
        #expect(try Self.text(dir + "/straight/sweep.json").contains("\"precision\" : 0.05"))

        let first = try SmsimProcess.run(arguments + ["--out", dir + "/resumed", "--stop-after", "1"])
        #expect(first.status == 0 && first.stdout.contains("1 of 2 done"), "\(first.stdout) \(first.stderr)")
        let rest = try SmsimProcess.run(arguments + ["--out", dir + "/resumed"])
        #expect(rest.stdout.contains("1 point(s) run, 1 already done"), "\(rest.stdout) \(rest.stderr)")
        #expect(try Self.bytes(dir + "/resumed/sweep.csv") == Data(csv.utf8))
        // Another precision is another sweep.
        let other = try SmsimProcess.run(["sweep", dir + "/small.yaml", "--servers", "2,3", "--replications", "2",
                                          "--out", dir + "/resumed"])
        #expect(other.status == 2 && other.stderr.contains("another sweep"), "\(other.stderr)")
    }

    /// `merge DIR` finds the shards `sweep --shard i/n --out DIR` wrote, writes DIR/sweep.csv,
    /// and names the shard directories it expected when some are missing.
    @Test func mergeFindsTheShardsInTheirDirectory() throws {
        let dir = try Self.workspace()
        let grid = ["--servers", "2,3", "--replications", "2"]
        let straight = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/straight", "--quiet"])
        #expect(straight.status == 0, "stderr: \(straight.stderr)")

        let one = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/grid", "--shard", "1/2"])
        #expect(one.status == 0, "stderr: \(one.stderr)")
        let missing = try SmsimProcess.run(["merge", dir + "/grid"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("lacks shard-2-of-2") && missing.stderr.contains("--shard 2/2"), "\(missing.stderr)")

        let two = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/grid", "--shard", "2/2"])
        #expect(two.status == 0, "stderr: \(two.stderr)")
        let merged = try SmsimProcess.run(["merge", dir + "/grid"])
        #expect(merged.status == 0, "stderr: \(merged.stderr)")
        #expect(merged.stdout.contains("merged 2 input(s): 2 point(s); wrote \(dir)/grid/sweep.csv"))
        #expect(try Self.bytes(dir + "/grid/sweep.csv") == Self.bytes(dir + "/straight/sweep.csv"))
        // Merging again (the merged sweep.csv now beside the shards) gives the same file.
        #expect(try SmsimProcess.run(["merge", dir + "/grid", "--out", dir + "/again"]).status == 0)
        #expect(try Self.bytes(dir + "/again/sweep.csv") == Self.bytes(dir + "/straight/sweep.csv"))

        let empty = dir + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let nothing = try SmsimProcess.run(["merge", empty])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("holds neither sweep.csv nor shard directories (shard-1-of-n"), "\(nothing.stderr)")
        // A single shard directory has no default output.
        let noOut = try SmsimProcess.run(["merge", dir + "/grid/shard-1-of-2"])
        #expect(noOut.status == 2 && noOut.stderr.contains("give --out"), "\(noOut.stderr)")
    }
}
