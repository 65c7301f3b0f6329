/// A limit on one field's value, declared with the field in the schema. The same declaration
/// is the range column of the field reference and the check `Scenario.validate()` makes (for
/// files and for scenarios built in code alike), so the two cannot drift apart. Limits that
/// involve other fields (`warmup` below `duration`) are written as text in the schema and
/// checked in `Scenario+Validation.swift`.
enum Bound {
    /// Zero or more: `≥ 0`.
    case nonNegative
    /// More than zero: `> 0`.
    case positive
    /// An integer of at least this: `≥ 1`.
    case atLeast(Int)
    /// Above 0 and at most 1: `(0, 1]`.
    case fraction
    /// Both ends included: `0 … 3`.
    case between(Double, Double)

    /// The range column of the field reference.
    var text: String {
        switch self {
        case .nonNegative: "≥ 0"
        case .positive: "> 0"
        case .atLeast(let n): "≥ \(n)"
        case .fraction: "(0, 1]"
        case .between(let low, let high): "\(NumberFormat.literal(low)) … \(NumberFormat.literal(high))"
        }
    }

    /// The message's verb phrase, before `, got VALUE`.
    var requirement: String {
        switch self {
        case .nonNegative: "must be zero or positive"
        case .positive: "must be positive"
        case .atLeast(let n): "must be at least \(n)"
        case .fraction: "must be above 0 and at most 1"
        case .between(let low, let high): "must be between \(NumberFormat.literal(low)) and \(NumberFormat.literal(high))"
        }
    }
}

/// A field value a `Bound` can judge.
protocol Bounded {
    /// Whether the value lies within `bound` (NaN and infinities never do); true when absent.
    func isWithin(_ bound: Bound) -> Bool
    /// The value as an error message shows it, in the syntax of its field's kind.
    func shown(as kind: String) -> String
}

extension Int: Bounded {
    func isWithin(_ bound: Bound) -> Bool {
        switch bound {
        case .nonNegative: self >= 0
        case .positive: self > 0
        case .atLeast(let n): self >= n
        case .fraction, .between: Double(self).isWithin(bound)
        }
    }

    func shown(as kind: String) -> String { String(self) }
}

extension Double: Bounded {
    func isWithin(_ bound: Bound) -> Bool {
        guard isFinite else { return false }
        switch bound {
        case .nonNegative: return self >= 0
        case .positive: return self > 0
        case .atLeast(let n): return self >= Double(n)
        case .fraction: return self > 0 && self <= 1
        case .between(let low, let high): return self >= low && self <= high
        }
    }

    func shown(as kind: String) -> String {
        kind == "duration" ? DurationSyntax.format(self) : NumberFormat.literal(self)
    }
}

extension Optional: Bounded where Wrapped: Bounded {
    func isWithin(_ bound: Bound) -> Bool { map { $0.isWithin(bound) } ?? true }
    func shown(as kind: String) -> String { map { $0.shown(as: kind) } ?? "none" }
}

extension Checker {
    /// Records a problem when `value` is outside `bound`: `must be positive (GiB), got 0`.
    /// Durations are shown as durations and carry no unit; other units are named.
    mutating func bounded<T: Bounded>(_ value: T, _ bound: Bound, _ field: String, kind: String, unit: String) {
        guard !value.isWithin(bound) else { return }
        let unitNote = unit.isEmpty || kind == "duration" ? "" : " (\(unit))"
        that(false, field, "\(bound.requirement)\(unitNote), got \(value.shown(as: kind))")
    }
}

extension Section where Draft == Value {
    /// Checks the bounds of every field of `value` (at `path` in the file), nested sections
    /// and list items included, in the order the fields are declared.
    func check(_ value: Value, _ path: String, _ checker: inout Checker) {
        for field in fields {
            field.check?(value, path.isEmpty ? field.name : path + "." + field.name, &checker)
        }
    }
}
