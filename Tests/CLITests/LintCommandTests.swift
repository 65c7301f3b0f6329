import Foundation
import Testing

@Suite("smsim lint")
struct LintCommandTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios").path

    @Test func shippedScenariosAreValidAndDescribed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenarios)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { Self.scenarios + "/" + $0 }
        let out = try SmsimProcess.run(["lint"] + files)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.isEmpty)
        #expect(out.stdout.contains("weekday-50.yaml: valid"))
        #expect(out.stdout.contains("MS01 (4 cores, workflows, no consoles), MS02…MS09 (4 cores, consoles)"), "\(out.stdout)")
        #expect(out.stdout.contains("estimate: "))
    }

    @Test func badFilesExitWith2AndOneLineEach() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-lint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "name: t\nduration: 1h\nconsoles:\n  peak: 1\n  peak: 2\n".write(toFile: dir + "/dup.yaml", atomically: true, encoding: .utf8)
        let good = Self.scenarios + "/weekday-50.yaml"
        let text = try SmsimProcess.run(["lint", good, dir + "/dup.yaml"])
        #expect(text.status == 2)
        #expect(text.stderrLines == ["\(dir)/dup.yaml:5:3: error: consoles.peak: key 'peak' appears more than once in this mapping (first at line 4); keys must be unique"])
        let json = try SmsimProcess.run(["lint", "--json", good, dir + "/dup.yaml"])
        #expect(json.status == 2)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(reports.count == 2)
        #expect(reports[0]["valid"] as? Bool == true && (reports[0]["eventsPerReplication"] as? Double ?? 0) > 1e6)
        #expect((reports[0]["servers"] as? [Any])?.count == 9)
        #expect(reports[1]["valid"] as? Bool == false)
        // Over the work limit: refused by lint and run alike, unless --allow-long.
        let long = try String(contentsOfFile: good, encoding: .utf8).replacingOccurrences(of: "duration: 10h", with: "duration: 3000d")
        try long.write(toFile: dir + "/long.yaml", atomically: true, encoding: .utf8)
        #expect(try SmsimProcess.run(["lint", dir + "/long.yaml"]).stderr.contains("--allow-long"))
        // 3000 days of 5-minute windows are also far over the memory limit, named at `window`.
        let allowedLong = try SmsimProcess.run(["lint", "--allow-long", dir + "/long.yaml"])
        #expect(allowedLong.status == 2 && allowedLong.stderr.contains("error: window:") && allowedLong.stderr.contains("--allow-large"))
        #expect(try SmsimProcess.run(["lint", "--allow-long", "--allow-large", dir + "/long.yaml"]).status == 0)
        let run = try SmsimProcess.run(["run", dir + "/long.yaml", "--out", dir + "/out"])
        #expect(run.status == 2 && run.stderrLines.count == 1, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}

/// A bad `startsAt` is bad input like any other field: one located line, exit status 2.
@Suite struct StartsAtCommandTests {
    @Test func aTimeOutsideTheDayIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-startsat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = try String(contentsOfFile: LintCommandTests.scenarios + "/weekday-40.yaml", encoding: .utf8)
        let line = try #require(good.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("startsAt: 07:00") }) + 1
        try good.replacingOccurrences(of: "startsAt: 07:00", with: "startsAt: 25:00").write(toFile: dir + "/late.yaml", atomically: true, encoding: .utf8)
        for command in [["lint"], ["run", "--out", dir + "/out"]] {
            let out = try SmsimProcess.run(command + [dir + "/late.yaml"])
            #expect(out.status == 2, "\(command): \(out.stderr)")
            #expect(out.stderrLines.count == 1)
            #expect(out.stderr.hasPrefix("\(dir)/late.yaml:\(line):11: error: startsAt: expected a time of day such as 07:00"), "\(out.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    /// A database given both ways, or an inventory with a misspelt kind: one line naming the
    /// file, line, column and field; exit status 2.
    @Test func badInventoriesExitWith2AndOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-lint-inv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = try String(contentsOfFile: LintCommandTests.scenarios + "/weekday-50.yaml", encoding: .utf8)
        let both = text.replacingOccurrences(of: "    inventory:", with: "    rows: 6000000\n    inventory:")
        try both.write(toFile: dir + "/both.yaml", atomically: true, encoding: .utf8)
        let out = try SmsimProcess.run(["lint", dir + "/both.yaml"])
        #expect(out.status == 2)
        #expect(out.stderrLines.count == 1 && out.stderr.hasPrefix("\(dir)/both.yaml:")
                && out.stderr.contains(": error: managementGroup.database.rows: give rows (a count) or inventory"), "\(out.stderr)")
        let kind = text.replacingOccurrences(of: "kind: changeRequest", with: "kind: change")
        try kind.write(toFile: dir + "/kind.yaml", atomically: true, encoding: .utf8)
        let bad = try SmsimProcess.run(["lint", dir + "/kind.yaml"])
        #expect(bad.status == 2 && bad.stderrLines.count == 1)
        #expect(bad.stderr.contains("managementGroup.database.inventory.workItems[1].kind: unknown value 'change'"), "\(bad.stderr)")
    }
}
