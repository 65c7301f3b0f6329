import Foundation
import Testing
@testable import smsim
@testable import Planning
import ScenarioSpec
import GroupSimulation
@testable import RunOutput
import Statistics

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

    /// Checks that in every row each column's cell starts exactly where its header does, one
    /// space or more after the cell before it (every cell of these tables holds text), and that
    /// `wide` is in the table. A cell that pushed the next one out of line fails it.
    static func expectUnderHeaders(_ lines: [Substring], _ headers: [String], wide: String, _ command: String) throws {
        let header = Array(lines[0])
        var starts: [Int] = []
        var from = 0
        for title in headers {
            let chars = Array(title)
            let at = try #require((from...max(from, header.count - chars.count)).first { Array(header[$0..<min(header.count, $0 + chars.count)]) == chars },
                                  "\(command): no header '\(title)' in '\(lines[0])'")
            starts.append(at)
            from = at + chars.count
        }
        #expect(lines.count > 1, "\(command): a table with rows")
        #expect(lines.contains { $0.contains(wide) }, "\(command): the wide value '\(wide)' is not in the table")
        for line in lines.dropFirst() {
            let row = Array(line)
            #expect(row.count > starts.last!, "\(command): a short row '\(line)'")
            for start in starts.dropFirst() where start < row.count {
                #expect(row[start - 1] == " " && row[start] != " ", "\(command): no cell at column \(start) in '\(line)' under '\(lines[0])'")
            }
        }
    }

    /// An estimate with its interval, from `count` replications.
    static func estimate(_ mean: Double, _ halfWidth: Double) -> Estimate {
        Estimate(mean: mean, halfWidth: halfWidth, min: mean, max: mean, count: 3)
    }

    /// check's verdict lines with an estimate far wider than its column (a hundred billion
    /// abandoned sessions, with an interval in exponent form).
    @Test func checkTableStaysAlignedWithAHugeEstimate() throws {
        let verdicts = [
            SLOResult(objective: .maxAbandonedSessions, limit: 2, estimate: Self.estimate(123_456_789_012.5, 45_678_901.2), verdict: .fail),
            SLOResult(objective: .maxUtilization, limit: 0.8, estimate: Self.estimate(0.71, 0.2), verdict: .inconclusive),
            SLOResult(objective: .maxDatabaseUtilization, limit: 0.8, estimate: Self.estimate(0.0000004321, 0.0000000012), verdict: .pass),
        ]
        let table = Check.table(verdicts)
        let lines = table.lines.map { Substring($0) }
        try Self.expectUnderHeaders(lines, ["result", "objective", "estimate ± 95 % CI", "limit"], wide: "1.23457e+11 ± 4.6e+07 sessions", "check")
        #expect(table.widths[2] > 26, "the estimate column grew: \(table.widths)")
    }

    /// size's table of simulated counts with a p95 latency and a peak utilization far wider
    /// than their columns, and many objectives not met.
    @Test func sizeTableStaysAlignedWithHugeValues() throws {
        let scenario = try ScenarioLoader.load(path: LintCommandTests.scenarios + "/weekday-40.yaml")
        func evaluation(_ servers: Int, p95: Double, peak: Double, holds: Bool) -> Evaluation {
            var report = RunReport(scenario: scenario, replications: [])
            report.summary = [SummaryRow(metric: .latencyP95, station: "all", estimate: Self.estimate(p95, p95 / 7)),
                              SummaryRow(metric: .serverUtilizationPeak, station: "all", estimate: Self.estimate(peak, peak / 30_000))]
            let verdicts = [SLOResult(objective: .p95Latency, limit: 4, estimate: Self.estimate(p95 / 1000, p95 / 7000), verdict: holds ? .pass : .fail),
                            SLOResult(objective: .maxUtilization, limit: 0.85, estimate: Self.estimate(peak, peak / 30_000), verdict: holds ? .pass : .inconclusive)]
            // Set directly: a count far past what a scenario accepts, to widen the column.
            var sized = scenario
            sized.managementGroup.additionalServers.count = servers
            sized.managementGroup.additionalServers.consolesPerServer = nil
            return Evaluation(step: "servers", scenario: sized, report: report, verdicts: verdicts)
        }
        let table = Size.table([evaluation(1234567, p95: 1.5, peak: 0.5, holds: true),
                                evaluation(3, p95: 987_654_321_098.7, peak: 0.999_876_543, holds: false)])
        let lines = table.lines.map { Substring($0) }
        try Self.expectUnderHeaders(lines, ["servers", "p95 latency (s)", "peak utilization", "objectives"], wide: "990000000 ± 140000000", "size")
        #expect(lines.contains { $0.contains("1234567 ") })
    }

    /// sensitivity's table with a request class named far wider than the factor column,
    /// through the binary.
    @Test func sensitivityTableStaysAlignedWithALongFactorName() throws {
        let long = "open-the-incident-view-with-every-related-item-and-its-history"
        let dir = try PlanningCommandTests.workspace { $0.replacingOccurrences(of: "name: open-view,", with: "name: \(long),") }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = try SmsimProcess.run(["sensitivity", dir + "/small.yaml", "--vary", "consoles.requests[\(long)].server.mean=±20%",
                                        "--vary", "consoles.peak=60..100", "--replications", "2", "--out", dir + "/sens"])
        #expect(out.status == 0, "stderr: \(out.stderr)")
        // The header and one row per factor; the answer's sentence follows.
        let lines = Array(try Self.table(in: out.stdout, header: "factor").prefix(3))
        try Self.expectUnderHeaders(lines, ["factor", "low → high", "low − base", "high − base", "effect (high − low)"],
                                    wide: long + " server demand", "sensitivity")
    }

    /// calibrate's table with request classes named far wider than the parameter column
    /// (one demand per class, from the per-class counters run --perfmon writes).
    @Test func calibrateTableStaysAlignedWithLongClassNames() throws {
        let long = "view-of-every-open-incident-and-change-request-in-the-north-region"
        let dir = try CalibrateCommandTests.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = CalibrateCommandTests.scenario.replacingOccurrences(of: "{ name: view,", with: "{ name: \(long),")
        try text.write(to: dir.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        try "requestClasses: per-class\n".write(to: dir.appendingPathComponent("map.yaml"), atomically: true, encoding: .utf8)
        let run = try SmsimProcess.run(["run", dir.path + "/tiny.yaml", "--perfmon", "--quiet", "--no-remedies", "--out", dir.path + "/run"])
        #expect(run.status == 0, "\(run.stderr)")
        let logs = ["MS01", "MS02", "MS03", "SQL"].map { dir.path + "/run/perfmon/\($0).csv" }
        let cal = try SmsimProcess.run(["calibrate"] + logs + ["--base", dir.path + "/tiny.yaml", "--map", dir.path + "/map.yaml",
                                                               "--window", "4m", "--out", dir.path + "/cal"])
        #expect(cal.status == 0, "\(cal.stderr)")
        // The table ends where the notes after it begin.
        let notes = ["observed ", "assumed: ", "warning: ", "note: ", "wrote ", "no plots", "gnuplot "]
        let lines = try Self.table(in: cal.stdout, header: "parameter").prefix { line in !notes.contains { line.hasPrefix($0) } }
        try Self.expectUnderHeaders(Array(lines), ["parameter", "estimate ± 95 % CI", "base", "windows", "R²"],
                                    wide: "server CPU per \(long) request", "calibrate")
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
