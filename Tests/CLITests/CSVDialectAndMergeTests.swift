import Foundation
import RunOutput
import Testing

/// What several layers now share: the one CSV dialect, written by the run and read by the
/// report; and `merge` taking the shards of one sweep from several directories.
@Suite struct CSVDialectAndMergeTests {
    /// A scenario and a database whose names hold commas and double quotes: every row of
    /// the run's CSV files keeps its columns, the names come back whole, and the report's
    /// tables show them (escaped) where a comma-split would have shifted every column.
    @Test func namesWithCommasAndQuotesSurviveRunAndReport() throws {
        let scenarioName = #"north, "east" group"#
        let databaseName = #"SQL, "primary""#
        let dir = try PlanningCommandTests.workspace {
            $0.replacingOccurrences(of: "name: weekday-40", with: "name: 'north, \"east\" group'")
                .replacingOccurrences(of: "    name: SQL", with: "    name: 'SQL, \"primary\"'")
        }
        let run = try SmsimProcess.run(["run", dir + "/small.yaml", "--replications", "2", "--quiet", "--out", dir + "/out"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        for file in ["timeseries.csv", "timeseries-mean.csv", "summary.csv"] {
            let records = csvRecords(try String(contentsOfFile: "\(dir)/out/\(file)", encoding: .utf8))
            let header = try #require(records.first)
            #expect(records.count > 2, "\(file)")
            #expect(records.allSatisfy { $0.count == header.count }, "\(file): every record has the header's \(header.count) fields")
            #expect(records.dropFirst().allSatisfy { $0[0] == scenarioName }, "\(file): the scenario's name comes back whole")
            let station = try #require(header.firstIndex(of: "station"))
            #expect(records.contains { $0[station] == databaseName }, "\(file): the database's rows keep its name")
        }
        let report = try SmsimProcess.run(["report", dir + "/out", "--scenario", dir + "/small.yaml"])
        #expect(report.status == 0, "stderr: \(report.stderr)")
        let html = try String(contentsOfFile: dir + "/out/report.html", encoding: .utf8)
        #expect(html.contains("SQL, &quot;primary&quot;") || html.contains("SQL, \"primary\""))
        #expect(!html.contains("<td>\"SQL"), "no half-quoted field reaches a table cell")
    }

    /// The reader undoes what the writer does, whatever a field holds.
    @Test func writerAndReaderAgree() {
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "", "cr\r\nlf", "\"", ","]
        let text = fields.map(csvField).joined(separator: ",") + "\n" + fields.reversed().map(csvField).joined(separator: ",") + "\n"
        #expect(csvRecords(text) == [fields, fields.reversed()])
        #expect(csvRecords("a,b\r\n1,2\r\n\n") == [["a", "b"], ["1", "2"]])
    }

    /// A cluster whose tasks each wrote into their own directory: `merge a b` takes the union
    /// of the shards found under all its arguments and gives the unsharded file.
    @Test func mergeTakesTheShardsOfSeveralDirectories() throws {
        let dir = try PlanningCommandTests.workspace()
        let grid = ["--servers", "2,3", "--replications", "2", "--quiet"]
        let straight = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/straight"])
        #expect(straight.status == 0, "stderr: \(straight.stderr)")
        for (shard, out) in [("1/2", "a"), ("2/2", "b")] {
            let r = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--shard", shard, "--out", "\(dir)/\(out)"])
            #expect(r.status == 0, "stderr: \(r.stderr)")
        }
        let alone = try SmsimProcess.run(["merge", dir + "/a", "--out", dir + "/alone"])
        #expect(alone.status == 2 && alone.stderr.contains("lacks shard-2-of-2"), "\(alone.stderr)")
        let merged = try SmsimProcess.run(["merge", dir + "/a", dir + "/b", "--out", dir + "/all"])
        #expect(merged.status == 0, "stderr: \(merged.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/all/sweep.csv"))
                == Data(contentsOf: URL(fileURLWithPath: dir + "/straight/sweep.csv")))
    }
}
