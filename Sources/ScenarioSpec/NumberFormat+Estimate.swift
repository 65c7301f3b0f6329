import Foundation

extension NumberFormat {
    /// The one rule for an estimate with its 95 % interval, wherever a person reads it
    /// (terminal tables, report.html, sentences): the half-width to two significant digits,
    /// the value rounded to the same decimal place, so every digit printed is one the
    /// interval supports (`38.2 ± 1.1`, `0.300 ± 0.010`, `0.01 ± 0.73`, `1200 ± 340`).
    ///
    /// A half-width prints as `0` only when the value is exact (`589.8 ± 0`: every replication
    /// gave the same value, up to floating-point noise below a billionth of it); a nonzero one
    /// too small, or a value too large, for fixed notation prints in exponent form
    /// (`0.01638 ± 3.0e-09`, `1.2346e+10 ± 4.5e+07`).
    /// Without an interval (a NaN or infinite half-width) the value prints alone, as
    /// `plain` prints it; `signed` puts `+` before a value that is not negative.
    public static func estimate(_ mean: Double, _ halfWidth: Double, signed: Bool = false, plain: NumberFormat = .table) -> String {
        let (value, width) = estimateParts(mean, halfWidth, plain: plain)
        let text = signed && !value.hasPrefix("-") && value != "n/a" ? "+" + value : value
        return width.map { text + " ± " + $0 } ?? text
    }

    /// The value and the half-width as `estimate` prints them; no half-width without an interval.
    public static func estimateParts(_ mean: Double, _ halfWidth: Double,
                                     plain: NumberFormat = .table) -> (value: String, halfWidth: String?) {
        guard mean.isFinite, halfWidth.isFinite else { return (plain(mean), nil) }
        let h = abs(halfWidth)
        // Below a billionth of the value a half-width is floating-point noise around a value
        // every replication shares (a difference of identical runs): that is exact.
        if h == 0 || h <= 1e-9 * abs(mean) { return (plain(mean), "0") }
        // The half-width rounded to two significant digits; rounding may carry (0.0996 → 0.10).
        var place = Int(log10(h).rounded(.down)) - 1
        let rounded = (h / pow(10, Double(place))).rounded() * pow(10, Double(place))
        place = Int(log10(rounded).rounded(.down)) - 1
        let decimals = -place
        if decimals <= 6 && abs(mean) < 1e9 && rounded < 1e9 {
            let unit = pow(10, Double(place))
            let m = decimals > 0 ? Self.printf("%.\(decimals)f", mean) : Self.printf("%.0f", (mean / unit).rounded() * unit)
            let w = decimals > 0 ? Self.printf("%.\(decimals)f", rounded) : Self.printf("%.0f", rounded)
            return (withoutNegativeZero(m), w)
        }
        let digits = min(12, max(1, (mean == 0 ? place : Int(log10(abs(mean)).rounded(.down))) - place + 1))
        return (withoutNegativeZero(Self.printf("%.\(digits)g", mean)), Self.printf("%.1e", rounded))
    }

    /// `-0.00` is `0.00`: a value that rounds to zero has no sign.
    static func withoutNegativeZero(_ text: String) -> String {
        text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Whether an interval excludes zero: a difference or an effect `mean ± halfWidth` is
    /// distinguishable from no change. False without an interval, whatever the value.
    public static func excludesZero(_ mean: Double, _ halfWidth: Double) -> Bool {
        mean.isFinite && halfWidth.isFinite && abs(mean) > abs(halfWidth)
    }
}
