import Disclosure

/// A unit's total over the years as SVG bars: documented years solid, implied years hatched
/// with a dashed outline, the change between consecutive years written between their bars.
///
/// Amounts are printed from hundredths; Double is used only to place marks.
struct TotalsChart {
    var timeline: UnitTimeline
    var key: FactKey

    static let width = 760.0, height = 300.0
    static let left = 78.0, right = 16.0, top = 44.0, bottom = 48.0

    func svg() -> String {
        let years = timeline.years
        let figures = years.map { $0.total(key) }
        let largest = figures.compactMap { $0?.value }.max() ?? .zero
        let (ceiling, step) = Self.scale(HTMLText.plotted(largest))
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let slot = plotWidth / Double(max(years.count, 1))
        let barWidth = min(86, slot * 0.46)
        func y(_ value: Amount) -> Double {
            Self.top + plotHeight * (1 - Double(value.hundredths) / Double(max(ceiling.hundredths, 1)))
        }
        func y(_ value: Money) -> Double { y(HTMLText.plotted(value)) }
        func centre(_ index: Int) -> Double { Self.left + slot * (Double(index) + 0.5) }

        var parts: [String] = []
        parts.append("<svg class=\"chart totals\" viewBox=\"0 0 \(HTMLText.px(Self.width)) \(HTMLText.px(Self.height))\" role=\"img\" "
                     + "aria-label=\"\(HTMLText.escape("历年\(ReportWords.name(key))，万元"))\" data-key=\"\(key.rawValue)\">")
        parts.append("<g class=\"grid axis\">")
        var tick = Amount.zero
        while tick <= ceiling {
            let ty = HTMLText.px(y(tick))
            parts.append("<line x1=\"\(HTMLText.px(Self.left))\" y1=\"\(ty)\" x2=\"\(HTMLText.px(Self.width - Self.right))\" y2=\"\(ty)\"/>"
                         + "<text x=\"\(HTMLText.px(Self.left - 8))\" y=\"\(ty)\" dy=\"4\" text-anchor=\"end\">\(Self.tickLabel(tick))</text>")
            tick = tick + step
        }
        parts.append("<text x=\"\(HTMLText.px(Self.left - 8))\" y=\"\(HTMLText.px(Self.top - 22))\" text-anchor=\"end\">万元</text>")
        parts.append("</g>")

        // Lines joining consecutive bar tops, under the bars and labels.
        for index in years.indices.dropFirst() {
            guard let a = figures[index - 1], let b = figures[index] else { continue }
            parts.append("<line class=\"link-line\" x1=\"\(HTMLText.px(centre(index - 1) + barWidth / 2))\" y1=\"\(HTMLText.px(y(a.value)))\" "
                         + "x2=\"\(HTMLText.px(centre(index) - barWidth / 2))\" y2=\"\(HTMLText.px(y(b.value)))\"/>")
        }
        for (index, year) in years.enumerated() {
            let x = centre(index)
            let yearLabel = "<text class=\"year\" x=\"\(HTMLText.px(x))\" y=\"\(HTMLText.px(Self.height - Self.bottom + 20))\" text-anchor=\"middle\" font-weight=\"700\">\(year.year)</text>"
            guard let figure = figures[index] else {
                let why = year.totals.isEmpty ? (year.transfersIn.isEmpty && year.transfersOut.isEmpty ? "无数字" : "仅有划转") : "无\(ReportWords.name(key))"
                parts.append("<g class=\"year-mark missing-year\" data-year=\"\(year.year)\">\(yearLabel)"
                             + "<text class=\"missing\" x=\"\(HTMLText.px(x))\" y=\"\(HTMLText.px(Self.top + plotHeight - 8))\" text-anchor=\"middle\">\(why)</text></g>")
                continue
            }
            let basis = figure.basis.rawValue
            let top = y(figure.value)
            let disputed = figure.isDisputed ? " disputed" : ""
            let title = "\(year.year)年\(ReportWords.name(key))：\(figure.values.map { HTMLText.amount($0) }.joined(separator: " / ")) 万元（\(ReportWords.basis(figure.basis))）"
            let barClass = figure.basis == .implied ? "bar total implied" : "bar total documented"
            parts.append("<g class=\"year-mark\" data-year=\"\(year.year)\" data-basis=\"\(basis)\">"
                         + "<rect class=\"\(barClass)\(disputed)\" data-year=\"\(year.year)\" data-key=\"\(key.rawValue)\" data-basis=\"\(basis)\" "
                         + "data-value=\"\(HTMLText.number(figure.value))\" x=\"\(HTMLText.px(x - barWidth / 2))\" y=\"\(HTMLText.px(top))\" "
                         + "width=\"\(HTMLText.px(barWidth))\" height=\"\(HTMLText.px(Self.top + plotHeight - top))\"><title>\(HTMLText.escape(title))</title></rect>"
                         + "<text class=\"value\" x=\"\(HTMLText.px(x))\" y=\"\(HTMLText.px(top - 7))\" text-anchor=\"middle\">\(HTMLText.amount(figure.value))\(figure.isDisputed ? "*" : "")</text>"
                         + yearLabel
                         + "<text class=\"year-note\" x=\"\(HTMLText.px(x))\" y=\"\(HTMLText.px(Self.height - Self.bottom + 36))\" text-anchor=\"middle\">\(ReportWords.basis(figure.basis))</text></g>")
        }
        for index in years.indices.dropFirst() {
            guard let a = figures[index - 1], let b = figures[index] else { continue }
            let delta = b.value - a.value
            let direction = delta.fen < 0 ? "decline" : (delta.fen > 0 ? "increase" : "flat")
            let label = HTMLText.delta(delta) + (b.value.percentChange(from: a.value).map { " (\(HTMLText.percent($0)))" } ?? "")
            let x = (centre(index - 1) + centre(index)) / 2
            let labelY = min(y(a.value), y(b.value)) - 30
            let boxWidth = Double(label.utf8.count) * 7.6 + 14
            parts.append("<g class=\"change \(direction)\" data-from=\"\(years[index - 1].year)\" data-to=\"\(years[index].year)\" data-delta=\"\(HTMLText.number(delta))\">"
                         + "<rect x=\"\(HTMLText.px(x - boxWidth / 2))\" y=\"\(HTMLText.px(labelY - 15))\" width=\"\(HTMLText.px(boxWidth))\" height=\"21\" rx=\"10\"/>"
                         + "<text x=\"\(HTMLText.px(x))\" y=\"\(HTMLText.px(labelY))\" text-anchor=\"middle\">\(HTMLText.escape(label))</text></g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A ceiling above the largest value and a step of 1, 2 or 5 times a power of ten that
    /// divides it into three to six bands; integer arithmetic on hundredths.
    static func scale(_ largest: Amount) -> (ceiling: Amount, step: Amount) {
        let target = max(largest.hundredths + largest.hundredths / 6, 100)
        var power: Int64 = 1
        while true {
            for factor: Int64 in [1, 2, 5] {
                let step = power * factor
                let bands = (target + step - 1) / step
                if bands <= 6 { return (Amount(hundredths: bands * step), Amount(hundredths: step)) }
            }
            power *= 10
        }
    }

    /// 3,000 for a whole tick, 2.5 for a fractional one.
    static func tickLabel(_ value: Amount) -> String {
        let grouped = value.grouped
        return grouped.hasSuffix(".00") ? String(grouped.dropLast(3)) : value.description
    }
}

/// A small line of a unit's total over the corpus years for the corpus page: documented points
/// filled, implied ones hollow, and the segment touching an implied point dashed.
struct Sparkline {
    var timeline: UnitTimeline
    var key: FactKey
    /// The corpus years, so every unit's line shares one x axis.
    var span: ClosedRange<Int>

    static let width = 140.0, height = 36.0, pad = 5.0

    func svg() -> String {
        let points: [(year: Int, figure: Figure)] = timeline.years.compactMap { year in year.total(key).map { (year.year, $0) } }
        let values = points.map { HTMLText.plotted($0.figure.value) }
        let low = values.min() ?? .zero, high = values.max() ?? .zero
        let range = Double(max(high.hundredths - low.hundredths, 1))
        let years = Double(max(span.upperBound - span.lowerBound, 1))
        func x(_ year: Int) -> Double {
            span.lowerBound == span.upperBound ? Self.width / 2 : Self.pad + (Self.width - 2 * Self.pad) * Double(year - span.lowerBound) / years
        }
        func y(_ money: Money) -> Double {
            let value = HTMLText.plotted(money)
            return high == low ? Self.height / 2 : Self.height - Self.pad - (Self.height - 2 * Self.pad) * Double(value.hundredths - low.hundredths) / range
        }
        var parts = ["<svg class=\"spark\" width=\"\(HTMLText.px(Self.width))\" height=\"\(HTMLText.px(Self.height))\" "
                     + "viewBox=\"0 0 \(HTMLText.px(Self.width)) \(HTMLText.px(Self.height))\" role=\"img\" "
                     + "aria-label=\"\(HTMLText.escape(timeline.name)) \(key.rawValue) by year\" data-unit=\"\(HTMLText.escape(timeline.unit.key))\">"]
        for (a, b) in zip(points, points.dropFirst()) {
            let implied = a.figure.basis == .implied || b.figure.basis == .implied
            parts.append("<line class=\"line\(implied ? " implied" : "")\" x1=\"\(HTMLText.px(x(a.year)))\" y1=\"\(HTMLText.px(y(a.figure.value)))\" "
                         + "x2=\"\(HTMLText.px(x(b.year)))\" y2=\"\(HTMLText.px(y(b.figure.value)))\"/>")
        }
        for point in points {
            let basis = point.figure.basis.rawValue
            let look = point.figure.basis == .implied ? "implied" : "documented"
            parts.append("<circle class=\"point \(look)\" data-year=\"\(point.year)\" data-basis=\"\(basis)\" data-value=\"\(HTMLText.number(point.figure.value))\" "
                         + "cx=\"\(HTMLText.px(x(point.year)))\" cy=\"\(HTMLText.px(y(point.figure.value)))\" r=\"3.2\">"
                         + "<title>\(point.year)年：\(HTMLText.amount(point.figure.value)) 万元（\(ReportWords.basis(point.figure.basis))）</title></circle>")
        }
        parts.append("</svg>")
        return parts.joined()
    }
}
