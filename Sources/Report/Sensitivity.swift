import ScenarioSpec
import GroupSimulation
import RunOutput
import Planning
import CounterCalibration

/// The tornado of `smsim sensitivity` (sensitivity.csv), when the directory has one: each
/// factor's low and high setting and how far it moves the metric from the base run
/// (one-at-a-time: `low_diff`, `high_diff` with paired CIs), or Morris screening's μ*.
enum Sensitivity {
    static func section(_ directory: String, into page: inout HTMLPage) {
        guard let csv = CSVTable(path: "\(directory)/sensitivity.csv") else { return }
        page.section("sensitivity", "Sensitivity: which inputs move the answer", figure(csv))
    }

    /// The page of a directory holding only `smsim sensitivity` output.
    static func page(_ csv: CSVTable, _ options: ReportOptions) -> HTMLPage {
        let name = csv.rows.first.map { csv.text($0, "scenario") } ?? "?"
        let shown = display(csv)
        let metric = shown.label
        let context = ReportBuilder.scenario(options, named: nil, hash: nil, scenarioName: name)
        var page = HTMLPage(title: "\(name): which inputs move \(metric) most?",
                            subtitle: "smsim sensitivity: each factor moved from its low to its high setting, the rest at their base values; common random numbers, 95 % confidence intervals.")
        if let top = csv.rows.first {
            let replications = csv.rows.first.map { csv.text($0, "replications") }.flatMap(Int.init).map { " (\($0) replications per setting)" } ?? ""
            page.answer = [HTMLPage.paragraph(headline(csv, shown: shown, metric: metric, top: top) + replications + ".", cls: "headline"),
                           HTMLPage.paragraph("The tornado below ranks every factor; the values the answer leans on most are the ones to measure (smsim calibrate) before buying.")]
        } else {
            page.answer = [HTMLPage.missing("sensitivity.csv has no rows.")]
        }
        page.section("sensitivity", "Evidence: the tornado", figure(csv))
        page.section("assumptions", "Assumptions: every input and its source", ContextSection.assumptions(context, sourcesPath: options.sourcesPath))
        page.section("validation", "Is the engine right? The validation suite", ContextSection.validation(scale: options.validationScale))
        return page
    }

    /// "think time moves p95 latency most: by −0.59 s ± 0.10 s from its low (9.6) to its high
    /// (14.4) setting" when the top effect's interval excludes zero; otherwise that no factor
    /// moves the metric beyond the noise, with the largest effect and its interval.
    static func headline(_ csv: CSVTable, shown: (label: String, scale: Double, unitSuffix: String, unitInBrackets: String),
                         metric: String, top: [String]) -> String {
        guard let effect = csv.number(top, "effect") ?? csv.number(top, "mu_star") else {
            return "\(csv.text(top, "factor")) is ranked first, without a number for its effect"
        }
        let ci = csv.number(top, "effect_ci95") ?? csv.number(top, "mu_star_ci95")
        let e = effect * shown.scale, h = ci.map { $0 * shown.scale }
        let parts = NumberFormat.estimateParts(e, h ?? .nan, plain: .report)
        var by = NumberText.show(e) + shown.unitSuffix
        if parts.halfWidth == "0" { by += " in every replication" } else if let w = parts.halfWidth {
            by = parts.value + shown.unitSuffix + " ± " + w + shown.unitSuffix
        }
        let range = "from its low (\(csv.text(top, "low_value"))) to its high (\(csv.text(top, "high_value"))) setting"
        if let h, h.isFinite, !(parts.halfWidth == "0" || NumberFormat.excludesZero(e, h)) {
            return "No factor moves \(metric) beyond the noise: the largest, \(csv.text(top, "factor")), by \(by) \(range), "
                + "an effect inside its own 95 % interval; add replications to tell the factors apart"
        }
        return "\(csv.text(top, "factor")) moves \(metric) most: by \(by) \(range)"
    }

    static func figure(_ csv: CSVTable) -> [String] {
        let table = Table(headers: csv.header, rows: csv.rows.map { numbersAsShown(csv, $0) })
        let shown = display(csv)
        let metric = shown.label + shown.unitInBrackets
        let bars: [TornadoChart.Bar]
        let xLabel: String
        if csv.has("low_diff") && csv.has("high_diff") {
            bars = csv.rows.compactMap { r in
                guard let lo = csv.number(r, "low_diff"), let hi = csv.number(r, "high_diff") else { return nil }
                return .init(label: csv.text(r, "factor"), low: lo * shown.scale, high: hi * shown.scale)
            }
            xLabel = "change in \(metric) from the base run: factor at its low (blue) and high (orange) setting"
        } else if csv.has("mu_star") {
            bars = csv.rows.compactMap { r in csv.number(r, "mu_star").map { .init(label: csv.text(r, "factor"), low: 0, high: $0 * shown.scale) } }
            xLabel = "Morris μ*: mean absolute change in \(metric) from the factor's low to high setting"
        } else {
            return [HTMLPage.missing("sensitivity.csv is present but its columns (\(csv.header.joined(separator: ", "))) are not ones this report knows how to draw as a tornado; its rows follow as they are."),
                    table.html]
        }
        let title = "Tornado: how far each factor moves \(metric)"
        let chart = TornadoChart(bars: bars, baseline: 0, xLabel: xLabel)
        return [Figure(title: title, svg: chart.svg(title: title), note: "Factors in the order sensitivity.csv ranks them, largest effect on top.", table: table).html]
    }

    /// How the page names and scales the measured metric: p95 latency in seconds (the CSV's
    /// milliseconds), utilization in percentage points, servers as a count.
    static func display(_ csv: CSVTable) -> (label: String, scale: Double, unitSuffix: String, unitInBrackets: String) {
        let raw = csv.rows.first.map { csv.text($0, "metric") } ?? ""
        guard let m = SensitivityMetric(rawValue: raw) else { return (raw.isEmpty ? "the metric" : raw, 1, "", "") }
        guard let p = m.planningMetric else { return (m.label, 1, " " + m.unit, " (\(m.unit))") }
        let d = p.metric.unit == .milliseconds ? p.metric.unit.limit : p.metric.display
        return (p.label, d.scale, d.unit.isEmpty ? "" : " " + d.unit, d.unit.isEmpty ? "" : " (\(d.unit))")
    }

    /// A row of sensitivity.csv with its numbers as the page prints them; a half-width
    /// (`low_ci95`, `effect_ci95`, `mu_star_ci95`) at the precision of the value it belongs to.
    static func numbersAsShown(_ csv: CSVTable, _ row: [String]) -> [String] {
        let owner = ["low_ci95": "low_diff", "high_ci95": "high_diff", "effect_ci95": "effect", "mu_star_ci95": "mu_star"]
        return row.enumerated().map { i, cell in
            guard let x = Double(cell), i < csv.header.count else { return cell }
            if let mean = owner[csv.header[i]].flatMap({ csv.number(row, $0) }) { return NumberText.halfWidth(x, of: mean) }
            return NumberText.show(x)
        }
    }
}
