import Foundation
import RunOutput
import ScenarioSpec
import Statistics

/// The files `smsim calibrate` writes, as text: the calibrated scenario, `calibration.csv`,
/// the per-window fit data and the gnuplot script that draws it.
public struct CalibrationReport {
    public var calibration: Calibration
    /// The counter logs, as given (named in the YAML header).
    public var logs: [String]

    public init(calibration: Calibration, logs: [String]) {
        self.calibration = calibration
        self.logs = logs
    }

    /// `<name>-calibrated.yaml`: the base file with every fitted number replaced and commented,
    /// and each fitted field's 95 % interval as its plausible range in `assumptions:`.
    public func scenarioYAML(base yaml: String) throws -> (text: String, missing: [String]) {
        let c = calibration
        var edits: [CalibratedYAML.Edit] = []
        var ranges: [CalibratedYAML.Range] = []
        for v in c.values {
            for (quantity, value) in v.fields {
                let range = Self.range(v, quantity: quantity, value: value)
                edits.append(.init(quantity: quantity, value: value, comment: comment(v, quantity: quantity, value: value, range: range)))
                if let range { ranges.append(range) }
            }
        }
        let header = [
            "Calibrated by smsim calibrate from \(logs.joined(separator: ", "))",
            "(\(c.windows.count) windows of \(DurationSyntax.format(c.windows.length)); every fitted number has a comment above it;",
            "the fits, their intervals and warnings are in calibration.csv and the fit plots).",
        ] + c.assumptions.map { "assumed: " + $0 } + c.warnings.map { "warning: " + $0 }
        let result = try CalibratedYAML.apply(edits, to: yaml, header: header, name: c.base.name + "-calibrated")
        let missing = result.missing.map(\.quantity.field)
        // A field the file does not write keeps its default, which the interval is not about.
        let text = try CalibratedYAML.addingAssumptions(ranges.filter { !missing.contains($0.quantity.field) }, to: result.text)
        return (text, missing)
    }

    /// The 95 % interval of a fitted field: the fit's relative half-width around the field's
    /// new value (a field scaled from a pooled or per-console fit moves with it), at least 0.
    /// Nil when the fit has no finite interval.
    static func range(_ v: Calibration.FittedValue, quantity: ScenarioQuantity, value: Double) -> CalibratedYAML.Range? {
        guard v.estimate > 0, v.halfWidth.isFinite, v.halfWidth >= 0, value.isFinite, value >= 0 else { return nil }
        let relative = v.halfWidth / v.estimate
        return CalibratedYAML.Range(quantity: quantity, low: max(0, value * (1 - relative)), high: value * (1 + relative),
                                    reason: "smsim calibrate: 95 % interval of \(v.name) over \(v.windows) windows")
    }

    func comment(_ v: Calibration.FittedValue, quantity: ScenarioQuantity, value: Double, range: CalibratedYAML.Range?) -> String {
        let r2 = v.rSquared.isFinite ? ", R² \(fixed(v.rSquared, 3))" : ""
        let ratio = v.modelled > 0 ? ", × \(fixed(v.estimate / v.modelled, 3)) of the base" : ""
        let field = quantity.yamlPath.suffix(2).compactMap { if case .key(let k) = $0 { k } else { nil } }.joined(separator: ".")
        // The field's interval as assumptions: holds it, in the field's unit.
        let interval = range.map { "; 95 % interval \($0.text), its plausible range (assumptions:)" }
            ?? "; no finite 95 % interval: the declared range stands"
        let was = "was \(show(quantity.get(calibration.base), quantity.unit))"
        if let unit = v.unit {
            // A per-console load: the field is the base's value scaled, the note says by how much.
            return "\(field) fitted: \(v.name) \(sig(v.estimate)) ± \(sig(v.halfWidth)) \(unit) (95 %) "
                + "from \(v.windows) windows\(r2)\(ratio); \(v.note); \(was)\(interval)"
        }
        return "\(field) fitted: \(v.name) \(show(v.estimate, quantity.unit)) ± \(show(v.halfWidth, quantity.unit)) (95 %) "
            + "from \(v.windows) windows\(r2)\(ratio); \(was)\(interval)"
    }

    func show(_ x: Double, _ unit: ScenarioQuantity.Unit) -> String {
        guard x.isFinite else { return "n/a" }
        return CalibratedYAML.format(x, unit)
    }

    /// Four significant digits: a per-console load is a small number of busy cores.
    func sig(_ x: Double) -> String { x.isFinite ? String(format: "%.4g", x) : "n/a" }

    func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

    public static let csvHeader = "scenario,regression,parameter,estimate,ci95,modelled,ratio,windows,r_squared,fields,note"

    /// `calibration.csv`: one row per fitted value, then the counters only observed, then warnings.
    public func csv() -> String {
        let c = calibration
        var out = Self.csvHeader + "\n"
        let name = csvField(c.base.name)
        for v in c.values {
            let ratio = v.modelled > 0 ? v.estimate / v.modelled : .nan
            out += "\(name),\(csvField(v.regression)),\(csvField(v.name)),\(NumberFormat.csv(v.estimate)),\(NumberFormat.csv(v.halfWidth)),"
                + "\(NumberFormat.csv(v.modelled)),\(NumberFormat.csv(ratio)),\(v.windows),\(NumberFormat.csv(v.rSquared)),"
                + "\(csvField(v.fields.map(\.quantity.field).joined(separator: " "))),\(csvField(v.note))\n"
        }
        for (role, e) in c.observed {
            out += "\(name),observed,\(csvField(role)),\(NumberFormat.csv(e.mean)),\(NumberFormat.csv(e.halfWidth)),,,\(e.count),,,"
                + "mean over windows; no model field\n"
        }
        for a in c.assumptions { out += "\(name),assumed,,,,,,,,,\(csvField(a))\n" }
        for w in c.warnings { out += "\(name),warning,,,,,,,,,\(csvField(w))\n" }
        return out
    }

    /// The regressions of busy cores (the disk reads fit is in reads per second, another scale).
    public var plotted: [UtilizationRegression] { calibration.regressions.filter { $0.name != StorageFit.regressionName } }

    public static let fitHeader = "regression,host,window,time_h,observed_busy_cores,fitted_busy_cores,residual"

    /// `calibration-fit.csv`: every window of every fit; hosts in blocks separated by two
    /// blank lines, so gnuplot's `index` draws each host as its own series.
    public func fitCSV() -> String {
        var out = "# " + Self.fitHeader + "\n"
        for r in plotted {
            var previous: String?
            for (i, row) in r.rows.enumerated() {
                if let p = previous, p != row.host { out += "\n\n" }
                previous = row.host
                let hours = Double(row.window) * calibration.windows.length / 3600
                out += "\(csvField(r.name)),\(row.host),\(row.window),\(NumberFormat.csv(hours)),\(NumberFormat.csv(row.busy)),"
                    + "\(NumberFormat.csv(r.fit.fitted[i])),\(NumberFormat.csv(r.fit.residuals[i]))\n"
            }
            out += "\n\n"
        }
        return out
    }

    /// A gnuplot script drawing `calibration-fit.png` (observed vs fitted per window) and
    /// `calibration-residuals.png` (residual vs fitted), reading `calibration-fit.csv` in `dir`.
    public func gnuplotScript(dir: String) -> String {
        var blocks: [(String, Int)] = []
        var index = 0
        for r in plotted {
            var hosts: [String] = []
            for row in r.rows where hosts.last != row.host { hosts.append(row.host) }
            for h in hosts { blocks.append(("\(r.name): \(h)", index)); index += 1 }
        }
        let data = "'\(dir)/calibration-fit.csv'"
        var s = "set datafile separator ','\nset terminal pngcairo size 1200,800 noenhanced\n"
        s += "set output '\(dir)/calibration-fit.png'\nset key outside right\nset xlabel 'hours from the first window'\n"
        s += "set ylabel 'busy cores (utilization × cores)'\nset title 'Observed (points) and fitted (lines) utilization per window'\n"
        let observed = blocks.map { "\(data) index \($0.1) using 4:5 with points pt 7 ps 0.4 lc \($0.1 + 1) title '\($0.0) observed'" }
        let fitted = blocks.map { "\(data) index \($0.1) using 4:6 with lines lc \($0.1 + 1) title '\($0.0) fitted'" }
        s += "plot " + (observed + fitted).joined(separator: ", \\\n  ") + "\n"
        s += "set output '\(dir)/calibration-residuals.png'\nset terminal pngcairo size 1200,600 noenhanced\n"
        s += "set xlabel 'fitted busy cores'\nset ylabel 'observed − fitted'\nset title 'Residuals: no pattern means the law fits'\n"
        s += "plot " + blocks.map { "\(data) index \($0.1) using 6:7 with points pt 7 ps 0.4 lc \($0.1 + 1) title '\($0.0)'" }
            .joined(separator: ", \\\n  ") + ", 0 with lines lc 'black' notitle\n"
        return s
    }
}
