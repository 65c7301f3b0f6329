@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import XCTest

final class PDHCSVReaderTests: XCTestCase {
    let header = #""(PDH-CSV 4.0) (Pacific Standard Time)(480)","\\MS02\Processor(_Total)\% Processor Time","\\MS02\OpsMgr SDK Service\Client Connections""#

    func log(_ rows: [String], decimalComma: Bool = false) throws -> PDHCSVLog {
        try PDHCSVLog.parse(text: ([header] + rows).joined(separator: "\r\n") + "\r\n", path: "ms02.csv", decimalComma: decimalComma)
    }

    func error(_ text: String, decimalComma: Bool = false) -> String {
        do {
            _ = try PDHCSVLog.parse(text: text, path: "ms02.csv", decimalComma: decimalComma)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testReadsTheRealFormat() throws {
        let l = try log([#""11/25/2026 07:00:00.000"," ","40""#, #""11/25/2026 07:01:00.000","23.5","41""#,
                         #""11/25/2026 07:02:00.000","25","42""#])
        XCTAssertEqual(l.timeZone, "Pacific Standard Time")
        XCTAssertEqual(l.biasMinutes, 480)
        XCTAssertEqual(l.counters.map(\.description), [#"\\MS02\Processor(_Total)\% Processor Time"#, #"\\MS02\OpsMgr SDK Service\Client Connections"#])
        XCTAssertEqual(l.counters[0].instance, "_Total")
        XCTAssertNil(l.counters[1].instance)
        XCTAssertTrue(l.values[0][0].isNaN, "a blank sample is no value")
        XCTAssertEqual(l.values[0][1], 23.5)
        XCTAssertEqual(l.interval, 60)
        // 07:00 Pacific standard time is 15:00 UTC.
        XCTAssertEqual(l.times[0], PDHCSVLog.parseTimestamp("11/25/2026 15:00:00.000"))
        XCTAssertEqual(l.lines, [2, 3, 4])
    }

    func testDecimalCommaAndInstancesWithParentheses() throws {
        let l = try log([#""11/25/2026 07:00:00.000","12,5","40""#], decimalComma: true)
        XCTAssertEqual(l.values[0][0], 12.5)
        let p = try XCTUnwrap(CounterPath(parsing: #"\\SQL01\Process(sqlservr (2))\% Processor Time"#))
        XCTAssertEqual(p.instance, "sqlservr (2)")
        XCTAssertEqual(p.object, "Process")
    }

    func testBadInputIsOneLocatedLine() {
        let row = #""11/25/2026 07:00:00.000","1","2""#
        XCTAssertEqual(error(""), "ms02.csv:1:1: error: empty file: a PDH-CSV log starts with a header line \"(PDH-CSV 4.0) (<time zone>)(<bias>)\",\"\\\\HOST\\Object(Instance)\\Counter\",…")
        XCTAssertTrue(error(row).hasPrefix("ms02.csv:1:1: error: no header line"), error(row))
        XCTAssertTrue(error("\"Time\",\"cpu\"\n" + row).hasPrefix("ms02.csv:1:1: error: not a PDH-CSV log"))
        XCTAssertTrue(error(header + "\n" + #""11/25/2026 07:00:00.000","1","x2""#).hasPrefix("ms02.csv:2:31: error: sample 'x2' is not a number"),
                      error(header + "\n" + #""11/25/2026 07:00:00.000","1","x2""#))
        XCTAssertTrue(error(header + "\n" + #""11/25/2026 07:00:00.000","1,5","2""#).contains("give --decimal-comma"))
        XCTAssertTrue(error(header + "\n" + row + "\n" + row).hasPrefix("ms02.csv:3:2: error: duplicate timestamp"))
        let back = #""11/25/2026 06:59:00.000","1","2""#
        XCTAssertTrue(error(header + "\n" + row + "\n" + #""11/25/2026 07:01:00.000","1","2""# + "\n" + back)
            .hasPrefix("ms02.csv:4:2: error: timestamp goes backwards by 120 s"))
        let rows = ["07:00", "07:01", "07:02", "08:03"].map { #""03/08/2026 \#($0):00.000","1","2""# }
        XCTAssertTrue(error(([header] + rows).joined(separator: "\n")).contains("daylight-saving"))
        XCTAssertTrue(error(header + "\n" + #""11/25/2026 07:00:00.000","1""#).hasPrefix("ms02.csv:2:"))
        XCTAssertTrue(error(#""(PDH-CSV 4.0) (UTC)(0)","MS02\cpu""#).hasPrefix("ms02.csv:1:26: error: 'MS02\\cpu' is not a counter path"))
        XCTAssertTrue(error(header + "\n").contains("no samples"))
        for e in [error(""), error(row), error(header + "\n" + row + "\n" + row)] { XCTAssertFalse(e.contains("\n")) }
    }

    func testUnknownHostIsAnErrorAtItsHeaderCell() throws {
        let s = Fixtures.weekday()
        let l = try PDHCSVLog.parse(text: #""(PDH-CSV 4.0) (UTC)(0)","\\MS02\Processor(_Total)\% Processor Time","\\WEB7\Processor(_Total)\% Processor Time""# + "\n"
                                    + #""11/25/2026 07:00:00.000","1","2""#, path: "x.csv")
        XCTAssertThrowsError(try Calibration.checkHosts([l], map: CounterMap(), scenario: s)) { e in
            XCTAssertTrue("\(e)".hasPrefix("x.csv:1:70: error: host 'WEB7' is not a station"), "\(e)")
        }
        var map = CounterMap()
        map.hosts["WEB7"] = "MS03"
        XCTAssertNoThrow(try Calibration.checkHosts([l], map: map, scenario: s))
    }

    func testLogsFromTwoHostsJoinOnTime() throws {
        let a = try PDHCSVLog.parse(text: #""(PDH-CSV 4.0) (UTC)(0)","\\MS02\Processor(_Total)\% Processor Time""# + "\n"
                                    + (0..<10).map { #""11/25/2026 07:0\#($0):00.000","\#($0)""# }.joined(separator: "\n"), path: "a.csv")
        // Another host, an hour east (bias −60), sampling 17 s later.
        let b = try PDHCSVLog.parse(text: #""(PDH-CSV 4.0) (W. Europe Standard Time)(-60)","\\SQL\Processor(_Total)\% Processor Time""# + "\n"
                                    + (0..<10).map { #""11/25/2026 08:0\#($0):17.000","\#(10 * $0)""# }.joined(separator: "\n"), path: "b.csv")
        let w = try CounterWindows.join([a, b], length: 300)
        XCTAssertEqual(w.count, 3)
        let cpu = try XCTUnwrap(CounterPath(localPath: #"\Processor(_Total)\% Processor Time"#))
        // Window 06:55–07:00 holds a's 07:00 sample (covering 06:59–07:00), the next 07:01–07:05, the last 07:06–07:09.
        XCTAssertEqual(w.series(host: "MS02", cpu)!, [0, 3, 7.5])
        XCTAssertEqual(w.series(host: "SQL", cpu)!, [0, 30, 75])
        XCTAssertThrowsError(try CounterWindows.join([a, a], length: 300))
    }

    /// Logs decades apart would need millions of windows: refused at the latest sample, before
    /// anything is allocated.
    func testLogsFromDifferentDecadesAreRefused() throws {
        let header = #""(PDH-CSV 4.0) (UTC)(0)","\\MS02\Processor(_Total)\% Processor Time""# + "\n"
        let a = try PDHCSVLog.parse(text: header + #""11/25/2006 07:00:00.000","1""# + "\n" + #""11/25/2006 07:01:00.000","2""#, path: "a.csv")
        let b = try PDHCSVLog.parse(text: header.replacingOccurrences(of: "MS02", with: "SQL")
                                    + #""11/25/2026 07:00:00.000","1""# + "\n" + #""11/25/2026 07:01:00.000","2""#, path: "b.csv")
        XCTAssertThrowsError(try CounterWindows.join([a, b], length: 300)) { error in
            XCTAssertTrue("\(error)".hasPrefix("b.csv:3:2: error: the logs span 7305"), "\(error)")
        }
    }
}
