import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration
import Foundation

/// Numbers as the report prints them (`NumberFormat.report`): about four significant digits,
/// no locale, no exponent for the magnitudes a capacity plan has. The same value always gives the same
/// text, so a report is byte-identical for the same inputs.
enum NumberText {
    static func show(_ x: Double) -> String { NumberFormat.report(x) }

    /// `mean ± half-width`, the half-width to two significant digits at the mean's precision,
    /// or the mean alone when there is no interval.
    static func interval(_ mean: Double, _ halfWidth: Double?) -> String {
        NumberFormat.report.interval(mean, halfWidth ?? .nan)
    }

    /// A half-width alone, as `interval` prints it next to `mean`.
    static func halfWidth(_ h: Double, of mean: Double) -> String { NumberFormat.report.halfWidth(h, of: mean) }

    /// A signed difference: `+0.6100` or `−0.0300`.
    static func signed(_ x: Double) -> String {
        x > 0 ? "+" + show(x) : (x < 0 ? "−" + show(-x) : "0")
    }

    /// A signed difference with its interval by `NumberFormat.estimate`'s rule: `+0.016 ± 0.0021`,
    /// `−0.31 ± 0.12`; the difference alone (`signed`) without an interval.
    static func signedInterval(_ x: Double, _ halfWidth: Double?) -> String {
        guard let h = halfWidth, h.isFinite else { return signed(x) }
        let text = NumberFormat.estimate(x, h, signed: true, plain: .report)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A coordinate in an SVG path: one decimal.
    static func coordinate(_ x: Double) -> String {
        var s = String(format: "%.1f", x)
        if s == "-0.0" { s = "0.0" }
        return s
    }

    /// A fraction as a percentage with one decimal: 0.8137 → "81.4 %".
    static func percent(_ x: Double) -> String { String(format: "%.1f %%", x * 100) }

    /// A fraction and its half-width as percentages, by `NumberFormat.estimate`'s rule:
    /// `78 % ± 16 %`, `4.90 % ± 0.26 %`; `81.4 %` alone without an interval.
    static func percentInterval(_ x: Double, _ halfWidth: Double?) -> String {
        guard let h = halfWidth, h.isFinite, x.isFinite else { return percent(x) }
        let parts = NumberFormat.estimateParts(x * 100, h * 100, plain: .report)
        return parts.halfWidth == "0" ? "\(percent(x)) ± 0 %" : "\(parts.value) % ± \(parts.halfWidth ?? "") %"
    }

    /// Seconds since the start of the run as a clock time (`07:30`) when the day's start is
    /// known, else as hours and minutes since the start (`1:30`, `26:05`).
    static func time(_ seconds: Double, startsAt: Double?) -> String {
        let minutes = Int(((( startsAt ?? 0) + seconds) / 60).rounded())
        if startsAt != nil {
            let m = minutes % (24 * 60)
            return String(format: "%02d:%02d", m / 60, m % 60)
        }
        return String(format: "%d:%02d", minutes / 60, minutes % 60)
    }
}
