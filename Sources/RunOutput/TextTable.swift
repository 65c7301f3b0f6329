/// A table for the terminal whose columns stay aligned whatever the cells hold: each column
/// is as wide as its widest cell plus one space, and never narrower than the width asked
/// for (so a table whose cells fit prints as it always did). The last column is not padded
/// and no line ends in spaces. Widths count characters (`±`, `→`, `μ` are one each).
public struct TextTable: Sendable, Equatable {
    /// The header line's cells; empty for a table without a header.
    public var headers: [String]
    /// The narrowest each column may be (missing entries: 0).
    public var minimumWidths: [Int]
    /// Printed before every line, e.g. two spaces under a heading.
    public var indent: String
    public private(set) var rows: [[String]] = []

    public init(_ headers: [String] = [], minimumWidths: [Int] = [], indent: String = "") {
        self.headers = headers
        self.minimumWidths = minimumWidths
        self.indent = indent
    }

    /// Appends a row; missing cells at the end print as nothing.
    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The width of each column but the last, including the space after it.
    public var widths: [Int] {
        let all = (headers.isEmpty ? [] : [headers]) + rows
        let count = all.map(\.count).max() ?? 0
        return (0..<max(0, count - 1)).map { c in
            let widest = all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0
            return max(c < minimumWidths.count ? minimumWidths[c] : 0, widest + 1)
        }
    }

    /// The lines to print, header first.
    public var lines: [String] {
        let widths = self.widths
        return ((headers.isEmpty ? [] : [headers]) + rows).map { row in
            var line = indent
            for (c, cell) in row.enumerated() {
                line += c < widths.count ? cell + String(repeating: " ", count: widths[c] - cell.count) : cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The lines joined, each ending in a line break.
    public var text: String { lines.map { $0 + "\n" }.joined() }

    /// Prints the lines to standard output.
    public func print() { for line in lines { Swift.print(line) } }
}
