import Foundation

/// Bounds on the files `smsim calibrate` reads (counter logs, work-items exports), checked
/// before a file is read whole or a line is split, so a hostile or corrupt file is refused
/// with its line instead of filling memory. Real logs are far inside: a day of one-minute
/// samples of a few hundred counters is a few megabytes, with lines of a few kilobytes.
public enum CounterLogLimits {
    /// Largest file read, bytes.
    public static let maxBytes = 256 << 20
    /// Most lines: a week of one-second samples is 605 000. Counted before the text is split,
    /// because each line costs a slice (32 bytes) whatever its length.
    public static let maxLines = 2_000_000
    /// Longest line, bytes (a header of `maxColumns` counter paths fits).
    public static let maxLineBytes = 4 << 20
    /// Most cells on a line: the timestamp and the counters.
    public static let maxColumns = 20_000

    /// The file's bytes, refused when it is larger than `maxBytes` or cannot be read.
    static func contents(_ path: String, what: String) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else {
            throw CounterLogError(file: path, line: 0, column: 0,
                                  message: "the \(what) is larger than \(maxBytes >> 20) MB; split it (relog -b/-e) or use a longer interval")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CounterLogError(file: path, line: 0, column: 0, message: "cannot read the \(what)")
        }
        var lines = 0
        data.withUnsafeBytes { bytes in for byte in bytes where byte == 0x0A { lines += 1 } }
        guard lines <= maxLines else {
            throw CounterLogError(file: path, line: maxLines + 1, column: 1,
                                  message: "the \(what) has more than \(maxLines) lines; split it (relog -b/-e) or use a longer interval")
        }
        return data
    }

    /// Refuses line `number` when it is longer than `maxLineBytes`.
    static func check(_ line: Substring, number: Int, path: String) throws {
        guard line.utf8.count > maxLineBytes else { return }
        throw CounterLogError(file: path, line: number, column: 1,
                              message: "the line is longer than \(maxLineBytes >> 20) MB; a counter log's lines are a few kilobytes")
    }
}
