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
