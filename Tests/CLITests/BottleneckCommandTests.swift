import Foundation
import Testing
@testable import smsim
import ScenarioSpec
import RunOutput
import Validation

/// `smsim run` names the station closest to its limit and tests its remedies, in the
/// terminal, in bottleneck.json and in report.html; its tables stay aligned.
@Suite struct BottleneckCommandTests {
    /// A shipped scenario, shortened, in a fresh directory (the same file name, for the report).
    static func workspace(_ scenario: String, duration: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-bottleneck-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: LintCommandTests.scenarios + "/" + scenario + ".yaml", encoding: .utf8)
            .replacingOccurrences(of: #"(?m)^duration: .*$"#, with: "duration: \(duration)", options: .regularExpression)
        try text.write(toFile: dir + "/" + (scenario as NSString).lastPathComponent + ".yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test(arguments: [
        ("published/test-2-sql-8gb", "1h", "database storage (SQL)", "GB SQL memory"),
        ("published/one-server-90-consoles", "2h", "management server CPU (MS01)", "cores on MS01"),
        ("workflow-storm", "5h", "workflow engine (MS01)", "with batch size"),
    ])
    func namesTheBottleneckAndATestedRemedy(_ scenario: String, _ duration: String, _ station: String, _ remedy: String) throws {
        let dir = try Self.workspace(scenario, duration: duration)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = (scenario as NSString).lastPathComponent + ".yaml"
        let r = try SmsimProcess.run(["run", file, "--replications", "2", "--out", "o", "--report", "--report-validation-scale", "0"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("bottleneck: \(station) is closest to its limit"), "\(r.stdout)")
        let remedyLine = r.stdout.split(separator: "\n").first { $0.hasPrefix("  ") && $0.contains(remedy) }
        #expect(remedyLine.map { $0.contains(": ") && $0.contains("p95 ") } == true, "\(r.stdout)")
        let html = try String(contentsOfFile: dir + "/o/report.html", encoding: .utf8)
        #expect(html.contains("id=\"bottleneck\"") && html.contains(station + " is closest to its limit"))
        #expect(html.contains(remedy))
        // --no-remedies names the station and says why nothing was tested.
        let quick = try SmsimProcess.run(["run", file, "--replications", "1", "--out", "q", "--no-remedies"], in: dir)
        #expect(quick.stdout.contains("remedies: skipped (--no-remedies)"), "\(quick.stdout)")
    }

    /// The published Monday-morning portal with its portal server cut to 2 cores: the surge of
    /// visits saturates MS02, which the terminal names as the portal's server.
    @Test func aPortalBoundRunNamesThePortalServer() throws {
        let dir = try Self.workspace("published/portal-monday-morning", duration: "75m")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/portal-monday-morning.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let old = "additionalServers: { count: 1, cores: 8, namePrefix: MS }"
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: "additionalServers: { count: 1, cores: 2, namePrefix: MS }")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let r = try SmsimProcess.run(["run", "portal-monday-morning.yaml", "--replications", "2", "--no-remedies", "--out", "o"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("bottleneck: portal server (MS02) is closest to its limit"), "\(r.stdout)")
        #expect(r.stdout.contains("the Self-Service Portal's requests land here"), "\(r.stdout)")
    }

    /// check names the bottleneck after its verdicts, as run does, writes bottleneck.json
    /// beside the run's files and shows it in report.html; --no-remedies and --quiet as in run.
    @Test func checkNamesTheBottleneck() throws {
        let dir = try PlanningCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try SmsimProcess.run(["check", "small.yaml", "--out", "o", "--report", "--report-validation-scale", "0"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        let verdicts = try #require(lines.lastIndex { $0.hasPrefix("PASS") })
        let named = try #require(lines.firstIndex { $0.hasPrefix("bottleneck: ") && $0.contains(" is closest to its limit: load ") }, "\(r.stdout)")
        #expect(named > verdicts, "the bottleneck follows the verdicts: \(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("remedies, each a quick run") }, "\(r.stdout)")
        let file = try String(contentsOfFile: dir + "/o/bottleneck.json", encoding: .utf8)
        #expect(file.contains("\"remedies\""))
        let html = try String(contentsOfFile: dir + "/o/report.html", encoding: .utf8)
        #expect(html.contains("id=\"bottleneck\"") && html.contains("is closest to its limit"))

        let skipped = try SmsimProcess.run(["check", "small.yaml", "--no-remedies"], in: dir)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("remedies: skipped (--no-remedies)"), "\(skipped.stdout)")
        let quiet = try SmsimProcess.run(["check", "small.yaml", "--quiet"], in: dir)
        #expect(quiet.status == 0 && !quiet.stdout.contains("bottleneck"), "\(quiet.stdout)")
        #expect(quiet.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("PASS") }, "quiet prints the verdict lines alone: \(quiet.stdout)")
    }

    /// compare names each configuration's own bottleneck (terminal, ratio-<R>/bottleneck.json,
    /// report.html); remedies are tested for each unless --no-remedies.
    @Test func compareNamesEachSidesBottleneck() throws {
        let dir = try PlanningCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try SmsimProcess.run(["compare", "small.yaml", "--ratios", "20,40", "--replications", "2", "--out", "o",
                                      "--report", "--report-validation-scale", "0"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        for ratio in [20, 40] {
            #expect(r.stdout.contains("bottleneck at \(ratio)/server: "), "\(r.stdout)")
            #expect(r.stdout.contains("remedies at \(ratio)/server, each a quick run"), "\(r.stdout)")
            let file = try String(contentsOfFile: dir + "/o/ratio-\(ratio)/bottleneck.json", encoding: .utf8)
            #expect(file.contains("\"bottleneck\""))
        }
        let html = try String(contentsOfFile: dir + "/o/report.html", encoding: .utf8)
        #expect(html.contains("id=\"bottleneck\""))
        #expect(html.components(separatedBy: ") is closest to its limit: load").count - 1 == 2, "one bottleneck per configuration")
        #expect(html.contains("At 20 consoles per server") && html.contains("At 40 consoles per server"))

        let skipped = try SmsimProcess.run(["compare", "small.yaml", "--ratios", "20,40", "--replications", "2", "--no-remedies", "--out", "q"], in: dir)
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stdout.contains("remedies at 20/server: skipped (--no-remedies)")
                && skipped.stdout.contains("remedies at 40/server: skipped (--no-remedies)"), "\(skipped.stdout)")
    }

    /// Each command's table, given a cell far wider than its column's usual width, keeps
    /// every later column in line.
    @Test func everyTerminalTableStaysAligned() throws {
        let wide = String(repeating: "W", count: 61)
        var tables: [TextTable] = []
        tables.append(comparisonTable([Comparison(caseName: wide, metric: "mean wait", simulated: 1.2345, halfWidth: 0.01, exact: 1.23)],
                                      withCase: true))
        tables.append(comparisonTable([Comparison(caseName: "c", metric: wide, simulated: 1e9, halfWidth: 3e7, exact: 1e9)],
                                      withCase: false))
        for table in tables {
            let widths = table.widths
            for (l, row) in ([table.headers] + table.rows).enumerated() {
                let line = Array(table.lines[l])
                var start = table.indent.count
                for c in 0..<widths.count {
                    start += widths[c]
                    #expect(line[start - 1] == " " && String(line[start...]).hasPrefix(row[c + 1]), "line \(l), column \(c + 1): \(table.lines[l])")
                }
            }
            #expect(widths.contains { $0 > 61 })
        }
    }
}
