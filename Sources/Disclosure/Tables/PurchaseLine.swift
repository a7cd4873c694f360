/// What one line of a 政府采购预算表 says about a purchase, by the column each text stands in.
///
/// The table prints a hierarchy in text columns beside one 总计: a kind of purchase (一、货物 A),
/// a 专项 with the 经济科目 it is paid from, and under it the items bought (采购物品名称) with how
/// they are bought (采购组织形式). Each column prints its text once, on the first line it applies
/// to; the facts carry the 专项 down to its items.
struct PurchaseLine: Sendable, Hashable {
    /// A text column of a 政府采购预算表, known by the words of its header.
    enum Field: Sendable, Hashable, CaseIterable {
        /// 采购品目大类: 一、货物 · 二、工程 · 三、服务 (and their letters A · B · C).
        case category
        /// 专项名称, 项目名称: the project the purchase is paid from.
        case project
        /// 经济科目, 经济分类: the economic heading of the project's money.
        case economic
        /// 采购物品名称, 采购品目 (名称): the item bought.
        case item
        /// 采购组织形式: 政府集中采购, 部门集中采购, 分散自行组织.
        case method

        /// The field a header names (its pieces joined top to bottom, squeezed), or nil.
        /// 品目大类 before 品目: a 采购品目 without 大类 names the item.
        static func named(_ header: [UInt8]) -> Field? {
            func has(_ word: String) -> Bool { TableBytes.contains(header, word) }
            if has("组织形式") || has("采购方式") { return .method }
            if has("大类") { return .category }
            if has("物品") || has("品目") { return .item }
            if has("专项") || has("项目") { return .project }
            if has("经济") { return .economic }
            return nil
        }
    }

    var texts: [Field: String] = [:]

    subscript(field: Field) -> String? {
        get { texts[field] }
        set { texts[field] = newValue }
    }

    var isEmpty: Bool { texts.isEmpty }

    /// The most specific text of the line (the item, else the 专项 …): the row's label.
    var label: String {
        for field in [Field.item, .project, .economic, .category, .method] {
            if let text = texts[field] { return text }
        }
        return ""
    }

    /// Whether a name piece of `field` printed above this line can begin this line's text: the
    /// line prints that field, or it is an item's line whose name is missing (only its 组织形式).
    func takes(_ field: Field) -> Bool {
        texts[field] != nil || field == .item && texts[.project] == nil && texts[.economic] == nil && texts[.category] == nil
    }

    /// Adds a piece of a field's text: after what the line has (a name wrapped onto this line)
    /// or before it (a name that began on the line above).
    mutating func join(_ piece: String, to field: Field, before: Bool = false) {
        guard let text = texts[field] else { texts[field] = piece; return }
        texts[field] = before ? piece + text : text + piece
    }
}

/// Puts back together the lines of a 政府采购预算表 whose names wrap over several lines.
///
/// A name too long for its cell wraps, and the cell's figure stands on one of its lines (the
/// middle one, the cell being centred): "台式计算机" / "分散自行组织 10.00" / "（20 万以下）". A line
/// of text without figures is such a piece. A piece that continues a name (it opens with a
/// bracket, or closes one it never opened) belongs to the line above; any other piece opens the
/// name of the line below. A line of figures without any text takes the text line right below it
/// (the figure was printed above its centred name).
enum PurchaseRows {
    static func joined(_ rows: [TableRow]) -> [TableRow] {
        var out: [TableRow] = []
        var pending: [(line: PurchaseLine, source: SourceSpan)] = []
        for row in rows {
            guard var line = row.purchase else { out.append(row); continue }
            if row.cells.contains(where: { $0 != nil }) {
                var joinedRow = row
                let opens = line
                for piece in pending.reversed() {
                    var ownsPiece = false
                    for (field, text) in piece.line.texts {
                        if opens.takes(field) || out.last?.purchase?[field] == nil {
                            line.join(text, to: field, before: true)
                            ownsPiece = true
                        } else {
                            // Not this line's but the line above's: the end of a name wrapped below
                            // its figure ("其他计算机设备及软" / "件" above a 经济科目's line).
                            out[out.count - 1].purchase!.join(text, to: field)
                            out[out.count - 1].label = out[out.count - 1].purchase!.label
                            out[out.count - 1].source = spanning(out[out.count - 1].source, piece.source)
                        }
                    }
                    if ownsPiece { joinedRow.source = spanning(piece.source, joinedRow.source) }
                }
                pending = []
                joinedRow.purchase = line
                joinedRow.label = line.label
                out.append(joinedRow)
                continue
            }
            // Text only: a piece of a wrapped name.
            if let last = out.indices.last, var previous = out[last].purchase, pending.isEmpty {
                var rest = PurchaseLine()
                let takesAll = previous.isEmpty
                for (field, text) in line.texts {
                    // Figures printed above their centred name take it whole; a wrapped item's
                    // figure can stand on a line printing only its 组织形式.
                    if takesAll || continues(text) && (previous[field] != nil || field == .item && previous[.method] != nil) {
                        previous.join(text, to: field)
                    } else {
                        rest[field] = text
                    }
                }
                if rest.texts.count < line.texts.count {
                    out[last].purchase = previous
                    out[last].label = previous.label
                    out[last].source = spanning(out[last].source, row.source)
                }
                if rest.isEmpty { continue }
                line = rest
            }
            pending.append((line, row.source))
        }
        shareMergedItems(&out)
        return out
    }

    /// An item bought two ways prints its name once, in a cell merged over both lines
    /// (物业管理服务: 部门集中采购 330.00, 分散自行组织 20.00): a line of figures printing only its
    /// 组织形式 takes the item of the item's line right below it.
    private static func shareMergedItems(_ rows: inout [TableRow]) {
        for index in rows.indices.reversed() {
            guard let line = rows[index].purchase, line[.method] != nil, line.texts.count == 1,
                  rows[index].cells.contains(where: { $0 != nil }), index + 1 < rows.count,
                  let below = rows[index + 1].purchase, let item = below[.item],
                  below[.project] == nil, below[.economic] == nil, below[.category] == nil else { continue }
            rows[index].purchase![.item] = item
            rows[index].label = item
        }
    }

    /// The span from the first line of `upper` to the last of `lower`, their texts joined.
    private static func spanning(_ upper: SourceSpan, _ lower: SourceSpan) -> SourceSpan {
        var span = upper
        span.firstLine = min(upper.firstLine, lower.firstLine)
        span.lastLine = max(upper.lastLine, lower.lastLine)
        span.text = upper.text + "\n" + lower.text
        return span
    }

    /// How deep a line of a 政府采购预算表 stands: 0 the 合计, 1 a kind of purchase (一、货物),
    /// 2 a 专项 under one 经济科目, 3 an item; nil for a line of none of these.
    static func level(_ row: TableRow) -> Int? {
        guard let line = row.purchase else { return nil }
        let core = TableLabel.core(row.label)
        if TableBytes.contains(core, "合计") || TableBytes.contains(core, "总计") { return 0 }
        if line[.category] != nil || TableLabel.hasOrdinal(row.label.utf8) { return 1 }
        if line[.item] != nil { return 3 }
        if line[.project] != nil || line[.economic] != nil { return 2 }
        return nil
    }

    /// Whether a piece of a name continues the line above: it opens with a bracket, or closes a
    /// bracket it never opened ("下）", "上）").
    static func continues(_ piece: String) -> Bool {
        let bytes = Array(piece.utf8)
        let open = [TableBytes.utf8("（"), TableBytes.utf8("(")]
        let close = [TableBytes.utf8("）"), TableBytes.utf8(")")]
        if open.contains(where: { TableBytes.hasPrefix(bytes, $0) }) { return true }
        guard let closeAt = close.compactMap({ TableBytes.firstIndex(of: $0, in: bytes) }).min() else { return false }
        let openAt = open.compactMap { TableBytes.firstIndex(of: $0, in: bytes) }.min()
        return openAt.map { $0 > closeAt } ?? true
    }
}
