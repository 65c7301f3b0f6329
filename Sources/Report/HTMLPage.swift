/// Text made safe for HTML element content and attribute values.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// A table of numbers under a figure, or of inputs, verdicts and context.
struct Table {
    var headers: [String]
    var rows: [[String]]
    var caption: String? = nil

    var html: String {
        var out = "<table>"
        if let caption { out += "<caption>\(HTML.escape(caption))</caption>" }
        out += "<thead><tr>" + headers.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for r in rows { out += "<tr>" + r.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>" }
        return out + "</tbody></table>"
    }
}

/// One piece of evidence: a plot, its legend, a sentence on how to read it, and the numbers
/// it draws as a table (folded, so the page stays readable; open it to copy).
struct Figure {
    var title: String
    var svg: String
    var legend: [(name: String, colour: String, dashed: Bool)] = []
    var note: String = ""
    var table: Table

    var html: String {
        var out = "<figure class=\"plot\"><figcaption>\(HTML.escape(title))</figcaption>\(svg)"
        if !legend.isEmpty {
            out += "<ul class=\"legend\">" + legend.map { item in
                let style = item.dashed ? "border-top:3px dashed \(item.colour)" : "background:\(item.colour)"
                return "<li><span class=\"swatch\" style=\"\(style)\"></span>\(HTML.escape(item.name))</li>"
            }.joined() + "</ul>"
        }
        if !note.isEmpty { out += "<p class=\"note\">\(HTML.escape(note))</p>" }
        out += "<details><summary>numbers drawn (\(table.rows.count) rows)</summary>\(table.html)</details></figure>"
        return out
    }
}

/// The whole report: a title, the answer (first screen), then sections. Rendering is a
/// pure function of its parts, so the same inputs give the same bytes.
struct HTMLPage {
    var title: String
    var subtitle: String
    /// The answer in a planner's words: already-escaped HTML paragraphs and tables.
    var answer: [String] = []
    var sections: [(id: String, heading: String, body: [String])] = []

    mutating func section(_ id: String, _ heading: String, _ body: [String]) {
        sections.append((id, heading, body))
    }

    static func paragraph(_ text: String, cls: String? = nil) -> String {
        "<p\(cls.map { " class=\"\($0)\"" } ?? "")>\(HTML.escape(text))</p>"
    }

    /// A statement the model cannot back yet, said plainly instead of a blank.
    static func missing(_ text: String) -> String { paragraph(text, cls: "missing") }

    var html: String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(HTML.escape(title))</title><style>\(Stylesheet.css)</style></head><body>\n"
        out += "<header><h1>\(HTML.escape(title))</h1><p class=\"subtitle\">\(HTML.escape(subtitle))</p></header>\n"
        out += "<section id=\"answer\" class=\"answer\"><h2>The answer</h2>\n" + answer.joined(separator: "\n") + "\n</section>\n"
        out += "<nav><ul>" + sections.map { "<li><a href=\"#\($0.id)\">\(HTML.escape($0.heading))</a></li>" }.joined() + "</ul></nav>\n"
        for s in sections {
            out += "<section id=\"\(s.id)\"><h2>\(HTML.escape(s.heading))</h2>\n" + s.body.joined(separator: "\n") + "\n</section>\n"
        }
        out += "<footer>smsim report — one self-contained file: no scripts, no fonts or images fetched from anywhere.</footer>\n"
        return out + "</body></html>\n"
    }
}

extension Table {
    /// The numbers a line chart draws: one row per x, one column per series (and its ± when
    /// the series has a band).
    static func series(_ series: [ChartSeries], xs: [Double], xHeader: String, unit: String, x: (Double) -> String) -> Table {
        var headers = [xHeader]
        for s in series {
            headers.append(unit.isEmpty ? s.name : "\(s.name) (\(unit))")
            if !s.band.isEmpty { headers.append("\(s.name) ±") }
        }
        var rows: [[String]] = []
        for t in xs {
            var row = [x(t)]
            for s in series {
                let y: Double?? = s.points.first { $0.0 == t }?.1
                row.append((y ?? nil).map(NumberText.show) ?? "")
                if !s.band.isEmpty {
                    let b = s.band.first { $0.0 == t }
                    row.append(b.map { NumberText.show(($0.2 - $0.1) / 2) } ?? "")
                }
            }
            rows.append(row)
        }
        return Table(headers: headers, rows: rows)
    }
}
