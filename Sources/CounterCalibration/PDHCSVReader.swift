import Foundation
import ScenarioSpec

/// One PDH-CSV counter log, as `typeperf -f CSV`, `relog -f csv` and Performance Monitor's
/// "save as CSV" write it:
///
///     "(PDH-CSV 4.0) (GMT Standard Time)(0)","\\MS02\Processor(_Total)\% Processor Time",…
///     "11/25/2026 07:01:00.000","23.5",…
///
/// The first header cell names the format, the collector's time zone and its bias (minutes
/// to add to local time to get UTC); the others are counter paths. Each data row is a local
/// timestamp `MM/dd/yyyy HH:mm:ss.fff` and one quoted value per counter, `" "` when the
/// counter had no value at that sample (typeperf's first sample of a rate counter, a
/// service that was stopped).
public struct PDHCSVLog: Sendable {
    public var path: String
    public var timeZone: String
    /// Minutes added to local time to give UTC (Windows' convention: 300 for US Eastern).
    public var biasMinutes: Int
    public var counters: [CounterPath]
    /// Column (from 1) of each counter's header cell, for error messages.
    public var counterColumns: [Int]
    /// UTC seconds since 1970-01-01 of each sample.
    public var times: [Double]
    /// Source line of each sample.
    public var lines: [Int]
    /// values[counter][sample]; NaN where the cell was blank.
    public var values: [[Double]]
    /// The median spacing of the samples, seconds (0 with fewer than two samples).
    public var interval: Double
    /// What was assumed to read the file (its encoding, a bias the header lacks), for the report.
    public var warnings: [String] = []

    /// Reads and checks a log. Throws a `CounterLogError` for anything that is not a
    /// well-formed PDH-CSV file: an empty file, a missing or foreign header, a counter path
    /// that is not `\\HOST\Object(Instance)\Counter`, a row of the wrong width, a sample
    /// that is not a number, a timestamp that repeats, goes backwards or jumps by an hour (a
    /// daylight-saving change in the collector's clock).
    ///
    /// - Parameters:
    ///   - encoding: the file's encoding; nil: detected (`CounterLogEncoding.detect`), with a
    ///     warning when it had to be guessed.
    ///   - utcOffsetMinutes: local time minus UTC for a header without a readable bias.
    public static func read(path: String, decimalComma: Bool = false, encoding: CounterLogEncoding? = nil,
                            utcOffsetMinutes: Int? = nil) throws -> PDHCSVLog {
        let data = try CounterLogLimits.contents(path, what: "file")
        let detected = CounterLogEncoding.detect(data)
        var log = try parse(text: (encoding ?? detected.encoding).decode(data), path: path, decimalComma: decimalComma,
                            utcOffsetMinutes: utcOffsetMinutes)
        if encoding == nil && detected.guessed {
            log.warnings.insert("\(path): not UTF-8 or UTF-16; read as \(detected.encoding.rawValue) (guessed from its bytes): "
                                + "if its counter names look wrong, give --encoding", at: 0)
        }
        return log
    }

    /// UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark, as relog writes.
    static func decode(_ data: Data) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16) ?? ""
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// - Parameter utcOffsetMinutes: local time minus UTC, for a header whose bias cannot be
    ///   read (a localized Windows cuts the zone's name short and drops it); UTC when nil.
    public static func parse(text: String, path: String, decimalComma: Bool = false, utcOffsetMinutes: Int? = nil) throws -> PDHCSVLog {
        func fail(_ line: Int, _ column: Int, _ message: String) -> CounterLogError {
            CounterLogError(file: path, line: line, column: column, message: message)
        }
        // "\r\n" is one Character in Swift: split on every kind of line break.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let first = lines.first, !first.allSatisfy(\.isWhitespace) else {
            throw fail(1, 1, "empty file: a PDH-CSV log starts with a header line \"(PDH-CSV 4.0) (<time zone>)(<bias>)\",\"\\\\HOST\\Object(Instance)\\Counter\",…")
        }
        try CounterLogLimits.check(first, number: 1, path: path)
        let header = try CSVCells.split(first, line: 1, path: path)
        guard header.count <= CounterLogLimits.maxColumns else {
            throw fail(1, header[CounterLogLimits.maxColumns].column, "more than \(CounterLogLimits.maxColumns - 1) counters in one log; split it by host")
        }
        let (zone, readBias) = try parseFormatCell(header[0], line: 1, path: path)
        let bias = readBias ?? -(utcOffsetMinutes ?? 0)
        guard header.count >= 2 else { throw fail(1, header[0].column, "the header names no counter") }
        var counters: [CounterPath] = []
        for cell in header.dropFirst() {
            guard let counter = CounterPath(parsing: cell.text) else {
                throw fail(1, cell.column, "'\(cell.text)' is not a counter path \\\\HOST\\Object(Instance)\\Counter")
            }
            if counters.contains(counter) { throw fail(1, cell.column, "counter \(counter) appears twice") }
            counters.append(counter)
        }

        var log = PDHCSVLog(path: path, timeZone: zone, biasMinutes: bias, counters: counters,
                            counterColumns: header.dropFirst().map(\.column), times: [], lines: [],
                            values: Array(repeating: [], count: counters.count), interval: 0)
        if readBias == nil {
            log.warnings.append(Self.missingBias(header[0].text, path: path, utcOffsetMinutes: utcOffsetMinutes))
        }
        for (index, raw) in lines.enumerated().dropFirst() where !raw.allSatisfy(\.isWhitespace) {
            let number = index + 1
            try CounterLogLimits.check(raw, number: number, path: path)
            let cells = try CSVCells.split(raw, line: number, path: path)
            guard cells.count == header.count else {
                let column = cells.count > header.count ? cells[header.count].column : raw.count + 1
                throw fail(number, column, "\(cells.count - 1) sample(s) on this row, the header names \(counters.count) counter(s)")
            }
            guard let local = parseTimestamp(cells[0].text) else {
                throw fail(number, cells[0].column, "'\(cells[0].text)' is not a timestamp MM/dd/yyyy HH:mm:ss.fff")
            }
            log.times.append(local + Double(bias) * 60)
            log.lines.append(number)
            for (k, cell) in cells.dropFirst().enumerated() {
                log.values[k].append(try sample(cell, decimalComma: decimalComma, line: number, path: path))
            }
        }
        guard !log.times.isEmpty else { throw fail(2, 1, "the log has a header but no samples") }
        log.interval = medianSpacing(log.times)
        try log.checkTimes()
        return log
    }

    /// `(PDH-CSV 4.0) (<time zone>)(<bias>)`: the zone's name and its bias in minutes; the bias
    /// nil when the cell has none that can be read (`(PDH-CSV 4.0) (RTZ 2 (`).
    static func parseFormatCell(_ cell: CSVCells.Cell, line: Int, path: String) throws -> (String, Int?) {
        let text = cell.text
        func fail(_ message: String) -> CounterLogError {
            CounterLogError(file: path, line: line, column: cell.column, message: message)
        }
        if parseTimestamp(text) != nil {
            throw fail("no header line: the first line is a sample; a PDH-CSV log starts with \"(PDH-CSV 4.0) (<time zone>)(<bias>)\"")
        }
        guard text.hasPrefix("(PDH-CSV ") else {
            throw fail("not a PDH-CSV log: the first header cell is '\(text)', expected \"(PDH-CSV 4.0) (<time zone>)(<bias>)\" "
                       + "(write the log with typeperf -f CSV or relog -f csv)")
        }
        guard let biasOpen = text.lastIndex(of: "("), text.hasSuffix(")"),
              let bias = Int(text[text.index(after: biasOpen)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)),
              let versionEnd = text.firstIndex(of: ")"), versionEnd < biasOpen else {
            let versionEnd = text.firstIndex(of: ")").map { text.index(after: $0) } ?? text.endIndex
            return (text[versionEnd...].trimmingCharacters(in: CharacterSet(charactersIn: " ()")), nil)
        }
        let zone = text[text.index(after: versionEnd)..<biasOpen].trimmingCharacters(in: .whitespaces)
        let name = zone.hasPrefix("(") && zone.hasSuffix(")") ? String(zone.dropFirst().dropLast()) : zone
        return (name, bias)
    }

    /// A sample cell: a finite number, or NaN for a blank.
    static func sample(_ cell: CSVCells.Cell, decimalComma: Bool, line: Int, path: String) throws -> Double {
        let trimmed = cell.text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .nan }
        let text = decimalComma ? trimmed.replacingOccurrences(of: ",", with: ".") : trimmed
        guard let value = Double(text), value.isFinite, text.allSatisfy({ "0123456789.-+eE".contains($0) }) else {
            let hint = !decimalComma && trimmed.contains(",") ? " (a log from a locale with decimal commas? give --decimal-comma)" : ""
            throw CounterLogError(file: path, line: line, column: cell.column, message: "sample '\(cell.text)' is not a number\(hint)")
        }
        return value
    }

    /// Seconds since 1970-01-01 of a civil `MM/dd/yyyy HH:mm:ss.fff` (fraction optional).
    static func parseTimestamp(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard date.count == 3, time.count == 3, date[0].count == 2, date[1].count == 2, date[2].count == 4,
              time[0].count == 2, time[1].count == 2,
              let month = Int(date[0]), let day = Int(date[1]), let year = Int(date[2]),
              let hour = Int(time[0]), let minute = Int(time[1]), let seconds = Double(time[2]),
              time[2].allSatisfy({ $0.isNumber || $0 == "." }),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, seconds < 61 else { return nil }
        return Double(daysFromCivil(year: year, month: month, day: day)) * 86_400 + Double(hour * 3600 + minute * 60) + seconds
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func medianSpacing(_ times: [Double]) -> Double {
        guard times.count >= 2 else { return 0 }
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }.sorted()
        return gaps[gaps.count / 2]
    }

    /// Timestamps must increase; an hour's jump either way is a daylight-saving change.
    func checkTimes() throws {
        for i in times.indices.dropFirst() {
            let gap = times[i] - times[i - 1]
            let tolerance = max(1, 0.25 * interval)
            func fail(_ message: String) -> CounterLogError {
                CounterLogError(file: path, line: lines[i], column: 2, message: message)
            }
            if abs(gap - interval - 3600) <= tolerance || abs(gap - interval + 3600) <= tolerance {
                throw fail("the clock jumps by an hour after line \(lines[i - 1]) (a daylight-saving change in '\(timeZone)'): "
                           + "samples on either side cannot be joined; split the log at the change or collect with the "
                           + "collector's time zone set to one without daylight saving")
            }
            if gap == 0 { throw fail("duplicate timestamp: the same time as line \(lines[i - 1])") }
            if gap < 0 { throw fail("timestamp goes backwards by \(NumberFormat.literal(-gap)) s from line \(lines[i - 1])") }
        }
    }
}

/// Cells of one CSV line, quoted (`"a,b"`, `""` for a quote) or not, with their columns.
enum CSVCells {
    struct Cell {
        var text: String
        /// Column (from 1) of the cell's first character, its opening quote if quoted.
        var column: Int
    }

    static func split(_ line: Substring, line number: Int, path: String) throws -> [Cell] {
        var cells: [Cell] = []
        let characters = Array(line)
        var i = 0
        while true {
            let start = i
            var text = ""
            if i < characters.count, characters[i] == "\"" {
                i += 1
                var closed = false
                while i < characters.count {
                    if characters[i] == "\"" {
                        if i + 1 < characters.count, characters[i + 1] == "\"" {
                            text.append("\"")
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    text.append(characters[i])
                    i += 1
                }
                guard closed else {
                    throw CounterLogError(file: path, line: number, column: start + 1, message: "unterminated quoted cell")
                }
                guard i == characters.count || characters[i] == "," else {
                    throw CounterLogError(file: path, line: number, column: i + 1, message: "text after a quoted cell; expected ','")
                }
            } else {
                while i < characters.count, characters[i] != "," {
                    text.append(characters[i])
                    i += 1
                }
            }
            cells.append(Cell(text: text, column: start + 1))
            guard i < characters.count else { break }
            i += 1 // the comma
        }
        return cells
    }
}
