import Foundation
import Testing

/// Killing smsim in the middle: SIGKILL leaves nothing under a final name and a sweep that
/// resumes to the same bytes; SIGINT and SIGTERM stop cleanly with 130 and 143.
@Suite(.serialized) struct CrashSafetyTests {
    static let finalNames = ["summary.csv", "timeseries.csv", "timeseries-mean.csv", "events.csv", "run.json"]

    /// Starts `smsim arguments…` with its output thrown away (stderr to `stderr` when given).
    static func start(_ arguments: [String], stderr: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try SmsimProcess.executable.get()
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// Waits until `condition` holds or `seconds` pass; true when it held.
    static func wait(seconds: Double, for condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    static func files(_ dir: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    }

    @Test func killedRunLeavesNoFileUnderAFinalName() throws {
        let dir = try PlanningCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Self.start(["run", dir + "/small.yaml", "--replications", "40", "--threads", "1", "--out", dir + "/out"])
        usleep(1_500_000)
        #expect(run.isRunning, "the run ended before it could be killed")
        kill(run.processIdentifier, SIGKILL)
        run.waitUntilExit()
        #expect(run.terminationReason == .uncaughtSignal)
        #expect(Set(Self.files(dir + "/out")).isDisjoint(with: Self.finalNames), "\(Self.files(dir + "/out"))")
    }

    @Test func killedSweepResumesToTheSameBytes() throws {
        let dir = try PlanningCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let grid = ["--servers", "2...3", "--consoles", "60,80", "--replications", "2", "--threads", "1"]
        let straight = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/straight"])
        #expect(straight.status == 0, "\(straight.stderr)")
        let expected = try PlanningCommandTests.bytes(dir + "/straight/sweep.csv")

        let sweep = try Self.start(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/killed"])
        let csv = dir + "/killed/sweep.csv"
        // Kill it once the first point is in the file.
        _ = Self.wait(seconds: 120) {
            ((try? String(contentsOfFile: csv, encoding: .utf8))?.split(separator: "\n").count ?? 0) >= 2
        }
        kill(sweep.processIdentifier, SIGKILL)
        sweep.waitUntilExit()
        let rest = try SmsimProcess.run(["sweep", dir + "/small.yaml"] + grid + ["--out", dir + "/killed"])
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(try PlanningCommandTests.bytes(csv) == expected)
    }

    @Test(arguments: [(SIGINT, Int32(130), "SIGINT"), (SIGTERM, Int32(143), "SIGTERM")])
    func interruptedRunStopsCleanly(signal: Int32, status: Int32, name: String) throws {
        let dir = try PlanningCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Self.start(["run", dir + "/small.yaml", "--replications", "40", "--threads", "1", "--out", dir + "/out"],
                                 stderr: dir + "/stderr")
        usleep(1_500_000)
        kill(run.processIdentifier, signal)
        run.waitUntilExit()
        #expect(run.terminationReason == .exit && run.terminationStatus == status)
        let stderr = try String(contentsOfFile: dir + "/stderr", encoding: .utf8)
        #expect(stderr == "smsim: stopped by \(name); unfinished files removed (a sweep resumes where it stopped when run again)\n")
        #expect(Self.files(dir + "/out").isEmpty, "\(Self.files(dir + "/out"))")
    }
}
