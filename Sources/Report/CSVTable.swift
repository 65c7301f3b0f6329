import Foundation
import RunOutput

/// A CSV file as smsim writes it (`csvRecords`, the writers' own dialect): one header record,
/// then rows. Columns are found by name, so files that gain columns later (active consoles,
/// storage) still read.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(text: String) {
        var records = csvRecords(text)
        header = records.isEmpty ? [] : records.removeFirst()
        rows = records
    }

    /// Reads `path`, or nil when there is no such file.
    public init?(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        self.init(text: text)
    }

    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    public func has(_ name: String) -> Bool { column(name) != nil }

    /// The text of `name` in `row`, or "" when the column is missing.
    public func text(_ row: [String], _ name: String) -> String {
        guard let i = column(name), i < row.count else { return "" }
        return row[i]
    }

    /// The number in `name` of `row`; nil for an empty or missing field.
    public func number(_ row: [String], _ name: String) -> Double? {
        Double(text(row, name))
    }

    /// Rows whose column `name` equals `value`, in file order.
    public func rows(where name: String, is value: String) -> [[String]] {
        guard let i = column(name) else { return [] }
        return rows.filter { i < $0.count && $0[i] == value }
    }

    /// The distinct values of `name`, in order of first appearance.
    public func distinct(_ name: String) -> [String] {
        guard let i = column(name) else { return [] }
        var seen = Set<String>(), out: [String] = []
        for r in rows where i < r.count && seen.insert(r[i]).inserted { out.append(r[i]) }
        return out
    }
}
