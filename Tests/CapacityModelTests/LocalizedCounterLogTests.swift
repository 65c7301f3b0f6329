@testable import ScenarioSpec
@testable import GroupSimulation
@testable import RunOutput
@testable import Planning
@testable import CounterCalibration
import Foundation
import XCTest

/// Counter logs as localized Windows writes them: a Data Collector Set on a Russian Windows
/// saves Windows-1251 text, localized counter names, and a header whose bias is cut off.
final class LocalizedCounterLogTests: XCTestCase {
    /// Windows-1251 bytes of `text` (ASCII and А–я, Ё, ё only): the test's own encoder, not the reader's table.
    static func cp1251(_ text: String) -> Data {
        Data(text.unicodeScalars.map { s -> UInt8 in
            switch s.value {
            case 0..<0x80: UInt8(s.value)
            case 0x0410...0x044F: UInt8(0xC0 + s.value - 0x0410)
            case 0x0401: 0xA8
            case 0x0451: 0xB8
            default: 0x3F
            }
        })
    }

    static let processor = "\\Процессор(_Total)\\% загруженности процессора"
    static let russian = "\"(PDH-CSV 4.0) (RTZ 2 (\",\"\\\\MS01\(processor)\",\"\\\\MS01\\OpsMgr SDK Service\\Client Connections\"\r\n"
        + "\"11/25/2026 10:01:00.000\",\"12,5\",\"40\"\r\n\"11/25/2026 10:02:00.000\",\"13,5\",\"41\"\r\n"

    func write(_ data: Data) throws -> String {
        let path = NSTemporaryDirectory() + "smsim-localized-\(UUID().uuidString).csv"
        try data.write(to: URL(fileURLWithPath: path))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testWindows1251IsDetectedAndAHeaderWithoutBiasIsReadAsUTCWithAWarning() throws {
        let path = try write(Self.cp1251(Self.russian))
        let log = try PDHCSVLog.read(path: path, decimalComma: true)
        XCTAssertEqual(log.counters[0].object, "Процессор")
        XCTAssertEqual(log.counters[0].counter, "% загруженности процессора")
        XCTAssertEqual(log.biasMinutes, 0)
        XCTAssertEqual(log.values[0], [12.5, 13.5])
        XCTAssertEqual(log.warnings.count, 2, "\(log.warnings)")
        XCTAssert(log.warnings[0].contains("read as windows-1251 (guessed"), log.warnings[0])
        XCTAssert(log.warnings[1].contains("no readable time zone bias") && log.warnings[1].contains("read as UTC"), log.warnings[1])
        // Moscow is UTC+3: with the offset given, 10:01 local is 07:01 UTC.
        let moscow = try PDHCSVLog.read(path: path, decimalComma: true, encoding: .windows1251, utcOffsetMinutes: 180)
        XCTAssertEqual(moscow.times[0], log.times[0] - 3 * 3600)
        XCTAssertEqual(moscow.warnings.count, 1, "given --encoding, no guess to warn about: \(moscow.warnings)")
        XCTAssert(moscow.warnings[0].contains("UTC+03:00 (--utc-offset)"), moscow.warnings[0])
    }

    func testUTF8StaysUTF8AndDecodingAsUTF8IsNotGuessed() throws {
        let path = try write(Data(Self.russian.utf8))
        let log = try PDHCSVLog.read(path: path, decimalComma: true)
        XCTAssertEqual(log.counters[0].object, "Процессор")
        XCTAssertFalse(log.warnings.contains { $0.contains("guessed") })
        XCTAssertEqual(CounterLogEncoding.detect(Data("caf\u{E9}".utf8)).encoding, .utf8)
        // A Western European file: a single accented letter between ASCII ones.
        XCTAssertEqual(CounterLogEncoding.detect(Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6B])).encoding, .windows1252)
        XCTAssertEqual(CounterLogEncoding.windows1252.decode(Data([0x63, 0x61, 0x66, 0xE9, 0x80])), "café€")
    }

    func testHalfHourBiasesShiftByTheirMinutes() throws {
        let text = "\"(PDH-CSV 4.0) (India Standard Time)(-330)\",\"\\\\MS01\\Processor(_Total)\\% Processor Time\"\r\n"
            + "\"11/25/2026 12:31:00.000\",\"10\"\r\n"
        let log = try PDHCSVLog.parse(text: text, path: "in.csv")
        XCTAssertEqual(log.biasMinutes, -330)
        XCTAssertEqual(log.timeZone, "India Standard Time")
        XCTAssertEqual(log.times[0], try XCTUnwrap(PDHCSVLog.parseTimestamp("11/25/2026 07:01:00.000")))
        XCTAssert(log.warnings.isEmpty)
    }

    func testUTCOffsetsParse() {
        for (text, minutes) in [("+03:00", 180), ("-05:30", -330), ("+5:30", 330), ("+0545", 345), ("+3", 180), ("UTC-08:00", -480), ("+14:00", 840)] {
            XCTAssertEqual(PDHCSVLog.parseUTCOffset(text), minutes, text)
        }
        for text in ["3", "+", "+3:60", "+15:00", "+a:00", "--3", "+3:0:0", ""] {
            XCTAssertNil(PDHCSVLog.parseUTCOffset(text), text)
        }
        XCTAssertEqual(PDHCSVLog.formatUTCOffset(-330), "-05:30")
    }

    /// A counter map names the localized counters; calibrate finds them in the logs.
    func testAMapWithLocalizedNamesFindsTheCounters() throws {
        let map = try CounterMap.parse(yaml: "counters:\n  processor: '\(Self.processor)'\n", path: "map.yaml")
        let log = try PDHCSVLog.parse(text: Self.russian, path: "ms01.csv", decimalComma: true)
        let windows = try CounterWindows.join([log], length: 60)
        XCTAssertEqual(windows.series(host: "ms01", map.counters[.processor]!)?.filter(\.isFinite), [12.5, 13.5])
        XCTAssertNil(windows.series(host: "MS01", CounterMap().counters[.processor]!))
    }
}
