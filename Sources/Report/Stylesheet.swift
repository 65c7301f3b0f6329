/// The report's CSS: system fonts only (nothing fetched), a readable column on screen, and
/// a print stylesheet that keeps every figure on one page and starts the evidence on a new one.
enum Stylesheet {
    static let css = """
    :root{--ink:#1d2329;--muted:#5b6570;--rule:#d5dae0;--pass:#1b7a36;--fail:#b3261e;--unsure:#9a6400}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);max-width:1000px;margin:0 auto;padding:16px 24px;line-height:1.45}
    h1{font-size:1.6em;margin:0.2em 0}h2{font-size:1.25em;border-bottom:1px solid var(--rule);padding-bottom:4px;margin-top:1.6em}
    .subtitle{color:var(--muted);margin-top:0}
    .answer{background:#f4f7fa;border:1px solid var(--rule);border-radius:6px;padding:8px 18px 14px}
    .answer h2{border:none;margin-top:0.4em}
    .headline{font-size:1.15em;font-weight:600}
    .missing{color:var(--unsure);font-style:italic}
    .verdict{font-weight:700;padding:1px 6px;border-radius:3px;color:#fff}
    .PASS{background:var(--pass)}.FAIL{background:var(--fail)}.UNSURE{background:var(--unsure)}
    table{border-collapse:collapse;margin:8px 0;font-size:0.88em;font-variant-numeric:tabular-nums}
    th,td{border:1px solid var(--rule);padding:3px 8px;text-align:left;vertical-align:top}
    th{background:#eef1f4}caption{text-align:left;font-weight:600;padding:4px 0}
    figure.plot{margin:18px 0;padding:8px 0;border-top:1px solid var(--rule)}
    figcaption{font-weight:600;margin-bottom:4px}
    svg{width:100%;height:auto;display:block;font-family:inherit}
    svg .grid{stroke:#e6e9ed;stroke-width:1}svg .frame{fill:none;stroke:#9aa3ad;stroke-width:1}
    svg .tick{font-size:11px;fill:#444}svg .label{font-size:12px;fill:#222}
    svg .line{fill:none;stroke-linejoin:round;stroke-linecap:round}svg .band{opacity:0.18;stroke:none}
    svg .reference{stroke:var(--fail);stroke-width:1.5;stroke-dasharray:5 4;fill:none}
    svg .marker{stroke:#666;stroke-width:1;stroke-dasharray:2 3;fill:none}
    svg .reflabel{font-size:10.5px;fill:#333}svg .lane{stroke:#ccc;stroke-width:1;fill:none}
    ul.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:0.85em}
    .swatch{display:inline-block;width:18px;height:4px;margin-right:5px;vertical-align:middle}
    .note{color:var(--muted);font-size:0.9em;margin:4px 0}
    details summary{cursor:pointer;color:var(--muted);font-size:0.9em}
    nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:0.9em}
    footer{color:var(--muted);font-size:0.8em;margin-top:2em;border-top:1px solid var(--rule);padding-top:6px}
    pre{white-space:pre-wrap;font-size:0.85em;background:#f6f8fa;padding:8px}
    @media print{
      body{max-width:none;padding:0;font-size:10.5pt}
      nav{display:none}
      .answer{break-after:page}
      figure.plot,.answer{break-inside:avoid;page-break-inside:avoid}
      tr{break-inside:avoid}
      h2{break-after:avoid;page-break-after:avoid}
      details>summary{display:none}
      a{color:inherit;text-decoration:none}
      @page{size:A4;margin:14mm}
    }
    """
}
