import Foundation

/// The planner's export of work items created or updated (the saves that trigger workflows),
/// counted per interval: `smsim calibrate --work-items FILE.csv`. The format:
///
///     time,count
///     2026-11-25 08:00,212
///     2026-11-25 09:00,248
///
/// `time` is the start of the interval in UTC (`YYYY-MM-DD HH:MM`, optionally `:SS`, a `T`
/// for the space and a trailing `Z` accepted; Service Manager stores its dates in UTC), and
/// `count` the work items created or updated from then until the next row's time (the last
/// row covers as long as the one before it). Times increase; intervals need not be equal.
/// Blank lines and lines starting with `#` are skipped.
public struct WorkItemsLog: Sendable, Equatable {
    public var path: String
    /// Start of each interval, UTC seconds since 1970.
    public var starts: [Double]
    /// End of each interval.
    public var ends: [Double]
    public var counts: [Double]

    public static let header = "time,count"

    public static func read(path: String) throws -> WorkItemsLog {
        let data = try CounterLogLimits.contents(path, what: "work-items file")
        return try parse(text: PDHCSVLog.decode(data), path: path)
    }

    public static func parse(text: String, path: String) throws -> WorkItemsLog {
        func fail(_ line: Int, _ column: Int, _ message: String) -> CounterLogError {
            CounterLogError(file: path, line: line, column: column, message: message)
        }
        var starts: [Double] = [], counts: [Double] = [], lines: [Int] = []
        var sawHeader = false
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            try CounterLogLimits.check(raw, number: i + 1, path: path)
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if !sawHeader {
                guard cells.map({ $0.lowercased() }) == ["time", "count"] else {
                    throw fail(i + 1, 1, "expected the header '\(header)' (a work-items file is time,count rows: "
                               + "the start of each interval in UTC and the work items created or updated in it)")
                }
                sawHeader = true
                continue
            }
            guard cells.count == 2 else {
                throw fail(i + 1, 1, "expected 2 cells (time,count), found \(cells.count)")
            }
            guard let t = parseTime(cells[0]) else {
                throw fail(i + 1, 1, "time: '\(cells[0])' is not a UTC time YYYY-MM-DD HH:MM[:SS]")
            }
            let countColumn = raw.distance(from: raw.startIndex, to: raw.firstIndex(of: ",")!) + 2
            guard let n = Double(cells[1]), n.isFinite, n >= 0 else {
                throw fail(i + 1, countColumn, "count: '\(cells[1])' is not a number of work items (zero or more)")
            }
            if let previous = starts.last, t <= previous {
                throw fail(i + 1, 1, t == previous ? "time: \(cells[0]) repeats the previous row's"
                                                    : "time: \(cells[0]) is before the previous row's; rows go forward in time")
            }
            starts.append(t)
            counts.append(n)
            lines.append(i + 1)
        }
        guard sawHeader else { throw fail(1, 1, "empty file: expected the header '\(header)' and one row per interval") }
        guard starts.count >= 2 else {
            throw fail(lines.first ?? 1, 1, "at least two rows are needed (the spacing of the rows gives the intervals)")
        }
        var ends = Array(starts.dropFirst())
        ends.append(starts[starts.count - 1] + (starts[starts.count - 1] - starts[starts.count - 2]))
        return WorkItemsLog(path: path, starts: starts, ends: ends, counts: counts)
    }

    /// `YYYY-MM-DD HH:MM[:SS]` (or with `T` and a trailing `Z`) as UTC seconds since 1970.
    static func parseTime(_ text: String) -> Double? {
        var s = Substring(text)
        if s.hasSuffix("Z") { s = s.dropLast() }
        let parts = s.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard date.count == 3, date[0].count == 4, date[1].count == 2, date[2].count == 2, time.count == 2 || time.count == 3,
              time.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }), date.allSatisfy({ $0.allSatisfy(\.isNumber) }),
              let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]),
              let hour = Int(time[0]), let minute = Int(time[1]),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60 else { return nil }
        let second = time.count == 3 ? Int(time[2]) ?? 60 : 0
        guard second < 60 else { return nil }
        return Double(PDHCSVLog.daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// Work items per second in each window of `windows`: each interval's count spread evenly
    /// over its time, averaged over the part of the window the file covers; NaN for a window
    /// it does not cover at all.
    ///
    /// - Parameter lag: seconds between a work item's creation and its workflows' run (they
    ///   wait for the next subscription poll): the intervals are shifted by it.
    public func rates(in windows: CounterWindows, lag: Double = 0) -> [Double] {
        (0..<windows.count).map { w in
            let a = windows.origin + Double(w) * windows.length - lag, b = a + windows.length
            var items = 0.0, covered = 0.0
            for k in starts.indices {
                let overlap = min(b, ends[k]) - max(a, starts[k])
                guard overlap > 0 else { continue }
                items += counts[k] * overlap / (ends[k] - starts[k])
                covered += overlap
            }
            return covered > 0 ? items / covered : .nan
        }
    }

    /// The longest interval, seconds.
    public var longestInterval: Double { zip(ends, starts).map { $0 - $1 }.max() ?? 0 }
}
