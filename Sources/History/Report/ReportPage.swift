/// The frame every report page shares: doctype, language, inline style, the hatch pattern the
/// charts use for implied figures.
enum ReportPage {
    /// A whole page. `body` is markup already escaped by its builder; `title` is plain text.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="history report">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
        <pattern id="hatch-implied" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#dce8f5"/><line x1="0" y1="0" x2="0" y2="6" stroke="#2f6fae" stroke-width="2.2"/></pattern>
        <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4a5568"/></marker>
        </defs></svg>
        \(body)
        <footer>\(ReportWords.footer)</footer>
        </body>
        </html>

        """
    }

    /// The legend that tells documented from implied figures, used beside every totals chart.
    static let basisLegend = """
        <div class="legend"><span><svg width="22" height="14" aria-hidden="true"><rect class="swatch documented" width="22" height="14"/></svg> \(ReportWords.documentedLegend)</span>\
        <span><svg width="22" height="14" aria-hidden="true"><rect class="swatch implied" width="22" height="14"/></svg> \(ReportWords.impliedLegend)</span></div>
        """

    /// The legend of the ranked charts of changes.
    static let deltaLegend = """
        <div class="legend"><span><svg width="22" height="14" aria-hidden="true"><rect class="swatch decline" width="22" height="14"/></svg> \(ReportWords.decline)</span>\
        <span><svg width="22" height="14" aria-hidden="true"><rect class="swatch increase" width="22" height="14"/></svg> \(ReportWords.increase)</span></div>
        """

    static let style = """
        :root { --ink: #1a202c; --muted: #5a6472; --rule: #e2e6ea; --paper: #ffffff; --wash: #f6f7f9;
          --doc: #2f6fae; --decline: #c2410c; --increase: #1d5fbf; --reason: #fff8e6; --reason-rule: #e7b94c; --budget: #f1f5fb; }
        * { box-sizing: border-box; }
        html { background: var(--wash); }
        body { margin: 0 auto; max-width: 1180px; padding: 28px 36px 48px; background: var(--paper); color: var(--ink);
          font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", sans-serif;
          font-size: 15px; line-height: 1.55; font-variant-numeric: tabular-nums; }
        svg.defs { position: absolute; }
        h1 { font-size: 28px; line-height: 1.25; margin: 6px 0 4px; letter-spacing: 0.01em; }
        h2 { font-size: 20px; margin: 36px 0 10px; padding-top: 14px; border-top: 2px solid var(--ink); }
        h3 { font-size: 17px; margin: 22px 0 8px; }
        a { color: var(--doc); text-decoration: none; } a:hover { text-decoration: underline; }
        .crumb { font-size: 13px; color: var(--muted); }
        .sub, .note, small { color: var(--muted); }
        .sub { margin: 0 0 6px; }
        .lede { font-size: 18px; margin: 12px 0 4px; max-width: 60em; }
        .lede strong { font-size: 22px; }
        .decline-text { color: var(--decline); } .increase-text { color: var(--increase); }
        code, .hash { font-family: "Noto Sans Mono CJK SC", ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
        .legend { display: flex; gap: 22px; flex-wrap: wrap; font-size: 13px; color: var(--muted); margin: 4px 0 8px; }
        .legend span { display: inline-flex; align-items: center; gap: 6px; }
        .swatch.documented, .bar.documented { fill: var(--doc); }
        .swatch.implied, .bar.implied { fill: url(#hatch-implied); stroke: var(--doc); stroke-width: 1.5; stroke-dasharray: 4 3; }
        .swatch.decline, .bar.decline { fill: var(--decline); }
        .swatch.increase, .bar.increase { fill: var(--increase); }
        .bar.implied-end { fill-opacity: 0.6; stroke: #4a5568; stroke-width: 1.2; stroke-dasharray: 4 3; }
        .chart { width: 100%; height: auto; display: block; }
        .chart text { font-size: 13px; fill: var(--ink); }
        .chart .axis text, .chart .year-note { fill: var(--muted); font-size: 12px; }
        .chart .grid line { stroke: var(--rule); }
        .chart .value { font-weight: 700; }
        .chart .link-line { stroke: #8a94a3; stroke-width: 1.2; stroke-dasharray: 3 3; fill: none; }
        .chart .change text { font-weight: 700; font-size: 13px; }
        .chart .change.decline text { fill: var(--decline); } .chart .change.increase text { fill: var(--increase); }
        .chart .change rect { fill: #fff; stroke: var(--rule); }
        .chart .missing { fill: var(--muted); font-style: italic; }
        .delta-chart { margin: 6px 0 12px; }
        .delta-row { display: grid; grid-template-columns: minmax(220px, 2.3fr) minmax(200px, 2.6fr) 150px minmax(240px, 3.4fr);
          gap: 14px; align-items: center; padding: 7px 0; border-bottom: 1px solid var(--rule); }
        .delta-head { display: grid; grid-template-columns: minmax(220px, 2.3fr) minmax(200px, 2.6fr) 150px minmax(240px, 3.4fr);
          gap: 14px; padding: 4px 0; font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1.5px solid #b8c0ca; line-height: 1.3; }
        .delta-head .axis { text-align: center; font-weight: 400; }
        .delta-head .num { text-align: right; }
        .beside > .cite, td.cite, p.cite { font-size: 12.5px; color: var(--muted); white-space: normal; }
        .delta-row .label { font-size: 14px; line-height: 1.35; }
        .delta-row .label .code { display: block; color: var(--muted); font-size: 12px; }
        .delta-row .track { width: 100%; height: 22px; display: block; }
        .delta-row .track .zero { stroke: #9aa3ad; stroke-width: 1; }
        .delta-row .amount { text-align: right; font-weight: 700; line-height: 1.3; }
        .delta-row .amount small { display: block; font-weight: 400; font-size: 12px; }
        .delta-row .amount.decline { color: var(--decline); } .delta-row .amount.increase { color: var(--increase); }
        .reason { background: var(--reason); border-left: 3px solid var(--reason-rule); padding: 6px 10px; font-size: 13.5px; line-height: 1.5; margin: 0 0 6px; }
        .reason:last-child { margin-bottom: 0; }
        .reason .tag { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: 0.04em;
          color: #7a5a00; margin-right: 6px; }
        .reason[data-explains="budget-variance"] { background: var(--budget); border-left-color: #7f9cc6; }
        .reason[data-explains="budget-variance"] .tag { color: #34557f; }
        .reason .cite { font-size: 12px; color: var(--muted); }
        .reason .cite a { white-space: nowrap; }   /* a reason stated in six places wraps between its links */
        .change-block { display: grid; grid-template-columns: minmax(300px, 1fr) minmax(300px, 1.25fr); gap: 22px; align-items: start; margin: 8px 0 14px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
        th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1.5px solid #b8c0ca; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        tr.implied td { background: #f3f7fc; }
        .basis { font-size: 12px; padding: 1px 6px; border-radius: 3px; white-space: nowrap; }
        .basis.document { background: #e3edf8; color: #23527f; }
        .basis.implied { background: repeating-linear-gradient(45deg, #eef4fb, #eef4fb 4px, #d4e2f2 4px, #d4e2f2 6px); color: #23527f; border: 1px dashed #2f6fae; }
        .warn { color: #8a3b00; font-size: 13.5px; margin: 4px 0; }
        .sources .source { border: 1px solid var(--rule); border-radius: 4px; padding: 8px 12px; margin: 8px 0; scroll-margin-top: 16px; }
        .sources .source:target { border-color: var(--reason-rule); box-shadow: 0 0 0 3px #f6e1a6; }
        .source header { font-size: 12.5px; color: var(--muted); }
        .source header strong { color: var(--ink); }
        .source .hash { font-size: 11px; }
        .source blockquote { margin: 6px 0 0; white-space: pre-wrap; font-size: 14px; }
        .units td.spark { width: 150px; }
        .units svg { display: block; }
        .spark .line { stroke: var(--doc); stroke-width: 1.6; fill: none; }
        .spark .line.implied { stroke-dasharray: 3 2.5; }
        .spark .point.documented { fill: var(--doc); }
        .spark .point.implied { fill: #fff; stroke: var(--doc); stroke-width: 1.5; }
        .transfers .box rect { fill: #f4f6f8; stroke: #b8c0ca; }
        .transfers .box.self rect { fill: #e3edf8; stroke: var(--doc); stroke-width: 1.5; }
        .transfers .box text { font-size: 14px; font-weight: 600; }
        .transfers .flow line { stroke: #4a5568; stroke-width: 2.2; }
        .transfers .flow .what { font-size: 13px; }
        .transfers .flow .how-much { font-size: 14px; font-weight: 700; }
        .transfers .flow .who { font-size: 11.5px; fill: var(--muted); }
        .empty { color: var(--muted); font-style: italic; }
        .findings-link { margin: 6px 0 0; font-size: 14px; }
        .findings-link.error a { color: #a61b1b; } .findings-link.warning a { color: #8a3b00; }
        .finding { border-left: 3px solid var(--rule); padding: 4px 0 4px 12px; margin: 14px 0; }
        .finding.error { border-left-color: #c53030; } .finding.warning { border-left-color: #dd8a1f; } .finding.notice { border-left-color: #8a94a3; }
        .finding > p { margin: 2px 0; overflow-wrap: anywhere; }
        .finding .tag { display: inline-block; font-size: 11px; font-weight: 700; margin-right: 8px; padding: 0 5px; border-radius: 3px; background: var(--wash); }
        .finding.error .tag { color: #a61b1b; } .finding.warning .tag { color: #8a3b00; }
        .finding .key { margin-right: 6px; }
        .finding .source { border: 1px solid var(--rule); border-radius: 4px; padding: 6px 10px; margin: 6px 0; }
        .finding .source header { overflow-wrap: anywhere; }
        .finding details summary { font-size: 13px; color: var(--muted); cursor: pointer; margin: 4px 0; }
        footer { margin-top: 44px; padding-top: 10px; border-top: 1px solid var(--rule); font-size: 12.5px; color: var(--muted); }
        /* A phone (390 px): one column; each change is label and amount, its bar, then its reasons;
           tables scroll sideways inside themselves; long file names and hashes wrap. Nothing is cut. */
        @media (max-width: 640px) {
          body { padding: 14px 12px 32px; font-size: 14px; }
          h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; }
          .lede { font-size: 16px; } .lede strong { font-size: 19px; }
          .sub, .cite, .source header, .note { overflow-wrap: anywhere; }
          .reason .cite a { white-space: normal; }
          .change-block { grid-template-columns: minmax(0, 1fr); gap: 10px; }
          .delta-head { display: none; }
          .delta-row { grid-template-columns: minmax(0, 1fr) auto; gap: 4px 12px; padding: 9px 0; }
          .delta-row .label { grid-column: 1; grid-row: 1; }
          .delta-row .amount { grid-column: 2; grid-row: 1; }
          .delta-row .track { grid-column: 1 / -1; }
          .delta-row .beside { grid-column: 1 / -1; min-width: 0; }
          table { display: block; overflow-x: auto; max-width: 100%; }
          th { white-space: nowrap; }
          td.cite { min-width: 15em; }
          /* Unit names, figures and file names keep a readable width; the table scrolls instead. */
          table.units td:first-child, table.documents td:first-child, table.figures td:nth-child(2) { min-width: 10em; }
          table.documents td:last-child { min-width: 16em; }
          .legend { gap: 6px 14px; }
        }
        @media print { html { background: none; } body { max-width: none; padding: 0; } }
        """
}
