import Foundation
import Testing

/// A shared scenario file is untrusted input (issue 23): its name cannot choose where files
/// go, what it asks to hold in memory is refused before it is allocated, and two runs into
/// one directory cannot interleave their files.
@Suite(.serialized) struct UntrustedScenarioTests {
    /// Every file under `dir`, relative to it.
    static func tree(_ dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).sorted()
    }

    /// A workspace with small.yaml whose `name:` is `name`, and an empty working directory two
    /// levels down to run from.
    static func workspace(name: String) throws -> (dir: String, cwd: String) {
        let dir = try PlanningCommandTests.workspace { text in
            text.replacingOccurrences(of: "name: weekday-40", with: "name: \"\(name)\"")
        }
        let cwd = dir + "/a/b"
        try FileManager.default.createDirectory(atPath: cwd, withIntermediateDirectories: true)
        return (dir, cwd)
    }

    @Test(arguments: ["../../escaped", "/tmp/smsim-absolute-escape", "..", String(repeating: "x/", count: 2_500)])
    func aNameCannotWriteOutsideResults(name: String) throws {
        let (dir, cwd) = try Self.workspace(name: name)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try SmsimProcess.run(["run", dir + "/small.yaml", "--replications", "1", "--quiet"], in: cwd)
        #expect(run.status == 0, "\(run.stderr)")
        let outside = Self.tree(dir).filter { !$0.hasPrefix("a/b/results/") && !["a", "a/b", "a/b/results", "small.yaml"].contains($0) }
        #expect(outside.isEmpty, "written outside results/: \(outside)")
        let written = try FileManager.default.contentsOfDirectory(atPath: cwd + "/results")
        #expect(written.count == 1 && written[0].count <= 64 && !written[0].hasPrefix("."), "\(written)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/smsim-absolute-escape"))
    }

    @Test func anOrdinaryNameKeepsItsDirectory() throws {
        let (dir, cwd) = try Self.workspace(name: "weekday-40")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try SmsimProcess.run(["run", dir + "/small.yaml", "--replications", "1", "--quiet"], in: cwd)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.tree(cwd + "/results/weekday-40") == ["bottleneck.json", "events.csv", "run.json", "summary.csv", "timeseries-mean.csv", "timeseries.csv"])
    }

    @Test func aNameWithAControlCharacterIsRefused() throws {
        let (dir, cwd) = try Self.workspace(name: "red\\e[31malert")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try SmsimProcess.run(["run", dir + "/small.yaml", "--quiet"], in: cwd)
        #expect(run.status == 2)
        #expect(run.stderrLines.count == 1 && run.stderr.contains(": error: name: ") && !run.stderr.contains("\u{1B}"), "\(run.stderr)")
        #expect(Self.tree(cwd).isEmpty)
    }

    @Test func outNamingAFileIsRefused() throws {
        let dir = try PlanningCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try SmsimProcess.run(["run", dir + "/small.yaml", "--out", dir + "/small.yaml"])
        #expect(run.status == 2 && run.stderr.contains("is an existing file"), "\(run.stderr)")
    }

    /// One case per input that scales memory: refused with exit 2 and one line naming the
    /// field, before the simulation allocates (nothing is written).
    @Test(arguments: [
        ("window: 5m", "window: 1ms", "window"),
        ("replications: 3", "replications: 100000000", "replications"),
        ("consolesPerServer: 40,", "count: 1000000,", "managementGroup.additionalServers.count"),
    ])
    func aLargeScenarioIsRefused(old: String, new: String, field: String) throws {
        let dir = try PlanningCommandTests.workspace { text in
            precondition(text.contains(old), "fixture text not found: \(old)")
            return text.replacingOccurrences(of: old, with: new)
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try SmsimProcess.run(["run", dir + "/small.yaml", "--out", dir + "/out"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderrLines.count == 1 && run.stderrLines[0].contains("small.yaml:") && run.stderr.contains(field), "\(run.stderr)")
        #expect(Self.tree(dir + "/out").isEmpty)
        let lint = try SmsimProcess.run(["lint", dir + "/small.yaml"])
        #expect(lint.status == 2 && lint.stderr.contains(field), "\(lint.stderr)")
    }

    /// Held replications count: a --precision cap far beyond need is refused, and runs with
    /// --allow-large (it stops after the first batch, well inside memory).
    @Test func allowLargeLetsABigButSaneRunGo() throws {
        let dir = try PlanningCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["run", dir + "/small.yaml", "--replications", "2", "--precision", "10", "--max-replications", "100000000",
                         "--threads", "1", "--quiet", "--out", dir + "/out"]
        let refused = try SmsimProcess.run(arguments)
        #expect(refused.status == 2 && refused.stderr.contains("--allow-large"), "\(refused.stderr)")
        let allowed = try SmsimProcess.run(arguments + ["--allow-large"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(Self.tree(dir + "/out") == ["bottleneck.json", "events.csv", "run.json", "summary.csv", "timeseries-mean.csv", "timeseries.csv"])
    }

    /// A second run into a busy directory is refused naming the holder; once the holder is
    /// killed, its lock does not block the next run, which leaves one whole run's files.
    @Test func oneWriterPerDirectory() throws {
        let dir = try PlanningCommandTests.workspace()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out"
        let first = try CrashSafetyTests.start(["run", dir + "/small.yaml", "--replications", "40", "--threads", "1", "--out", out])
        let locked = CrashSafetyTests.wait(seconds: 60) { FileManager.default.fileExists(atPath: out + "/.smsim.lock") }
        #expect(locked && first.isRunning)
        let second = try SmsimProcess.run(["run", dir + "/small.yaml", "--replications", "1", "--out", out])
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains("smsim process \(first.processIdentifier)"), "\(second.stderr)")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let third = try SmsimProcess.run(["run", dir + "/small.yaml", "--replications", "1", "--quiet", "--out", out])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(Self.tree(out) == ["bottleneck.json", "events.csv", "run.json", "summary.csv", "timeseries-mean.csv", "timeseries.csv"])
    }
}
