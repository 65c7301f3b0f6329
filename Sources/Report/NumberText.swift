import Foundation

/// Numbers as the report prints them: about four significant digits, no locale, no
/// exponent for the magnitudes a capacity plan has. The same value always gives the same
/// text, so a report is byte-identical for the same inputs.
enum NumberText {
    static func show(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "n/a" : (x > 0 ? "∞" : "−∞") }
        let a = abs(x)
        let digits: Int
        switch a {
        case 0: return "0"
        case 1000...: digits = 0
        case 100..<1000: digits = 1
        case 10..<100: digits = 2
        case 1..<10: digits = 3
        case 0.01..<1: digits = 4
        default: return String(format: "%.3e", x)
        }
        var s = String(format: "%.\(digits)f", x)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s.hasPrefix("-") && Double(s) == 0 { s.removeFirst() }
        return s
    }

    /// `mean ± half-width`, or the mean alone when there is no interval.
    static func interval(_ mean: Double, _ halfWidth: Double?) -> String {
        guard let h = halfWidth, h.isFinite else { return show(mean) }
        return "\(show(mean)) ± \(show(h))"
    }

    /// A signed difference: `+0.6100` or `−0.0300`.
    static func signed(_ x: Double) -> String {
        x > 0 ? "+" + show(x) : (x < 0 ? "−" + show(-x) : "0")
    }

    /// A coordinate in an SVG path: one decimal.
    static func coordinate(_ x: Double) -> String {
        var s = String(format: "%.1f", x)
        if s == "-0.0" { s = "0.0" }
        return s
    }

    /// A fraction as a percentage with one decimal: 0.8137 → "81.4 %".
    static func percent(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }

    /// Seconds since the start of the run as a clock time (`07:30`) when the day's start
    /// is known, else as hours (`2.5 h`).
    static func time(_ seconds: Double, startsAt: Double?) -> String {
        guard let start = startsAt else { return show(seconds / 3600) + " h" }
        let minutes = Int(((start + seconds) / 60).rounded()) % (24 * 60)
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
