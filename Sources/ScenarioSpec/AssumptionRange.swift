/// How far an assumed input may plausibly lie from the value a scenario gives it: a low and
/// a high bound, each with the reason it is there.
///
/// Robust answers (`smsim check --robust`) sample every input between its bounds. The
/// declared ranges live in `Scenario+AssumptionRanges.swift`, beside the quantity table; a
/// scenario's `assumptions:` block replaces one for its own file (the planner who measured a
/// value narrows it).
public struct AssumptionRange: Sendable, Equatable {
    /// One end of a range.
    public enum Bound: Sendable, Equatable {
        /// A multiple of the scenario's value (`×0.75`).
        case times(Double)
        /// A value in the quantity's unit (seconds for durations).
        case value(Double)

        /// The bound for a scenario whose value is `base`.
        public func resolve(_ base: Double) -> Double {
            switch self {
            case .times(let k): base * k
            case .value(let v): v
            }
        }
    }

    public var low: Bound
    public var lowReason: String
    public var high: Bound
    public var highReason: String
    /// Not varied: a setting of the product or the planner's own question. `lowReason` says why.
    public var held: Bool

    public init(low: Bound, _ lowReason: String, high: Bound, _ highReason: String) {
        self.low = low
        self.lowReason = lowReason
        self.high = high
        self.highReason = highReason
        held = false
    }

    /// An input that is not uncertain: it stays at the scenario's value.
    public static func held(_ why: String) -> AssumptionRange {
        var r = AssumptionRange(low: .times(1), why, high: .times(1), why)
        r.held = true
        return r
    }

    /// The low and high values around a scenario's value `base`.
    public func values(around base: Double) -> (low: Double, high: Double) {
        held ? (base, base) : (low.resolve(base), high.resolve(base))
    }

    /// `×0.75` or a value in `unit`, as a person reads it.
    public func text(_ bound: Bound, unit: ScenarioQuantity.Unit) -> String {
        switch bound {
        case .times(let k): "×" + NumberFormat.literal(k)
        case .value(let v): unit == .seconds ? DurationSyntax.format(v) : NumberFormat.literal(v)
        }
    }
}

/// A scenario's own range for one input: its `assumptions:` entry.
public struct AssumptionOverride: Sendable, Equatable {
    /// A quantity's field path or its unique ending (`thinkTime.mean`).
    public var field: String
    /// As written: a value in the field's unit (`11s`, `0.5`) or a multiple of the
    /// scenario's value (`x0.8`, `×0.8`).
    public var low: String
    public var high: String
    public var reason: String = "the scenario's assumptions block"

    public init(field: String, low: String, high: String) {
        self.field = field
        self.low = low
        self.high = high
    }

    /// A bound as written, read in `unit`; nil when it is neither a multiple nor a value.
    public static func bound(_ text: String, unit: ScenarioQuantity.Unit) -> AssumptionRange.Bound? {
        for prefix in ["×", "x", "*"] where text.hasPrefix(prefix) {
            guard let k = Double(text.dropFirst(prefix.count)), k.isFinite, k >= 0 else { return nil }
            return .times(k)
        }
        let value = unit == .seconds ? DurationSyntax.parse(text) : Double(text)
        guard let value, value.isFinite, value >= 0 else { return nil }
        return .value(value)
    }
}
