import Disclosure

/// Something that went from one unit to another in a year, as the report draws it: a stated
/// transfer, a classification code that left one unit and arrived in another, or both.
struct TransferFlow: Hashable {
    var year: Int
    var from: UnitID
    var fromName: String
    var to: UnitID
    var toName: String
    var transfer: Transfer?
    var code: String?
    var codeName: String?
    var fromValue: Money?
    var toValue: Money?

    /// What moved: the stated transfer's name, else the code's.
    var what: String { transfer?.name ?? [code, codeName].compactMap { $0 }.joined(separator: " ") }
    var value: Money? { transfer?.value ?? toValue ?? fromValue }

    /// Stated transfers of the timelines, joined with the moves the diffs found by code; each once.
    static func collect(timelines: [UnitTimeline], context: ReportContext) -> [TransferFlow] {
        var flows: [TransferFlow] = []
        var stated: [Transfer: Int] = [:]
        var codeMoves: Set<String> = []
        for timeline in timelines {
            for year in timeline.years {
                for transfer in year.transfersOut + year.transfersIn where stated[transfer] == nil {
                    stated[transfer] = flows.count
                    flows.append(TransferFlow(year: transfer.year, from: transfer.from, fromName: transfer.fromName,
                                              to: transfer.to, toName: transfer.toName, transfer: transfer))
                }
            }
        }
        let units = Set(timelines.map(\.unit))
        var pairs: [(Int, Int)] = []
        for timeline in timelines {
            for pair in ReportContext.consecutive(timeline) where !pairs.contains(where: { $0 == pair }) { pairs.append(pair) }
        }
        for (a, b) in pairs {
            for move in context.diff(a, b)?.moves ?? [] where units.contains(move.from) || units.contains(move.to) {
                if let transfer = move.transfer {
                    guard let index = stated[transfer] else { continue }
                    flows[index].code = move.code
                    flows[index].codeName = move.codeName
                    flows[index].fromValue = move.fromValue
                    flows[index].toValue = move.toValue
                } else if codeMoves.insert("\(move.year)\u{0}\(move.from.key)\u{0}\(move.to.key)\u{0}\(move.code ?? "")").inserted {
                    flows.append(TransferFlow(year: move.year, from: move.from, fromName: move.fromName, to: move.to, toName: move.toName,
                                              transfer: nil, code: move.code, codeName: move.codeName,
                                              fromValue: move.fromValue, toValue: move.toValue))
                }
            }
        }
        return flows.sorted { ($0.year, $0.fromName, $0.toName, $0.what) < ($1.year, $1.fromName, $1.toName, $1.what) }
    }
}

/// Transfers drawn as arrows between unit boxes, one row per transfer: sender left, receiver
/// right, what moved and how much on the arrow.
struct TransferDiagram {
    var flows: [TransferFlow]
    /// The unit whose page this is (its box is highlighted); nil on the corpus page.
    var focus: UnitID?
    var context: ReportContext
    var depth: Int

    static let width = 900.0, rowHeight = 84.0, boxWidth = 300.0, boxHeight = 44.0

    func svg() -> String {
        let height = Self.rowHeight * Double(flows.count) + 24
        var parts = ["<svg class=\"chart transfers\" viewBox=\"0 0 \(HTMLText.px(Self.width)) \(HTMLText.px(height))\" role=\"img\" aria-label=\"transfers between units\">"]
        for (index, flow) in flows.enumerated() {
            let top = 30 + Self.rowHeight * Double(index)
            let middle = top + Self.boxHeight / 2
            let arrowStart = Self.boxWidth + 8, arrowEnd = Self.width - Self.boxWidth - 8
            let centre = (arrowStart + arrowEnd) / 2
            let stated = flow.transfer?.statedBy.map(ReportWords.side).joined(separator: "、") ?? "仅见于科目"
            var attributes = "data-year=\"\(flow.year)\" data-from=\"\(HTMLText.escape(flow.from.key))\" data-to=\"\(HTMLText.escape(flow.to.key))\""
            if let value = flow.value { attributes += " data-value=\"\(HTMLText.number(value))\"" }
            if let code = flow.code { attributes += " data-code=\"\(HTMLText.escape(code))\"" }
            var amount = flow.value.map { "\(HTMLText.amount($0)) 万元" } ?? "未列金额"
            if let others = flow.transfer?.otherValues, !others.isEmpty {
                amount += "（对方所列：\(others.map { HTMLText.amount($0) }.joined(separator: "、"))）"
            }
            var who = "\(flow.year) · \(stated)所述"
            if let code = flow.code { who += " · 科目 \(code) \(flow.codeName ?? "")：\(HTMLText.amount(flow.fromValue)) → \(HTMLText.amount(flow.toValue))" }
            parts.append("<g class=\"transfer\" \(attributes)>"
                         + box(flow.from, name: flow.fromName, x: 0, y: top)
                         + box(flow.to, name: flow.toName, x: Self.width - Self.boxWidth, y: top)
                         + "<g class=\"flow\"><line x1=\"\(HTMLText.px(arrowStart))\" y1=\"\(HTMLText.px(middle))\" x2=\"\(HTMLText.px(arrowEnd))\" "
                         + "y2=\"\(HTMLText.px(middle))\" marker-end=\"url(#arrowhead)\"/>"
                         + "<text class=\"what\" x=\"\(HTMLText.px(centre))\" y=\"\(HTMLText.px(middle - 30))\" text-anchor=\"middle\">\(HTMLText.escape(Self.fit(flow.what, width: 36)))</text>"
                         + "<text class=\"how-much\" x=\"\(HTMLText.px(centre))\" y=\"\(HTMLText.px(middle - 10))\" text-anchor=\"middle\">\(HTMLText.escape(amount))</text>"
                         + "<text class=\"who\" x=\"\(HTMLText.px(centre))\" y=\"\(HTMLText.px(middle + 34))\" text-anchor=\"middle\">\(HTMLText.escape(Self.fit(who, width: 96)))</text>"
                         + "</g></g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func box(_ unit: UnitID, name: String, x: Double, y: Double) -> String {
        let shown = HTMLText.escape(Self.fit(name, width: 40))
        let label = "<text x=\"\(HTMLText.px(x + Self.boxWidth / 2))\" y=\"\(HTMLText.px(y + Self.boxHeight / 2 + 5))\" text-anchor=\"middle\">\(shown)</text>"
        let inner = "<rect x=\"\(HTMLText.px(x))\" y=\"\(HTMLText.px(y))\" width=\"\(HTMLText.px(Self.boxWidth))\" height=\"\(HTMLText.px(Self.boxHeight))\" rx=\"6\"/>"
            + label + "<title>\(HTMLText.escape(name))</title>"
        let classes = unit == focus ? "box self" : "box"
        if unit != focus, let href = context.href(unit, depth: depth) {
            return "<a class=\"\(classes)\" href=\"\(HTMLText.escape(href))\" data-unit=\"\(HTMLText.escape(unit.key))\">\(inner)</a>"
        }
        return "<g class=\"\(classes)\" data-unit=\"\(HTMLText.escape(unit.key))\">\(inner)</g>"
    }

    /// `text` cut to `width` display columns with an ellipsis; the full text stays in <title>.
    static func fit(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var result = "", used = 0
        for character in text {
            let columns = DisplayWidth.of(String(character))
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }
}
