import Foundation

/// One line of a chart, optionally with a shaded band (a 95 % confidence interval).
struct ChartSeries {
    var name: String
    var colour: String
    /// (x, y); a nil y breaks the line (a window where the station was not measured).
    var points: [(Double, Double?)]
    /// (x, low, high) of the band around the line, drawn under it.
    var band: [(Double, Double, Double)] = []
    var dashed = false
    var width = 2.0
    /// Draw a dot at every point (for curves over a handful of x values, as sweeps are).
    var dots = false
    /// Whether the band is drawn; a figure with many series keeps their bands for the table
    /// only and draws the band of the aggregate line, so the lines stay readable.
    var drawBand = true
}

/// A line chart as inline SVG: axes with round ticks, lines with optional CI bands,
/// horizontal reference lines (objectives) and vertical markers (failures, promotions).
/// The legend is HTML under the figure (see `HTMLPage.legend`), so it never covers data.
struct LineChart {
    var xLabel: String
    var yLabel: String
    var series: [ChartSeries]
    /// Formats an x tick (clock time, hours, server counts).
    var xTick: (Double) -> String = NumberText.show
    /// Integer x ticks only (server counts).
    var integerX = false
    var yMin: Double? = 0
    var yMax: Double?
    /// The x range when it is known (a run's duration), else the data's.
    var xRange: (Double, Double)? = nil
    /// x is seconds of a run: ticks fall on round minutes or hours.
    var timeX = false
    var references: [(y: Double, label: String)] = []
    var markers: [(x: Double, label: String)] = []

    static let width = 760.0, height = 300.0
    static let left = 64.0, right = 16.0, top = 14.0, bottom = 44.0

    func svg(title: String) -> String {
        let xs = series.flatMap { $0.points.map(\.0) }
        let ys = series.flatMap { $0.points.compactMap(\.1) } + series.flatMap { $0.band.flatMap { [$0.1, $0.2] } }
            + references.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), !ys.isEmpty else {
            return SVG.empty(title: title, message: "no data to draw")
        }
        let (lowX, highX) = xRange ?? (x0, x1 > x0 ? x1 : x0 + 1)
        let xAxis = timeX ? Axis(seconds: lowX, to: highX) : Axis(low: lowX, high: highX, integer: integerX)
        let yAxis = Axis(low: yMin ?? ys.min()!, high: yMax ?? max(ys.max()!, (yMin ?? 0) + 1e-9), integer: false)
        let plotW = Self.width - Self.left - Self.right, plotH = Self.height - Self.top - Self.bottom
        func px(_ x: Double) -> Double { Self.left + (x - xAxis.low) / (xAxis.high - xAxis.low) * plotW }
        func py(_ y: Double) -> Double {
            let c = min(max(y, yAxis.low), yAxis.high)
            return Self.top + plotH - (c - yAxis.low) / (yAxis.high - yAxis.low) * plotH
        }
        let c = NumberText.coordinate
        var out = SVG.open(title: title)
        // Grid and ticks.
        for t in yAxis.ticks {
            out += "<line class=\"grid\" x1=\"\(c(Self.left))\" y1=\"\(c(py(t)))\" x2=\"\(c(Self.left + plotW))\" y2=\"\(c(py(t)))\"/>"
            out += "<text class=\"tick\" x=\"\(c(Self.left - 6))\" y=\"\(c(py(t) + 4))\" text-anchor=\"end\">\(HTML.escape(NumberText.show(t)))</text>"
        }
        for t in xAxis.ticks {
            out += "<line class=\"grid\" x1=\"\(c(px(t)))\" y1=\"\(c(Self.top))\" x2=\"\(c(px(t)))\" y2=\"\(c(Self.top + plotH))\"/>"
            out += "<text class=\"tick\" x=\"\(c(px(t)))\" y=\"\(c(Self.top + plotH + 16))\" text-anchor=\"middle\">\(HTML.escape(xTick(t)))</text>"
        }
        out += "<rect class=\"frame\" x=\"\(c(Self.left))\" y=\"\(c(Self.top))\" width=\"\(c(plotW))\" height=\"\(c(plotH))\"/>"
        out += "<text class=\"label\" x=\"\(c(Self.left + plotW / 2))\" y=\"\(c(Self.height - 6))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        out += "<text class=\"label\" transform=\"translate(14 \(c(Self.top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTML.escape(yLabel))</text>"
        // Bands first, so every line is drawn over every band.
        for s in series where s.band.count > 1 && s.drawBand {
            let upper = s.band.map { "\(c(px($0.0))),\(c(py($0.2)))" }
            let lower = s.band.reversed().map { "\(c(px($0.0))),\(c(py($0.1)))" }
            out += "<path class=\"band\" fill=\"\(s.colour)\" d=\"M\((upper + lower).joined(separator: " L"))Z\"/>"
        }
        for s in series {
            var d = "", pen = false
            for (x, y) in s.points {
                guard let y else { pen = false; continue }
                d += (pen ? " L" : (d.isEmpty ? "M" : " M")) + "\(c(px(x))),\(c(py(y)))"
                pen = true
            }
            guard !d.isEmpty else { continue }
            let dash = s.dashed ? " stroke-dasharray=\"6 3\"" : ""
            out += "<path class=\"line\" stroke=\"\(s.colour)\" stroke-width=\"\(c(s.width))\"\(dash) d=\"\(d)\"><title>\(HTML.escape(s.name))</title></path>"
            if s.dots {
                for (x, y) in s.points { if let y { out += "<circle cx=\"\(c(px(x)))\" cy=\"\(c(py(y)))\" r=\"3\" fill=\"\(s.colour)\"/>" } }
            }
        }
        var labelled: [Double] = []
        for r in references {
            out += "<path class=\"reference\" d=\"M\(c(Self.left)),\(c(py(r.y))) L\(c(Self.left + plotW)),\(c(py(r.y)))\"/>"
            // Above its line, or below it when that would overprint a label already placed.
            var labelY = py(r.y) - 4
            if labelled.contains(where: { abs($0 - labelY) < 14 }) { labelY = py(r.y) + 12 }
            labelled.append(labelY)
            // At the left end: marker labels (failures, promotions) hang at the top right of
            // their markers, which rarely fall in the first minutes of a run.
            out += "<text class=\"reflabel\" x=\"\(c(Self.left + 4))\" y=\"\(c(labelY))\">\(HTML.escape(r.label))</text>"
        }
        for (i, m) in markers.enumerated() where m.x >= xAxis.low && m.x <= xAxis.high {
            out += "<path class=\"marker\" d=\"M\(c(px(m.x))),\(c(Self.top)) L\(c(px(m.x))),\(c(Self.top + plotH))\"/>"
            // A label that would run past the plot's right edge goes on the marker's left.
            let fits = px(m.x) + 3 + SVG.textWidth(m.label) <= Self.left + plotW
            let x = fits ? px(m.x) + 3 : px(m.x) - 3
            out += "<text class=\"reflabel\" x=\"\(c(x))\" y=\"\(c(Self.top + 12 + Double(i % 4) * 12))\"\(fits ? "" : " text-anchor=\"end\"")>\(HTML.escape(m.label))</text>"
        }
        return out + "</svg>"
    }
}

/// Round tick positions covering [low, high].
struct Axis {
    var low: Double
    var high: Double
    var ticks: [Double]

    /// A time axis over exactly [low, high] seconds with ticks every 15 min, 30 min, 1 h, 2 h…
    init(seconds low: Double, to high: Double) {
        let top = max(high, low + 1)
        self.low = low
        self.high = top
        let steps: [Double] = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]
        let step = steps.first { (top - low) / $0 <= 12 } ?? 86400
        var t: [Double] = [], v = (low / step).rounded(.up) * step
        while v <= top + 1e-9 { t.append(v); v += step }
        ticks = t
    }

    init(low: Double, high: Double, integer: Bool) {
        let span = max(high - low, 1e-12)
        let raw = span / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step0 = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let step = integer ? max(1, step0.rounded(.up)) : step0
        let lo = integer ? low : (low / step).rounded(.down) * step
        let hi = integer ? high : (high / step).rounded(.up) * step
        self.low = lo == hi ? lo - 1 : lo
        self.high = lo == hi ? hi + 1 : hi
        var t: [Double] = [], v = integer ? low.rounded(.up) : lo
        while v <= self.high + step * 1e-9 { t.append(abs(v) < step * 1e-9 ? 0 : v); v += step }
        ticks = t
    }
}

/// The shared opening of every figure's SVG.
enum SVG {
    static func open(title: String, height: Double = LineChart.height) -> String {
        "<svg viewBox=\"0 0 \(Int(LineChart.width)) \(Int(height))\" role=\"img\" "
            + "aria-label=\"\(HTML.escape(title))\">"
    }

    /// A generous estimate of a small label's width (10.5 px sans-serif) in SVG units.
    static func textWidth(_ text: String) -> Double { Double(text.count) * 6.2 }

    /// A figure with nothing to draw still is an SVG with a drawn frame and says why.
    static func empty(title: String, message: String) -> String {
        open(title: title, height: 60) + "<path class=\"frame\" d=\"M1,1 L759,1 L759,59 L1,59 Z\"/>"
            + "<text class=\"label\" x=\"380\" y=\"35\" text-anchor=\"middle\">\(HTML.escape(message))</text></svg>"
    }
}
