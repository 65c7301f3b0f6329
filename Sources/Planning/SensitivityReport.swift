import Foundation
import RunOutput
import ScenarioSpec

/// The files of `smsim sensitivity`: `sensitivity.csv`, the tornado's data and its gnuplot
/// script (PNG and SVG), largest effect at the top.
public enum SensitivityReport {
    public static let oneAtATimeHeader = "scenario,metric,method,rank,factor,field,base_value,low_value,high_value,"
        + "metric_base,low_diff,low_ci95,high_diff,high_ci95,effect,effect_ci95,replications"

    /// In the metric's CSV unit (ms, fraction, servers); factor values in seconds or plain numbers.
    public static func csv(_ a: OneAtATime, scenario: Scenario) -> String {
        let f = NumberFormat.csv
        var out = oneAtATimeHeader + "\n"
        let base = a.base.filter(\.isFinite)
        let baseMean = base.isEmpty ? Double.nan : base.reduce(0, +) / Double(base.count)
        for (rank, r) in a.rows.enumerated() {
            out += [csvField(scenario.name), a.metric.rawValue, "one-at-a-time", String(rank + 1), csvField(r.factor.label),
                    csvField(r.factor.quantity.field), f(r.factor.base), f(r.factor.low), f(r.factor.high), f(baseMean),
                    f(r.low.difference), f(r.low.pairedHalfWidth), f(r.high.difference), f(r.high.pairedHalfWidth),
                    f(r.effect.difference), f(r.effect.pairedHalfWidth), String(a.base.count)].joined(separator: ",") + "\n"
        }
        return out
    }

    public static let morrisHeader = "scenario,metric,method,rank,factor,field,base_value,low_value,high_value,"
        + "mu,mu_star,mu_star_ci95,sigma,trajectories"

    /// μ, μ* and σ per factor, in the metric's CSV unit per change from low to high.
    public static func csv(_ m: MorrisSensitivity, scenario: Scenario) -> String {
        let f = NumberFormat.csv
        var out = morrisHeader + "\n"
        for (rank, i) in m.order.enumerated() {
            let e = m.screening.effects[i], factor = m.factors[i]
            out += [csvField(scenario.name), m.metric.rawValue, "morris", String(rank + 1), csvField(factor.label),
                    csvField(factor.quantity.field), f(factor.base), f(factor.low), f(factor.high), f(e.mean), f(e.absoluteMean),
                    f(e.absoluteMeanHalfWidth), f(e.standardDeviation), String(m.trajectories)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// Tornado rows, largest first: label, the bar's two ends (low and high side), in display units.
    public static func bars(_ a: OneAtATime) -> [(label: String, low: Double, high: Double)] {
        a.rows.map { ("\($0.factor.label) (\(range($0.factor)))", $0.low.difference * a.metric.scale, $0.high.difference * a.metric.scale) }
    }

    public static func bars(_ m: MorrisSensitivity) -> [(label: String, low: Double, high: Double)] {
        m.order.map { (m.factors[$0].label + " (\(range(m.factors[$0])))", 0, m.screening.effects[$0].absoluteMean * m.metric.scale) }
    }

    /// `8s–16s`: the factor's low and high values as a scenario would write them.
    public static func range(_ f: SensitivityFactor) -> String {
        let show = { (x: Double) in f.quantity.unit == .seconds ? DurationSyntax.format(CalibratedYAML.significant(x, digits: 3))
                                                               : NumberFormat.literal(CalibratedYAML.significant(x, digits: 3)) }
        return "\(show(f.low))–\(show(f.high))"
    }

    /// `sensitivity-tornado.dat`: rank (1 at the top), label, low end, high end.
    public static func tornadoData(_ bars: [(label: String, low: Double, high: Double)]) -> String {
        var out = "# rank\tfactor\tlow\thigh\n"
        for (i, b) in bars.enumerated() {
            out += "\(bars.count - i)\t\"\(b.label.replacingOccurrences(of: "\"", with: "'"))\"\t\(NumberFormat.csv(b.low))\t\(NumberFormat.csv(b.high))\n"
        }
        return out
    }

    /// A gnuplot script drawing `sensitivity-tornado.png` and `.svg` from the data file in `dir`.
    /// - Parameter xticStep: a fixed step for the x ticks (1 for a whole-number metric such as servers).
    public static func tornadoScript(dir: String, title: String, xlabel: String, count: Int, xticStep: Double? = nil) -> String {
        let height = 160 + 28 * max(1, count)
        let data = "'\(dir)/sensitivity-tornado.dat'"
        let body = """
        # The title is centred on the image, not on the plot: the factor names take the left
        # half, and a title centred over the bars alone runs off the right edge.
        set tmargin 3
        set label 1 '\(title.replacingOccurrences(of: "'", with: "''"))' at screen 0.5, screen 1 offset 0, -1.2 center front
        set xlabel '\(xlabel.replacingOccurrences(of: "'", with: "''"))'
        set ytics nomirror
        \(xticStep.map { "set xtics \(NumberFormat.literal($0))" } ?? "")
        set yrange [0.4:\(count) + 0.6]
        set grid xtics
        set key bottom right
        set style fill solid 0.8 border -1
        set arrow from 0, graph 0 to 0, graph 1 nohead lc 'black'
        plot \(data) using (($3 + 0) / 2):1:(($3 < 0 ? $3 : 0)):(($3 < 0 ? 0 : $3)):($1 - 0.35):($1 + 0.35):ytic(2) with boxxyerror lc rgb '#4477aa' title 'factor low', \\
             \(data) using (($4 + 0) / 2):1:(($4 < 0 ? $4 : 0)):(($4 < 0 ? 0 : $4)):($1 - 0.35):($1 + 0.35) with boxxyerror lc rgb '#ee6677' title 'factor high'

        """
        return "set terminal pngcairo size 1100,\(height) noenhanced\nset output '\(dir)/sensitivity-tornado.png'\n" + body
            + "set terminal svg size 1100,\(height) noenhanced\nset output '\(dir)/sensitivity-tornado.svg'\nreplot\n"
    }
}
