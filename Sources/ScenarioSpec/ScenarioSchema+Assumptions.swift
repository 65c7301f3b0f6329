/// The `assumptions:` block: a scenario's own plausible range for some of its inputs.
///
///     assumptions:
///       - { field: consoles.thinkTime.mean, low: 11s, high: 14s, reason: measured, May 2026 }
///       - { field: open-view.server.mean, low: x0.9, high: x1.2 }
extension ScenarioSchema {
    static var assumption: Section<AssumptionOverride, AssumptionOverride> {
        Section(what: "an assumption range { field: thinkTime.mean, low: 10s, high: 20s }",
                start: AssumptionOverride(field: "", low: "", high: ""), fields: [
            Field("field", \.field, .text, .required,
                  doc: "A varied quantity's path or its unique ending; a request class may be named instead of numbered."),
            Field("low", \.low, .text, .required, range: "0 ≤ low ≤ high",
                  doc: "In the field's unit (11s, 0.5), or a multiple of the scenario's value (x0.8)."),
            Field("high", \.high, .text, .required, range: "high ≥ low", doc: "As low."),
            Field("reason", \.reason, .text, default: "the scenario's assumptions block", doc: "Why this range (printed with it)."),
        ])
    }

    /// Each entry names exactly one quantity of the scenario, and its bounds read in that
    /// quantity's unit with low ≤ high. Request classes may be named (`open-view.server.mean`).
    static func checkAssumptions(_ scenario: Scenario, _ reader: ScenarioReader) throws(ScenarioError) {
        let quantities = scenario.assumedQuantities
        for (i, entry) in scenario.assumptions.enumerated() {
            let path = "assumptions[\(i)]"
            let written = scenario.resolvingClassNames(entry.field)
            let matches = quantities.filter { Scenario.names(written, $0.field) }
            guard matches.count == 1, let q = matches.first else {
                let known = quantities.map(\.field).joined(separator: ", ")
                throw reader.error(reader.node(for: path + ".field"), path + ".field", matches.isEmpty
                    ? "no varied quantity '\(entry.field)'; quantities: \(known)"
                    : "'\(entry.field)' names \(matches.map(\.field).joined(separator: ", ")); give the full path")
            }
            let unitText = q.unit == .seconds ? "a duration (11s)" : "a number"
            guard let low = AssumptionOverride.bound(entry.low, unit: q.unit) else {
                throw reader.error(reader.node(for: path + ".low"), path + ".low", "expected \(unitText) or a multiple (x0.8), got '\(entry.low)'")
            }
            guard let high = AssumptionOverride.bound(entry.high, unit: q.unit) else {
                throw reader.error(reader.node(for: path + ".high"), path + ".high", "expected \(unitText) or a multiple (x1.2), got '\(entry.high)'")
            }
            let base = q.get(scenario)
            guard low.resolve(base) <= high.resolve(base) else {
                throw reader.error(reader.node(for: path + ".high"), path + ".high", "the range is empty: high is below low")
            }
        }
    }
}

extension Scenario {
    /// `field` with request classes named by their index (`consoles.requests[open-view]…` or
    /// `open-view.server.mean` become `consoles.requests[0]…`).
    public func resolvingClassNames(_ field: String) -> String {
        var out = field
        for (i, c) in consoles.requests.enumerated() {
            out = out.replacingOccurrences(of: "[\(c.name)]", with: "[\(i)]")
            if out.hasPrefix(c.name + ".") { out = "consoles.requests[\(i)]" + out.dropFirst(c.name.count) }
        }
        return out
    }
}
