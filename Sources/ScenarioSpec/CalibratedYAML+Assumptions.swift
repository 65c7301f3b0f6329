import Yams

/// A calibrated file's `assumptions:` entries: each fitted input's 95 % interval as its
/// plausible range, so `check --robust` on the calibrated file varies a fitted input over
/// what the logs allow rather than over the declared range for an unmeasured one.
extension CalibratedYAML {
    /// One fitted field's range, its bounds in the field's unit.
    public struct Range: Sendable, Equatable {
        public var quantity: ScenarioQuantity
        public var low: Double
        public var high: Double
        public var reason: String

        public init(quantity: ScenarioQuantity, low: Double, high: Double, reason: String) {
            self.quantity = quantity
            self.low = low
            self.high = high
            self.reason = reason
        }

        public static func == (a: Range, b: Range) -> Bool {
            a.quantity.field == b.quantity.field && a.low == b.low && a.high == b.high && a.reason == b.reason
        }

        /// `140ms–160ms`: the bounds as the scenario language writes them.
        public var text: String { format(low, quantity.unit) + "–" + format(high, quantity.unit) }

        /// `{ field: "…", low: 140ms, high: 160ms, reason: "…" }`.
        var entry: String {
            "{ field: \(quoted(quantity.field)), low: \(format(low, quantity.unit)), high: \(format(high, quantity.unit)), "
                + "reason: \(quoted(reason)) }"
        }

        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }

    /// `yaml` with `ranges` first in its `assumptions:` block (a scenario's first entry for a
    /// field is the one read, so they replace what the base said of the same fields; its
    /// other entries stay). Without a block, one is added at the end.
    public static func addingAssumptions(_ ranges: [Range], to yaml: String) throws -> String {
        guard !ranges.isEmpty else { return yaml }
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let note = "# smsim calibrate: each fitted input's 95 % interval is its plausible range (check --robust varies it there)."
        let root = try Yams.compose(yaml: yaml)
        guard let pair = root?.mapping?.first(where: { $0.key.string == "assumptions" }), let keyMark = pair.key.mark else {
            while lines.last == "" { lines.removeLast() }
            lines += ["", note, "assumptions:"] + ranges.map { "  - " + $0.entry }
            return lines.joined(separator: "\n") + "\n"
        }
        guard let sequence = pair.value.sequence, let mark = pair.value.mark else {
            // `assumptions:` with nothing after it.
            lines[keyMark.line - 1] = "assumptions:"
            lines.insert(contentsOf: ranges.map { "  - " + $0.entry }, at: keyMark.line)
            lines.insert(note, at: keyMark.line - 1)
            return lines.joined(separator: "\n")
        }
        var line = Array(lines[mark.line - 1])
        if mark.column - 1 < line.count, line[mark.column - 1] == "[" {
            // `assumptions: [ … ]`: the entries go in just after the bracket.
            let inserted = ranges.map(\.entry).joined(separator: ", ") + (sequence.isEmpty ? "" : ", ")
            line.insert(contentsOf: Array(" " + inserted), at: mark.column)
            lines[mark.line - 1] = String(line)
        } else {
            let indent = String(repeating: " ", count: max(0, mark.column - 1))
            lines.insert(contentsOf: ranges.map { indent + "- " + $0.entry }, at: keyMark.line)
        }
        lines.insert(note, at: keyMark.line - 1)
        return lines.joined(separator: "\n")
    }
}
