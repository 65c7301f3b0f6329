import Foundation
import Testing

/// `--report` on the commands that simulate and have no `--out` by default, or only one.
@Suite struct ReportCommandTests {
    /// A short weekday with objectives, as a file in a fresh working directory.
    static func workspace() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: LintCommandTests.scenarios + "/weekday-40.yaml", encoding: .utf8)
            .replacingOccurrences(of: "duration: 10h", with: "duration: 1h")
            .replacingOccurrences(of: "warmup: 30m", with: "warmup: 10m")
            .replacingOccurrences(of: "  peak: 400", with: "  peak: 60")
        try text.write(toFile: dir + "/short.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    /// Without --out, check --report writes the run's files and report.html into the
    /// directory its help names, and says where.
    @Test func checkReportWithoutOutWritesToTheDefaultDirectory() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try SmsimProcess.run(["check", "short.yaml", "--replications", "2", "--report", "--report-validation-scale", "0"], in: dir)
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        let out = dir + "/results/weekday-40-check"
        #expect(FileManager.default.fileExists(atPath: out + "/report.html"), "\(r.stdout) \(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/timeseries-mean.csv"))
        #expect(r.stdout.contains("wrote results/weekday-40-check/report.html"), "\(r.stdout)")
        // Without --report, check still writes nothing.
        let plain = try SmsimProcess.run(["check", "../short.yaml", "--replications", "2", "--quiet"], in: dir + "/results")
        #expect(plain.status == 0 || plain.status == 1, "\(plain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/results/results"))
    }

    /// sensitivity --report: the tornado page.
    @Test func sensitivityReport() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try SmsimProcess.run(["sensitivity", "short.yaml", "--vary", "consoles.thinkTime.mean=±20%", "--replications", "2",
                                      "--out", "s", "--report", "--report-validation-scale", "0", "--quiet"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: dir + "/s/report.html", encoding: .utf8)
        #expect(html.contains("which inputs move"))
        #expect(html.contains("<figcaption>Tornado:"))
    }
}
