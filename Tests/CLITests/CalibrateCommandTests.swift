import Foundation
import Testing

/// `smsim run --perfmon` then `smsim calibrate` through the binary, and its bad input.
@Suite struct CalibrateCommandTests {
    static let scenario = """
    name: tiny
    seed: 5
    duration: 3h
    warmup: 10m
    window: 2m
    replications: 1
    managementGroup:
      additionalServers: { count: 2, cores: 4 }
    consoles:
      peak: 80
      profile: [{ from: 0h, rate: 1 }, { from: 1h, rate: 0.4 }, { from: 2h, rate: 0.9 }]
      sessionLength: { distribution: lognormal, mean: 1h, cv: 0.6 }
      thinkTime: { distribution: exponential, mean: 20s }
      requests:
        - { name: view, weight: 0.8, server: { distribution: exponential, mean: 150ms }, database: { distribution: exponential, mean: 60ms } }
        - { name: save, weight: 0.2, server: { distribution: exponential, mean: 200ms }, database: { distribution: exponential, mean: 90ms }, workflowsPerRequest: 3 }
    workflows:
      job: { server: { distribution: exponential, mean: 400ms }, database: { distribution: exponential, mean: 150ms } }
      recurring: [{ name: sync, every: 1h, offset: 30m, jobs: 300 }]

    """

    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-calibrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try scenario.write(to: dir.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func roundTripThroughTheCommandLine() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try SmsimProcess.run(["run", dir.path + "/tiny.yaml", "--perfmon", "--quiet", "--out", dir.path + "/run"])
        #expect(run.status == 0, "\(run.stderr)")
        let logs = ["MS01", "MS02", "MS03", "SQL"].map { dir.path + "/run/perfmon/\($0).csv" }
        let out = dir.path + "/cal"
        let cal = try SmsimProcess.run(["calibrate"] + logs + ["--base", dir.path + "/tiny.yaml", "--window", "4m", "--out", out])
        #expect(cal.status == 0, "\(cal.stderr)")
        #expect(cal.stdout.contains("server CPU per request"))
        let yaml = try String(contentsOfFile: out + "/tiny-calibrated.yaml", encoding: .utf8)
        #expect(yaml.contains("name: tiny-calibrated"))
        #expect(yaml.contains("mean fitted: server CPU per request"))
        let csv = try String(contentsOfFile: out + "/calibration.csv", encoding: .utf8)
        #expect(csv.hasPrefix("scenario,regression,parameter,estimate,ci95"))
        // The calibrated file is a valid scenario.
        let check = try SmsimProcess.run(["run", out + "/tiny-calibrated.yaml", "--quiet", "--out", dir.path + "/again"])
        #expect(check.status == 0, "\(check.stderr)")
        // The work-items export run --perfmon writes drives the workflows instead of their counter.
        let items = try SmsimProcess.run(["calibrate"] + logs + ["--base", dir.path + "/tiny.yaml", "--work-items",
                                                                 dir.path + "/run/work-items.csv", "--out", dir.path + "/cal-items"])
        #expect(items.status == 0, "\(items.stderr)")
        #expect(items.stdout.contains("server CPU per work item"))
        #expect(!items.stdout.contains("server CPU per workflow job"))
    }

    /// With the requests and workflow counters mapped away (as on a default installation),
    /// calibrate fits the load per connected console and writes it through the base's split;
    /// with nothing fitted it says so instead of blaming gnuplot.
    @Test func standardCountersAloneFitThePerConsoleLoad() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try SmsimProcess.run(["run", dir.path + "/tiny.yaml", "--perfmon", "--quiet", "--out", dir.path + "/run"])
        #expect(run.status == 0, "\(run.stderr)")
        let map = "counters:\n" + ["requests", "logons", "responseTime", "workflowJobs"].map { "  \($0): '\\Not Logged\\Here'\n" }.joined()
        try map.write(toFile: dir.path + "/map.yaml", atomically: true, encoding: .utf8)
        let logs = ["MS01", "MS02", "MS03", "SQL"].map { dir.path + "/run/perfmon/\($0).csv" }
        let cal = try SmsimProcess.run(["calibrate"] + logs + ["--base", dir.path + "/tiny.yaml", "--map", dir.path + "/map.yaml",
                                                               "--out", dir.path + "/cal"])
        #expect(cal.status == 0, "\(cal.stderr)")
        #expect(cal.stdout.contains("server busy cores per console (pooled)"), "\(cal.stdout)")
        #expect(cal.stdout.contains("assumed: per-console load split as the base scenario does"))
        #expect(!cal.stdout.contains("no processor counter"))
        let again = try SmsimProcess.run(["run", dir.path + "/cal/tiny-calibrated.yaml", "--quiet", "--out", dir.path + "/again"])
        #expect(again.status == 0, "\(again.stderr)")

        let log = "\"(PDH-CSV 4.0) (UTC)(0)\",\"\\\\MS02\\Processor(_Total)\\% Processor Time\"\n"
            + "\"11/25/2026 07:00:00.000\",\"5\"\n\"11/25/2026 07:01:00.000\",\"6\"\n"
        try log.write(toFile: dir.path + "/ms02.csv", atomically: true, encoding: .utf8)
        let nothing = try SmsimProcess.run(["calibrate", dir.path + "/ms02.csv", "--base", dir.path + "/tiny.yaml", "--out", dir.path + "/none"])
        #expect(nothing.status == 0, "\(nothing.stderr)")
        #expect(nothing.stdout.contains("no plots: nothing was fitted"), "\(nothing.stdout)")
        #expect(!nothing.stdout.contains("gnuplot not found"))
        #expect(nothing.stdout.contains("MS02: no '\\Service Manager Console Requests(_Total)\\Requests/sec'"), "\(nothing.stdout)")
    }

    @Test func aBadWorkItemsFileExitsWithStatus2OneLocatedLineAndWritesNothing() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = "\"(PDH-CSV 4.0) (UTC)(0)\",\"\\\\MS02\\Processor(_Total)\\% Processor Time\"\n"
            + "\"11/25/2026 07:00:00.000\",\"5\"\n\"11/25/2026 07:01:00.000\",\"6\"\n"
        try log.write(toFile: dir.path + "/ms02.csv", atomically: true, encoding: .utf8)
        for (text, expected) in [("time,count\n2026-11-25 07:00,many\n2026-11-25 08:00,3\n", "w.csv:2:18: error: count: 'many'"),
                                 ("", "w.csv:1:1: error: empty file")] {
            try text.write(toFile: dir.path + "/w.csv", atomically: true, encoding: .utf8)
            let out = dir.path + "/cal"
            let r = try SmsimProcess.run(["calibrate", dir.path + "/ms02.csv", "--base", dir.path + "/tiny.yaml",
                                          "--work-items", dir.path + "/w.csv", "--out", out])
            #expect(r.status == 2)
            #expect(r.stderrLines.count == 1, "\(r.stderr)")
            #expect(r.stderr.hasPrefix("smsim: " + dir.path + "/" + expected), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "nothing is written on bad input")
        }
    }

    @Test func badLogsExitWithStatus2OneLocatedLineAndWriteNothing() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String)] = [
            ("", "bad.csv:1:1: error: empty file"),
            ("\"(PDH-CSV 4.0) (UTC)(0)\",\"\\\\WEB9\\Processor(_Total)\\% Processor Time\"\n\"11/25/2026 07:00:00.000\",\"5\"\n",
             "bad.csv:1:26: error: host 'WEB9'"),
            ("\"(PDH-CSV 4.0) (UTC)(0)\",\"\\\\MS02\\Processor(_Total)\\% Processor Time\"\n\"11/25/2026 07:00:00.000\",\"five\"\n",
             "bad.csv:2:27: error: sample 'five'"),
        ]
        for (text, expected) in cases {
            let path = dir.path + "/bad.csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let out = dir.path + "/cal"
            let r = try SmsimProcess.run(["calibrate", path, "--base", dir.path + "/tiny.yaml", "--out", out])
            #expect(r.status == 2)
            #expect(r.stderrLines.count == 1, "\(r.stderr)")
            #expect(r.stderr.hasPrefix("smsim: " + dir.path + "/" + expected), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "nothing is written on bad input")
        }
    }
}

@Suite struct SensitivityCommandTests {
    @Test func aFieldTheScenarioLacksIsExit2WithOneLine() throws {
        let dir = try CalibrateCommandTests.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try SmsimProcess.run(["sensitivity", dir.path + "/tiny.yaml", "--vary", "nosuch.mean=±20%", "--out", dir.path + "/s"])
        #expect(r.status == 2)
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("no field 'nosuch.mean'"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/s"))
    }
}
