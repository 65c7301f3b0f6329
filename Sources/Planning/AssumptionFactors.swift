import ScenarioSpec

extension SensitivityFactor {
    /// The scenario's uncertain inputs over their plausible ranges (`Scenario.assumptionRange`):
    /// every quantity with a range that is not held and not empty. Quantities without a range
    /// are left out here; `AssumptionTable.missing` names them.
    public static func assumed(for scenario: Scenario) -> [SensitivityFactor] {
        scenario.assumedQuantities.compactMap { q in
            guard let range = scenario.assumptionRange(for: q), !range.held else { return nil }
            let (low, high) = range.values(around: q.get(scenario))
            guard high > low else { return nil }
            return SensitivityFactor(quantity: q, scenario: scenario, low: low, high: high)
        }
    }
}

/// The scenario's quantities with their plausible ranges and reasons, as `smsim lint
/// --assumptions` prints them.
public struct AssumptionTable: Sendable {
    public struct Row: Sendable {
        public var field: String
        public var label: String
        public var value: String
        /// Empty when held or missing.
        public var low: String
        public var high: String
        public var lowReason: String
        public var highReason: String
        public var held: Bool
        public var missing: Bool
    }

    public var rows: [Row]

    public init(_ scenario: Scenario) {
        rows = scenario.assumedQuantities.map { q in
            let base = q.get(scenario)
            let label = SensitivityFactor.label(q, scenario: scenario)
            guard let range = scenario.assumptionRange(for: q) else {
                return Row(field: q.field, label: label, value: Self.text(base, q.unit), low: "", high: "",
                           lowReason: "no range declared", highReason: "", held: false, missing: true)
            }
            let (low, high) = range.values(around: base)
            return Row(field: q.field, label: label, value: Self.text(base, q.unit),
                       low: range.held ? "" : Self.text(low, q.unit), high: range.held ? "" : Self.text(high, q.unit),
                       lowReason: range.lowReason, highReason: range.held ? "" : range.highReason, held: range.held, missing: false)
        }
    }

    /// Fields of quantities with no declared range.
    public var missing: [String] { rows.filter(\.missing).map(\.field) }

    /// A value as a planner reads it: `1.2 s`, `150 ms`, `3000`.
    /// `digits`: significant digits kept (trailing zeros dropped).
    public static func text(_ value: Double, _ unit: ScenarioQuantity.Unit, digits: Int = 4) -> String {
        // Without trailing zeros: 1.2 s, 150 ms, 0.857.
        func short(_ x: Double) -> String { NumberFormat.literal(Double(String(format: "%.\(digits)g", x)) ?? x) }
        switch unit {
        case .seconds:
            if value != 0 && abs(value) < 1 { return short(value * 1000) + " ms" }
            return abs(value) >= 120 ? short(value / 60) + " min" : short(value) + " s"
        case .number, .count: return short(value)
        }
    }

    /// One block per quantity: field, value, range, reasons.
    public var text: String {
        rows.map { r in
            if r.missing { return "\(r.field) (\(r.label)) = \(r.value): NO RANGE DECLARED" }
            if r.held { return "\(r.field) (\(r.label)) = \(r.value): held — \(r.lowReason)" }
            return "\(r.field) (\(r.label)) = \(r.value): \(r.low) … \(r.high)\n    low:  \(r.lowReason)\n    high: \(r.highReason)"
        }.joined(separator: "\n")
    }
}
