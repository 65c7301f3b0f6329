import Foundation
import Yams

/// Every input of the run with its value and where it comes from: the scenario file's
/// fields as written (with their line), each matched to Documentation/Sources.md's table
/// when that file is present, and marked *assumption* or *fitted* where the source says so.
/// A value `smsim calibrate` fitted carries its comment on the line above it
/// (`# … fitted: … ± … (95 %)`); that comment is its source and marks it *fitted*.
struct Assumptions {
    struct Input {
        var field: String
        var value: String
        var line: Int
        var source: String
        var status: String
    }
    var inputs: [Input] = []
    var sourcesFound: Bool

    init(scenarioText: String, scenarioPath: String, sources: SourceTable?) {
        sourcesFound = sources != nil
        guard let root = try? Yams.compose(yaml: scenarioText) else { return }
        let lines = scenarioText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Input] = []
        func walk(_ node: Node, _ path: String) {
            switch node {
            case .mapping(let m):
                for (k, v) in m { walk(v, path.isEmpty ? (k.string ?? "?") : "\(path).\(k.string ?? "?")") }
            case .sequence(let s):
                // A list of scalars is one input; a list of mappings is walked item by item.
                if s.allSatisfy({ $0.scalar != nil }) {
                    out.append(Self.input(path, s.compactMap { $0.scalar?.string }.joined(separator: ", "), node.mark?.line ?? 0, sources, scenarioPath))
                } else {
                    for (i, item) in s.enumerated() { walk(item, "\(path)[\(i)]") }
                }
            case .scalar(let sc):
                let line = node.mark?.line ?? 0
                var input = Self.input(path, sc.string, line, sources, scenarioPath)
                if let fitted = Self.fittedComment(above: line, in: lines) {
                    input.status = "fitted"
                    input.source = "\(scenarioPath):\(line); \(fitted)"
                }
                out.append(input)
            case .alias:
                break
            }
        }
        walk(root, "")
        inputs = out
    }

    /// The comment lines right above `line` (1-based) when one says "fitted".
    static func fittedComment(above line: Int, in lines: [String]) -> String? {
        var i = line - 2, comments: [String] = []
        while i >= 0, lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            comments.insert(lines[i].trimmingCharacters(in: .whitespaces).dropFirst().trimmingCharacters(in: .whitespaces), at: 0)
            i -= 1
        }
        let text = comments.joined(separator: " ")
        return text.contains("fitted") ? text : nil
    }

    static func input(_ field: String, _ value: String, _ line: Int, _ sources: SourceTable?, _ path: String) -> Input {
        let written = "\(path):\(line)"
        guard let entry = sources?.entry(for: field) else {
            return Input(field: field, value: value, line: line, source: written, status: sources == nil ? "" : "no source recorded")
        }
        let lower = entry.lowercased()
        // "as written": the scenario's own question (its group, day, failure, goal), not a fact
        // to source. "assumption: calibrate" is still an assumption: only a fitted value is fitted.
        let status = lower.contains("as written") ? ""
            : lower.contains("assumption") ? "assumption"
            : lower.contains("fitted") ? "fitted" : "sourced"
        return Input(field: field, value: value, line: line, source: "\(written); \(entry)", status: status)
    }

    var table: Table {
        Table(headers: ["input", "value", "status", "source"],
              rows: inputs.map { [$0.field, $0.value, $0.status.isEmpty ? "as written" : $0.status, $0.source] })
    }
}

/// Documentation/Sources.md read as a lookup: every Markdown table row whose first cell names
/// fields in backticks (`` `consoles.peak` ``, `` `grooming[].every` ``, `` `x: auto` ``; a cell
/// may name several, and words around them describe the row) gives those fields its source
/// (the rest of the row). A first cell without backticks describes something else and names
/// no field.
struct SourceTable {
    /// `neutral`: the row's source says the field's default adds no load (absent means none).
    var entries: [(field: String, source: String, neutral: Bool)]

    init?(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        entries = []
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, !cells[0].hasPrefix("-"), !cells[0].hasPrefix(":") else { continue }
            let source = cells.dropFirst().filter { !$0.isEmpty }.joined(separator: " — ")
            let neutral = cells.last?.lowercased().hasPrefix("neutral") ?? false
            // The backticked spans of the first cell: the odd pieces between backticks.
            let pieces = cells[0].split(separator: "`", omittingEmptySubsequences: false)
            for (i, piece) in pieces.enumerated() where i % 2 == 1 {
                var field = piece.replacingOccurrences(of: "[]", with: "").trimmingCharacters(in: .whitespaces)
                if let cut = field.firstIndex(where: { $0 == ":" || $0 == " " }) { field = String(field[..<cut]) }
                if !field.isEmpty { entries.append((field, source, neutral)) }
            }
        }
    }

    /// The source of `field` (`consoles.thinkTime.mean`): the rows naming it exactly, else
    /// those of the longest documented field that the path ends with or starts with (list
    /// indices removed). A field is often named twice: by its default (`neutral`: absent means
    /// no load) and by the values the shipped scenarios set. A scenario that writes the field
    /// sets a value, so the rows about values win over the neutral default; several are all
    /// given, so the reader sees every value the sources speak of.
    func entry(for field: String) -> String? {
        let plain = field.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)
        var rows = entries.filter { $0.field == field || $0.field == plain }
        if rows.isEmpty {
            let matches = entries.filter { e in
                !e.field.isEmpty && (plain.hasSuffix("." + e.field) || plain.hasPrefix(e.field + "."))
            }
            let longest = matches.map(\.field.count).max()
            rows = matches.filter { $0.field.count == longest }
        }
        let values = rows.filter { !$0.neutral }
        let chosen = values.isEmpty ? Array(rows.prefix(1)) : values
        return chosen.isEmpty ? nil : chosen.map(\.source).joined(separator: " | ")
    }
}
