@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import XCTest

/// The work-items export: `time,count` rows read into rates per window, and every malformed
/// file refused at its line and column.
final class WorkItemsLogTests: XCTestCase {
    func testReadsRowsAndSpreadsEachCountOverItsInterval() throws {
        let text = "# exported from the CMDB\ntime,count\n2026-11-25 08:00,360\n2026-11-25T09:00:00Z,720\n\n2026-11-25 10:00:00,0\n"
        let log = try WorkItemsLog.parse(text: text, path: "w.csv")
        XCTAssertEqual(log.counts, [360, 720, 0])
        XCTAssertEqual(log.starts[1] - log.starts[0], 3600)
        XCTAssertEqual(log.ends.last! - log.starts.last!, 3600, "the last row lasts as long as the one before")
        // Half-hour windows from 07:30: the first is before the file, the next two share the
        // first hour's 360, then the second hour's 720, then none.
        let origin = WorkItemsLog.parseTime("2026-11-25 07:30")!
        let windows = CounterWindows(origin: origin, length: 1800, count: 6, series: [:], samples: [:])
        let rates = log.rates(in: windows)
        XCTAssertTrue(rates[0].isNaN)
        XCTAssertEqual(rates[1], 0.1, accuracy: 1e-12)
        XCTAssertEqual(rates[3], 0.2, accuracy: 1e-12)
        XCTAssertEqual(rates[5], 0, accuracy: 1e-12)
        // A lag moves the counts later: with 15 minutes, window 1 sees a quarter hour of them.
        XCTAssertEqual(log.rates(in: windows, lag: 900)[1], 0.1, accuracy: 1e-12)
        XCTAssertTrue(log.rates(in: windows, lag: 1800)[1].isNaN)
    }

    func testMalformedFilesAreRefusedAtTheirLineAndColumn() {
        let cases: [(String, String)] = [
            ("", "w.csv:1:1: error: empty file"),
            ("when,items\n2026-11-25 08:00,3\n", "w.csv:1:1: error: expected the header 'time,count'"),
            ("time,count\n2026-11-25 08:00,3,4\n2026-11-25 09:00,3\n", "w.csv:2:1: error: expected 2 cells"),
            ("time,count\n11/25/2026 08:00,3\n2026-11-25 09:00,3\n", "w.csv:2:1: error: time: '11/25/2026 08:00' is not a UTC time"),
            ("time,count\n2026-11-25 08:00,three\n2026-11-25 09:00,3\n", "w.csv:2:18: error: count: 'three' is not a number"),
            ("time,count\n2026-11-25 08:00,-1\n2026-11-25 09:00,3\n", "w.csv:2:18: error: count: '-1'"),
            ("time,count\n2026-11-25 08:00,1\n2026-11-25 08:00,3\n", "w.csv:3:1: error: time: 2026-11-25 08:00 repeats"),
            ("time,count\n2026-11-25 09:00,1\n2026-11-25 08:00,3\n", "w.csv:3:1: error: time: 2026-11-25 08:00 is before"),
            ("time,count\n2026-11-25 08:00,1\n", "w.csv:2:1: error: at least two rows"),
            ("time,count\n2026-13-25 08:00,1\n2026-11-25 09:00,3\n", "w.csv:2:1: error: time:"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try WorkItemsLog.parse(text: text, path: "w.csv"), expected) { error in
                let line = "\(error)"
                XCTAssertTrue(line.hasPrefix(expected), "\(line) does not start with \(expected)")
                XCTAssertFalse(line.contains("\n"))
            }
        }
    }
}
