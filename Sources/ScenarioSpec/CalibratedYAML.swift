import Yams

/// Writes fitted values into a copy of the planner's own scenario file: every number is
/// replaced where it stands (the file's layout and comments stay), and a comment line above
/// it says where the new number came from.
public enum CalibratedYAML {
    /// One edit: the quantity, its new value and the comment that explains it.
    public struct Edit {
        public var quantity: ScenarioQuantity
        public var value: Double
        public var comment: String
        public init(quantity: ScenarioQuantity, value: Double, comment: String) {
            self.quantity = quantity
            self.value = value
            self.comment = comment
        }
    }

    /// `yaml` with `edits` applied and `header` (comment lines) on top. Fields the file does
    /// not spell out (a default taken from the code) are returned in `missing`, unedited.
    public static func apply(_ edits: [Edit], to yaml: String, header: [String], name: String? = nil)
        throws -> (text: String, missing: [Edit]) {
        guard let root = try Yams.compose(yaml: yaml) else { return (yaml, edits) }
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        /// Replacements per line: (column from 1, old length, new text, comment).
        var perLine: [Int: [(column: Int, length: Int, text: String, comment: String)]] = [:]
        var missing: [Edit] = []
        var targets = edits.map { ($0.quantity.yamlPath, format($0.value, $0.quantity.unit), $0.comment, Optional($0)) }
        if let name { targets.append(([.key("name")], name, "", nil)) }
        for (path, text, comment, edit) in targets {
            guard let node = find(path, in: root), let mark = node.mark, node.scalar != nil,
                  mark.line - 1 < lines.count else {
                if let edit { missing.append(edit) }
                continue
            }
            let line = Array(lines[mark.line - 1])
            let length = scalarLength(line, from: mark.column - 1)
            perLine[mark.line, default: []].append((mark.column, length, text, comment))
        }
        for (number, replacements) in perLine.sorted(by: { $0.key > $1.key }) {
            var line = Array(lines[number - 1])
            for r in replacements.sorted(by: { $0.column > $1.column }) {
                line.replaceSubrange((r.column - 1)..<(r.column - 1 + r.length), with: Array(r.text))
            }
            lines[number - 1] = String(line)
            let indent = String(line.prefix { $0 == " " })
            let comments = replacements.sorted { $0.column < $1.column }.map(\.comment).filter { !$0.isEmpty }
            lines.insert(contentsOf: comments.map { indent + "# " + $0 }, at: number - 1)
        }
        return ((header.map { "# " + $0 } + lines).joined(separator: "\n"), missing)
    }

    /// The node at `path`; for a distribution's `mean` also its `value` (deterministic).
    static func find(_ path: [ScenarioQuantity.Step], in root: Node) -> Node? {
        var node = root
        for (i, step) in path.enumerated() {
            switch step {
            case .key(let key):
                guard let mapping = node.mapping else { return nil }
                if let next = mapping[key] {
                    node = next
                } else if key == "mean", i == path.count - 1, let value = mapping["value"] {
                    node = value
                } else {
                    return nil
                }
            case .index(let k):
                guard let sequence = node.sequence, k < sequence.count else { return nil }
                node = sequence[k]
            }
        }
        return node
    }

    /// Characters of the scalar starting at `start`: a quoted one to its closing quote, a
    /// plain one up to a flow delimiter or a comment.
    static func scalarLength(_ line: [Character], from start: Int) -> Int {
        guard start < line.count else { return 0 }
        if line[start] == "\"" || line[start] == "'" {
            var i = start + 1
            while i < line.count, line[i] != line[start] { i += 1 }
            return min(line.count, i + 1) - start
        }
        var i = start
        while i < line.count, !",}]#".contains(line[i]) { i += 1 }
        while i > start, line[i - 1] == " " { i -= 1 }
        return i - start
    }

    /// A value as the scenario language writes it: durations with a unit, 4 significant digits.
    package static func format(_ value: Double, _ unit: ScenarioQuantity.Unit) -> String {
        switch unit {
        case .count: return String(Int(value.rounded()))
        case .number: return NumberFormat.literal(significant(value))
        case .seconds:
            return value >= 1 ? NumberFormat.literal(significant(value)) + "s" : NumberFormat.literal(significant(value * 1000)) + "ms"
        }
    }

    package static func significant(_ x: Double, digits: Int = 4) -> Double {
        guard x != 0, x.isFinite else { return x }
        let scale = pow10(digits - 1 - Int((abs(x)).log10Floor))
        return (x * scale).rounded() / scale
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(n) { r *= 10 }
        return n >= 0 ? r : 1 / r
    }
}

extension Double {
    /// ⌊log₁₀ x⌋ for x > 0.
    var log10Floor: Int {
        var n = 0
        var x = self
        while x >= 10 { x /= 10; n += 1 }
        while x < 1 { x *= 10; n -= 1 }
        return n
    }
}
