import Foundation
import Testing
@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration

/// The library side of issue 23: safe names for output paths, the memory estimate, bounded
/// sweep grids and counter logs, and the output directory's lock.
@Suite("Untrusted input", .serialized)
struct UntrustedInputTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    static func shipped() throws -> [(String, Scenario)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: scenarios.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { ($0, try ScenarioLoader.load(path: scenarios.appendingPathComponent($0).path)) }
    }

    // MARK: Names are not paths

    @Test func ordinaryNamesAreUnchanged() throws {
        for (_, scenario) in try Self.shipped() { #expect(OutputName.safe(scenario.name) == scenario.name) }
        #expect(OutputName.safe("Weekday_50.v2") == "Weekday_50.v2")
    }

    @Test(arguments: ["../../../tmp/escaped", "/etc/passwd", "..", ".", ".hidden", "a\u{1B}[2Jb", "a b", "ünïcode", "",
                      String(repeating: "x", count: 5_000), String(repeating: "../", count: 2_000)])
    func hostileNamesBecomeOneBoundedFileName(name: String) {
        let safe = OutputName.safe(name)
        #expect(!safe.isEmpty && safe.utf8.count <= OutputName.maxLength, "\(safe)")
        #expect(!safe.hasPrefix(".") && !safe.contains("/") && safe != "..", "\(safe)")
        #expect(safe.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }, "\(safe)")
        #expect(OutputName.isSafe(safe))
    }

    @Test func namesThatHadToChangeStayApart() {
        let long = String(repeating: "x", count: 5_000)
        #expect(OutputName.safe(long) != OutputName.safe(long + "y"))
        #expect(OutputName.safe("a/b") != OutputName.safe("a b"))
        #expect(OutputName.safe("../../../tmp/escaped").hasPrefix("tmp-escaped-"))
    }

    @Test func textWithControlCharactersIsRefusedWhereItIs() throws {
        let yaml = try String(contentsOf: Self.scenarios.appendingPathComponent("weekday-40.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: SQL", with: "name: \"SQL\\e]0;owned\\a\"")
        do throws(ScenarioError) {
            _ = try ScenarioLoader.parse(yaml: yaml, file: "h.yaml")
            Issue.record("accepted a control character")
        } catch {
            #expect(error.field == "managementGroup.database.name" && error.line == 20, "\(error)")
            #expect(!error.description.contains("\u{1B}"))
        }
    }

    // MARK: The memory estimate

    @Test func shippedScenariosAreFarInsideTheLimit() throws {
        for (file, scenario) in try Self.shipped() {
            #expect(scenario.memoryEstimate(concurrent: 8).bytes < 200e6, "\(file)")
        }
    }

    @Test func perItemCostsBoundTheEngine() {
        #expect(MemoryEstimate.Cost.row >= Double(MemoryLayout<WindowRow>.stride))
        #expect(MemoryEstimate.Cost.server >= 2 * 4 * Double(4736))  // two latency histograms of UInt32 buckets
    }

    /// One case per field that scales memory; each names its field.
    @Test func eachScalingFieldIsNamed() throws {
        var s = Fixtures.weekday()
        #expect(s.tooLargeMessage() == nil)
        s.window = 0.001
        #expect(s.tooLargeMessage()?.field == "window")
        s = Fixtures.weekday()
        s.replications = 100_000_000
        #expect(s.tooLargeMessage()?.field == "replications")
        #expect(Fixtures.weekday().tooLargeMessage(replicationsHeld: 100_000_000)?.field == "replications")
        s = Fixtures.weekday()
        s.managementGroup.additionalServers.connectionLimit = 100_000_000
        // Console slots are bounded by the peak as well as by the limits: a huge limit costs nothing.
        #expect(s.tooLargeMessage() == nil)
        s = Fixtures.weekday()
        s.managementGroup.additionalServers.count = 9_000
        s.replications = 50
        #expect(s.tooLargeMessage()?.field == "managementGroup.additionalServers.count")
        s = Fixtures.weekday()
        s.workflows.concurrency = 100_000_000
        #expect(s.tooLargeMessage()?.field == "workflows.concurrency")
        s = Fixtures.weekday()
        s.consoles.requests = Array(repeating: s.consoles.requests[0], count: 100_000)
        s.window = 1
        #expect(s.tooLargeMessage()?.field == "consoles.requests")
        let message = try #require(Fixtures.weekday(duration: 86_400).with { $0.window = 0.001 }.tooLargeMessage()?.message)
        #expect(message.contains("the limit is 4 GB") && message.contains("--allow-large") && !message.contains("\n"), "\(message)")
    }

    @Test func aMillionServersIsRefusedBeforeTheLayoutIsBuilt() {
        var s = Fixtures.weekday()
        s.managementGroup.additionalServers.count = 1_000_000
        #expect(throws: ScenarioError.self) { try s.validate() }
        s = Fixtures.weekday(peak: Int.max, additional: nil, ratio: 1)
        #expect(throws: ScenarioError.self) { try s.validate() }
    }

    @Test func refusalsAreLocatedAtTheirField() throws {
        let yaml = "name: x\nduration: 1h\nwindow: 1ms\n"
        let e = ScenarioLoader.error(file: "h.yaml", yaml: yaml, field: "window", message: "too large")
        #expect(e.line == 3 && e.field == "window")
        let top = ScenarioLoader.error(file: "h.yaml", yaml: yaml, field: "workflows.concurrency", message: "too large")
        #expect(top.line == 1)
    }

    // MARK: Grids and logs

    @Test func sweepGridsAndListsAreBounded() throws {
        let grid = try SweepGrid(consoles: Array(1...1_000), servers: Array(1...1_000), down: [0, 1])
        #expect(throws: PlanningError.self) { try grid.points(of: Fixtures.weekday()) }
        #expect(throws: PlanningError.self) { try IntegerList.parse("\(Int.min)...\(Int.max)", option: "--servers") }
        #expect(try IntegerList.parse("1...99999", option: "--servers").count == 99_999)
    }

    @Test func counterLogsBoundLinesAndColumns() throws {
        let header = "\"(PDH-CSV 4.0) (UTC)(0)\"," + (0...CounterLogLimits.maxColumns).map { "\"\\\\MS01\\P(\($0))\\C\"" }.joined(separator: ",")
        #expect { try PDHCSVLog.parse(text: header + "\n", path: "wide.csv") } throws: { error in
            (error as? CounterLogError)?.message.contains("counters in one log") ?? false
        }
        let long = "\"(PDH-CSV 4.0) (UTC)(0)\",\"\\\\MS01\\P(_Total)\\C\"\n\"" + String(repeating: "1", count: CounterLogLimits.maxLineBytes) + "\"\n"
        #expect { try PDHCSVLog.parse(text: long, path: "long.csv") } throws: { error in
            (error as? CounterLogError).map { $0.line == 2 && $0.message.contains("longer than") } ?? false
        }
        #expect { try WorkItemsLog.parse(text: "time,count\n" + String(repeating: "9", count: CounterLogLimits.maxLineBytes + 1), path: "w.csv") } throws: { error in
            (error as? CounterLogError)?.line == 2
        }
    }

    // MARK: One writer per directory

    @Test func aSecondWriterIsRefusedNamingTheFirst() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smsim-lock-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try OutputLock(directory: dir + "/out")
        #expect { try OutputLock(directory: dir + "/out") } throws: { error in
            "\(error)".contains("smsim process \(getpid())")
        }
        first.release()
        #expect(!FileManager.default.fileExists(atPath: dir + "/out/" + OutputLock.fileName))
        let again = try OutputLock(directory: dir + "/out")
        again.release()
    }
}

extension Scenario {
    func with(_ change: (inout Scenario) -> Void) -> Scenario {
        var copy = self
        change(&copy)
        return copy
    }
}
