import Foundation

/// How smsim turns a number into text, by where the text goes: the one place that knows.
/// Call a format like a function: `NumberFormat.table(0.71234)` is `0.7123`.
public enum NumberFormat: Sendable, Equatable {
    /// Tables and messages for a person: four significant digits, fixed notation between
    /// 1e-4 and 1e6 (`812.4`, `0.7123`), `%.4g` outside; `n/a` when not finite.
    case table
    /// Short text in reports for machines' readers (JUnit messages): `%.4g` (`1.833`,
    /// `1.2e+04`); `n/a` when not finite. An estimate with its interval in such a message
    /// follows `NumberFormat.estimate` like every other one a person reads.
    case compact
    /// CSV fields: whole numbers exactly (`812`), others to six significant digits
    /// (`812.437`); empty when not finite (not applicable).
    case csv
    /// As a person writes it in a scenario file or an option: `3`, `0.55`, `1e+20`
    /// (Swift's shortest exact form after rounding to 1e-9); `nan`, `inf` when not finite.
    case literal
    /// A measured value in a one-line message: as `literal`, rounded to three decimals (`0.912`).
    case message
    /// Wall time in seconds to the millisecond: `1.234`.
    case elapsed
    /// report.html: about four significant digits without trailing zeros (`2892`, `0.7027`,
    /// `4`, `0.005912`), fixed notation from 1e-4 up; `%.3g` below; `n/a`, `∞` when not finite.
    /// Intervals follow `NumberFormat.estimate` (`0.7027 ± 0.0059`).
    case report

    public func callAsFunction(_ x: Double) -> String {
        switch self {
        case .table:
            guard x.isFinite else { return "n/a" }
            if x == 0 { return "0" }
            let magnitude = abs(x)
            if magnitude >= 1e6 || magnitude < 1e-4 { return Self.printf("%.4g", x) }
            let decimals = max(0, 3 - Int(log10(magnitude).rounded(.down)))
            return Self.printf("%.\(decimals)f", x)
        case .compact:
            guard x.isFinite else { return "n/a" }
            return Self.printf("%.4g", x)
        case .csv:
            guard x.isFinite else { return "" }
            if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
            return Self.sixSignificant(x) ?? Self.printf("%.6g", x)
        case .literal:
            guard x.isFinite else { return "\(x)" }
            let rounded = (x * 1e9).rounded() / 1e9
            if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
            return "\(abs(x) < 1e6 ? rounded : x)"
        case .message:
            return NumberFormat.literal(x.isFinite ? (x * 1000).rounded() / 1000 : x)
        case .elapsed:
            return Self.printf("%.3f", x)
        case .report:
            guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "∞" : "−∞") }
            if x == 0 { return "0" }
            guard abs(x) >= 1e-4 else { return Self.printf("%.3g", x) }
            return Self.trimmed(Self.printf("%.\(Self.decimals(x, significant: 4))f", x))
        }
    }

    /// Decimal places that show `x` to `significant` digits (0 for large numbers).
    static func decimals(_ x: Double, significant: Int) -> Int {
        max(0, significant - 1 - Int(log10(abs(x)).rounded(.down)))
    }

    /// Without trailing zeros after the point, and without the sign of a negative zero.
    static func trimmed(_ text: String) -> String {
        var s = text
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s.hasPrefix("-") && Double(s) == 0 { s.removeFirst() }
        return s
    }

    /// `1.23 ± 0.05`, or the mean alone when there is no interval (a NaN or infinite
    /// half-width, or a zero one when `zeroAlone`).
    /// `table` and `report` follow the one rule of `NumberFormat.estimate`; the formats for
    /// machines' readers keep their own digits (the CSV files' bytes do not change).
    public func interval(_ mean: Double, _ halfWidth: Double, zeroAlone: Bool = false) -> String {
        guard halfWidth.isFinite, !(zeroAlone && halfWidth == 0) else { return self(mean) }
        if self == .table || self == .report { return NumberFormat.estimate(mean, halfWidth, plain: self) }
        return "\(self(mean)) ± \(self.halfWidth(halfWidth, of: mean))"
    }

    /// A half-width as `interval` prints it next to `mean`.
    public func halfWidth(_ h: Double, of mean: Double) -> String {
        guard self == .table || self == .report, h.isFinite else { return self(h) }
        return NumberFormat.estimateParts(mean.isFinite ? mean : 0, h, plain: self).halfWidth ?? self(h)
    }

    /// `+1.234`, `-0.5`: a difference with its sign (in this format; `n/a` when not finite).
    public func signed(_ x: Double) -> String {
        guard x.isFinite else { return NumberFormat.table(x) }
        return (x >= 0 ? "+" : "") + self(x)
    }
}

extension Double {
    /// Seconds as milliseconds: the one conversion behind every `_ms` column and metric.
    @inlinable public var inMilliseconds: Double { self * 1000 }
}
