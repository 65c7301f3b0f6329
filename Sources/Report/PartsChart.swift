/// Horizontal bars from zero, one per part of a whole, each its own colour with its 95 %
/// interval as a whisker: where a request's time went.
struct PartsChart {
    struct Part {
        var label: String
        var value: Double
        var halfWidth: Double?
    }
    var parts: [Part]
    var xLabel: String

    func svg(title: String) -> String {
        guard !parts.isEmpty else { return SVG.empty(title: title, message: "nothing to draw") }
        let rowH = 30.0, top = 10.0, bottom = 44.0, left = 200.0, right = 90.0
        let height = top + Double(parts.count) * rowH + bottom
        let highest = parts.map { $0.value + ($0.halfWidth ?? 0) }.max() ?? 0
        let axis = Axis(low: 0, high: max(highest, 1e-9), integer: false)
        let plotW = LineChart.width - left - right
        func px(_ x: Double) -> Double { left + (min(max(x, axis.low), axis.high) - axis.low) / (axis.high - axis.low) * plotW }
        let c = NumberText.coordinate
        let plotBottom = top + Double(parts.count) * rowH
        var out = SVG.open(title: title, height: height)
        for t in axis.ticks {
            out += "<line class=\"grid\" x1=\"\(c(px(t)))\" y1=\"\(c(top))\" x2=\"\(c(px(t)))\" y2=\"\(c(plotBottom))\"/>"
            out += "<text class=\"tick\" x=\"\(c(px(t)))\" y=\"\(c(plotBottom + 16))\" text-anchor=\"middle\">\(HTML.escape(NumberText.show(t)))</text>"
        }
        for (i, p) in parts.enumerated() {
            let y = top + Double(i) * rowH + 5, h = rowH - 10
            out += "<text class=\"tick\" x=\"\(c(left - 6))\" y=\"\(c(y + h / 2 + 4))\" text-anchor=\"end\">\(HTML.escape(p.label))</text>"
            let w = max(px(p.value) - px(0), 1)
            out += "<path class=\"bar\" fill=\"\(Palette.colour(i))\" d=\"M\(c(left)),\(c(y)) h\(c(w)) v\(c(h)) h-\(c(w))Z\"><title>\(HTML.escape(p.label))</title></path>"
            var end = px(p.value)
            if let hw = p.halfWidth, hw.isFinite, hw > 0 {
                let a = px(p.value - hw), b = px(p.value + hw), m = y + h / 2
                out += "<path class=\"reference\" d=\"M\(c(a)),\(c(m)) L\(c(b)),\(c(m)) M\(c(a)),\(c(m - 5)) L\(c(a)),\(c(m + 5)) M\(c(b)),\(c(m - 5)) L\(c(b)),\(c(m + 5))\"/>"
                end = b
            }
            out += "<text class=\"reflabel\" x=\"\(c(end + 4))\" y=\"\(c(y + h / 2 + 4))\">\(HTML.escape(NumberText.interval(p.value, p.halfWidth)))</text>"
        }
        out += "<text class=\"label\" x=\"\(c(left + plotW / 2))\" y=\"\(c(height - 6))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
        return out + "</svg>"
    }
}
