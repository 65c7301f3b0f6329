/// Horizontal bars around a baseline: the tornado of a sensitivity analysis (each input's
/// low and high setting moves the output left or right of the baseline), largest swing on
/// top as the caller orders them.
struct TornadoChart {
    struct Bar {
        var label: String
        var low: Double
        var high: Double
    }
    var bars: [Bar]
    var baseline: Double
    var xLabel: String

    func svg(title: String) -> String {
        guard !bars.isEmpty else { return SVG.empty(title: title, message: "no inputs to draw") }
        let rowH = 26.0, top = 10.0, bottom = 44.0, left = 200.0, right = 24.0
        let height = top + Double(bars.count) * rowH + bottom
        let values = bars.flatMap { [$0.low, $0.high] } + [baseline]
        let axis = Axis(low: values.min()!, high: values.max()!, integer: false)
        let plotW = LineChart.width - left - right
        func px(_ x: Double) -> Double { left + (x - axis.low) / (axis.high - axis.low) * plotW }
        let c = NumberText.coordinate
        var out = SVG.open(title: title, height: height)
        let plotBottom = top + Double(bars.count) * rowH
        for t in axis.ticks {
            out += "<line class=\"grid\" x1=\"\(c(px(t)))\" y1=\"\(c(top))\" x2=\"\(c(px(t)))\" y2=\"\(c(plotBottom))\"/>"
            out += "<text class=\"tick\" x=\"\(c(px(t)))\" y=\"\(c(plotBottom + 16))\" text-anchor=\"middle\">\(HTML.escape(NumberText.show(t)))</text>"
        }
        for (i, b) in bars.enumerated() {
            let y = top + Double(i) * rowH + 4
            out += "<text class=\"tick\" x=\"\(c(left - 6))\" y=\"\(c(y + 13))\" text-anchor=\"end\">\(HTML.escape(b.label))</text>"
            for (value, colour) in [(b.low, Palette.colour(0)), (b.high, Palette.colour(1))] {
                let a = px(min(value, baseline)), w = max(abs(px(value) - px(baseline)), 1)
                out += "<path class=\"bar\" fill=\"\(colour)\" d=\"M\(c(a)),\(c(y)) h\(c(w)) v\(c(rowH - 8)) h-\(c(w))Z\"/>"
            }
        }
        out += "<path class=\"reference\" d=\"M\(c(px(baseline))),\(c(top)) L\(c(px(baseline))),\(c(plotBottom))\"/>"
        out += "<text class=\"label\" x=\"\(c(left + plotW / 2))\" y=\"\(c(height - 6))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        return out + "</svg>"
    }
}

/// Lanes of events over the run: one lane per target (a server, the database), a span from
/// each failure or outage to its repair, a dot for each promotion. Shows replication 0,
/// the one the other figures' first replication shares its random streams with.
struct TimelineChart {
    struct Span {
        var lane: String
        var start: Double
        var end: Double?
        var label: String
    }
    var spans: [Span]
    var duration: Double
    var xTick: (Double) -> String
    var xLabel: String

    func svg(title: String) -> String {
        guard !spans.isEmpty else { return SVG.empty(title: title, message: "no failures, outages or promotions in this run") }
        var lanes: [String] = []
        for s in spans where !lanes.contains(s.lane) { lanes.append(s.lane) }
        let rowH = 28.0, top = 10.0, bottom = 44.0, left = 90.0, right = 16.0
        let height = top + Double(lanes.count) * rowH + bottom
        let axis = Axis(seconds: 0, to: duration)
        let plotW = LineChart.width - left - right
        func px(_ x: Double) -> Double { left + (x - axis.low) / (axis.high - axis.low) * plotW }
        let c = NumberText.coordinate
        let plotBottom = top + Double(lanes.count) * rowH
        var out = SVG.open(title: title, height: height)
        for t in axis.ticks {
            out += "<line class=\"grid\" x1=\"\(c(px(t)))\" y1=\"\(c(top))\" x2=\"\(c(px(t)))\" y2=\"\(c(plotBottom))\"/>"
            out += "<text class=\"tick\" x=\"\(c(px(t)))\" y=\"\(c(plotBottom + 16))\" text-anchor=\"middle\">\(HTML.escape(xTick(t)))</text>"
        }
        for (i, lane) in lanes.enumerated() {
            let y = top + Double(i) * rowH
            out += "<text class=\"tick\" x=\"\(c(left - 6))\" y=\"\(c(y + 18))\" text-anchor=\"end\">\(HTML.escape(lane))</text>"
            out += "<path class=\"lane\" d=\"M\(c(left)),\(c(y + 14)) L\(c(left + plotW)),\(c(y + 14))\"/>"
        }
        for s in spans {
            let y = top + Double(lanes.firstIndex(of: s.lane)!) * rowH
            if let end = s.end {
                let w = max(px(end) - px(s.start), 2)
                out += "<path class=\"bar\" fill=\"\(Palette.colour(3))\" d=\"M\(c(px(s.start))),\(c(y + 6)) h\(c(w)) v16 h-\(c(w))Z\">"
                    + "<title>\(HTML.escape(s.label))</title></path>"
            } else {
                out += "<path class=\"bar\" fill=\"\(Palette.colour(2))\" d=\"M\(c(px(s.start))),\(c(y + 6)) l6,8 l-6,8 l-6,-8Z\">"
                    + "<title>\(HTML.escape(s.label))</title></path>"
            }
        }
        out += "<text class=\"label\" x=\"\(c(left + plotW / 2))\" y=\"\(c(height - 6))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        return out + "</svg>"
    }
}
