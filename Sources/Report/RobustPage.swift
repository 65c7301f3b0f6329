import Foundation
import Planning
import ScenarioSpec

/// The page of a robust answer's output (robust.csv, robust.txt) from `check`, `compare` or
/// `size --robust`: the probability that every objective holds over the plausible ranges,
/// what decides it, and each world drawn by the two inputs that decide most, coloured by
/// verdict.
enum RobustPage {
    static let holdsColour = "#2e7d32", failsColour = "#c62828"

    /// The command that wrote `directory`, told by the file only it writes beside robust.csv.
    static func command(_ directory: String) -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: "\(directory)/robust-compare.csv") { return "smsim compare --robust" }
        if fm.fileExists(atPath: "\(directory)/robust-size.csv") { return "smsim size --robust" }
        return "smsim check --robust"
    }

    static func build(_ csv: CSVTable, _ directory: String, _ options: ReportOptions) -> HTMLPage {
        let text = (try? String(contentsOfFile: "\(directory)/robust.txt", encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map(String.init)
        let name = lines.first.map { String($0.prefix { $0 != ":" }) } ?? "?"
        let context = ReportBuilder.scenario(options, named: nil, hash: nil, scenarioName: name)
        var page = HTMLPage(title: "\(name): does the answer survive its assumptions?",
                            subtitle: "\(command(directory)): the scenario asked in many plausible worlds, every assumed input drawn in its range "
                                + "(smsim lint --assumptions), the same random numbers in each world.")
        page.answer = lines.count > 1
            ? [HTMLPage.paragraph(lines[1], cls: "headline")] + lines.dropFirst(2).map { HTMLPage.paragraph($0.trimmingCharacters(in: .whitespaces)) }
            : [HTMLPage.missing("robust.txt is missing: the summary lines are not available; the worlds follow.")]
        page.section("worlds", "Evidence: the worlds by the inputs that decide most", figure(csv))
        page.section("assumptions", "Assumptions: every input and its source", ContextSection.assumptions(context, sourcesPath: options.sourcesPath))
        page.section("validation", "Is the engine right? The validation suite", ContextSection.validation(scale: options.validationScale))
        return page
    }

    /// The factor columns: those between `world` and the first objective's.
    static func factorColumns(_ csv: CSVTable) -> [String] {
        Array(csv.header.dropFirst().prefix { Objective(rawValue: $0) == nil && $0 != "decided" && $0 != "holds" })
    }

    static func figure(_ csv: CSVTable) -> [String] {
        let fields = factorColumns(csv)
        let inputs = csv.rows.map { r in fields.map { csv.number(r, $0) ?? .nan } }
        let fails = csv.rows.map { csv.text($0, "holds") != "1" }
        guard !fields.isEmpty, !csv.rows.isEmpty else { return [HTMLPage.missing("robust.csv has no worlds.")] }
        let deciders = RobustDeciders(inputs: inputs, fails: fails)
        let x = deciders.cuts.first?.factor ?? 0
        let y = deciders.cuts.count > 1 ? deciders.cuts[1].factor : (fields.count > 1 ? (x == 0 ? 1 : 0) : x)
        let title = "Each world by \(fields[x]) and \(fields[y]); green: every objective holds, red: one fails"
        let table = Table(headers: ["world", fields[x], fields[y], "decided", "holds"],
                          rows: csv.rows.map { [csv.text($0, "world"), csv.text($0, fields[x]), csv.text($0, fields[y]), csv.text($0, "decided"), csv.text($0, "holds")] })
        let note = deciders.cuts.isEmpty
            ? "No single input separates holding from failing; the axes are the first two inputs."
            : "The axes are the inputs whose per-input failure rates differ most (smsim check --robust prints them); the dashed lines are their cuts."
        let cuts = deciders.cuts.prefix(2).map { ($0.factor, $0.threshold) }
        return [Figure(title: title, svg: scatter(inputs, fails, x: x, y: y, xLabel: fields[x], yLabel: fields[y], cuts: cuts, title: title),
                       note: note, table: table).html]
    }

    static func scatter(_ points: [[Double]], _ fails: [Bool], x: Int, y: Int, xLabel: String, yLabel: String,
                        cuts: [(Int, Double)], title: String) -> String {
        let xs = points.map { $0[x] }.filter(\.isFinite), ys = points.map { $0[y] }.filter(\.isFinite)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else {
            return SVG.empty(title: title, message: "no finite inputs to draw")
        }
        let ax = Axis(low: x0, high: x1, integer: false), ay = Axis(low: y0, high: y1, integer: false)
        let w = LineChart.width, h = LineChart.height, l = LineChart.left, r = LineChart.right, t = LineChart.top, b = LineChart.bottom
        func px(_ v: Double) -> Double { l + (v - ax.low) / (ax.high - ax.low) * (w - l - r) }
        func py(_ v: Double) -> Double { h - b - (v - ay.low) / (ay.high - ay.low) * (h - t - b) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = SVG.open(title: title)
        out += "<path class=\"frame\" d=\"M\(f(l)),\(f(t)) L\(f(w - r)),\(f(t)) L\(f(w - r)),\(f(h - b)) L\(f(l)),\(f(h - b)) Z\"/>"
        for v in ax.ticks {
            out += "<text class=\"label\" x=\"\(f(px(v)))\" y=\"\(f(h - b + 14))\" text-anchor=\"middle\">\(NumberText.show(v))</text>"
        }
        for v in ay.ticks {
            out += "<text class=\"label\" x=\"\(f(l - 4))\" y=\"\(f(py(v) + 4))\" text-anchor=\"end\">\(NumberText.show(v))</text>"
        }
        out += "<text class=\"label\" x=\"\(f((l + w - r) / 2))\" y=\"\(f(h - 6))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        out += "<text class=\"label\" x=\"12\" y=\"\(f((t + h - b) / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 12 \(f((t + h - b) / 2)))\">\(HTML.escape(yLabel))</text>"
        for (factor, threshold) in cuts {
            if factor == x {
                out += "<path d=\"M\(f(px(threshold))),\(f(t)) L\(f(px(threshold))),\(f(h - b))\" stroke=\"#555\" stroke-dasharray=\"4 3\" fill=\"none\"/>"
            } else if factor == y {
                out += "<path d=\"M\(f(l)),\(f(py(threshold))) L\(f(w - r)),\(f(py(threshold)))\" stroke=\"#555\" stroke-dasharray=\"4 3\" fill=\"none\"/>"
            }
        }
        for (p, failed) in zip(points, fails) where p[x].isFinite && p[y].isFinite {
            out += "<circle cx=\"\(f(px(p[x])))\" cy=\"\(f(py(p[y])))\" r=\"3.5\" fill=\"\(failed ? Self.failsColour : Self.holdsColour)\"><title>\(failed ? "fails" : "holds")</title></circle>"
        }
        return out + "</svg>"
    }
}
