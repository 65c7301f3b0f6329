import Foundation
import Testing

/// The tables commands print keep their columns whatever a cell holds: with a database and
/// servers named far wider than the usual column, every cell of every row still starts where
/// its column's header starts.
@Suite struct TerminalTableAlignmentTests {
    /// Cells of a table line: text separated by runs of two or more spaces, with their offsets.
    static func cellStarts(_ line: Substring) -> [Int] {
        var starts: [Int] = []
        var spaces = 2
        for (i, c) in line.enumerated() {
            if c == " " { spaces += 1; continue }
            if spaces >= 2 { starts.append(i) }
            spaces = 0
        }
        return starts
    }

    /// The lines from the one starting with `header` up to the first blank line.
    static func table(in text: String, header: String) throws -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(header) }, "no table headed \(header): \(text)")
        return Array(lines[start...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    static func expectAligned(_ rows: [Substring], _ command: String) {
        let columns = Set(cellStarts(rows[0]))
        #expect(rows.count > 2, "\(command): a table with rows")
        for row in rows.dropFirst() {
            #expect(Set(cellStarts(row)).isSubset(of: columns), "\(command): a cell out of its column in '\(row)' under '\(rows[0])'")
        }
    }

    @Test func runCompareAndSweepTablesStayAligned() throws {
        let dir = try PlanningCommandTests.workspace {
            $0.replacingOccurrences(of: "namePrefix: MS", with: "namePrefix: management-server-in-the-north-wing-")
                .replacingOccurrences(of: "    name: SQL", with: "    name: SQL-primary-database-cluster-with-a-long-name")
        }
        let run = try SmsimProcess.run(["run", dir + "/small.yaml", "--replications", "2", "--no-remedies", "--out", dir + "/run"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // The station table ends with its `all` row; the objectives' table follows it.
        let lines = try Self.table(in: run.stdout, header: "station")
        let end = try #require(lines.firstIndex { $0.hasPrefix("all ") })
        let summary = Array(lines[...end])
        #expect(summary.contains { $0.contains("SQL-primary-database-cluster-with-a-long-name") })
        Self.expectAligned(summary, "run")

        let compare = try SmsimProcess.run(["compare", dir + "/small.yaml", "--ratios", "40,50", "--replications", "2", "--out", dir + "/cmp"])
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        Self.expectAligned(try Self.table(in: compare.stdout, header: "metric"), "compare")

        let sweep = try SmsimProcess.run(["sweep", dir + "/small.yaml", "--servers", "2,3", "--replications", "2", "--out", dir + "/sweep"])
        #expect(sweep.status == 0, "stderr: \(sweep.stderr)")
        Self.expectAligned(try Self.table(in: sweep.stdout, header: "point  consoles").filter { !$0.hasPrefix("sweep complete") }, "sweep")

    }
}
