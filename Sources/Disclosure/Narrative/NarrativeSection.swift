/// The part of a disclosure's narrative a paragraph belongs to, recognised from its heading.
///
/// 决算 number their sections 一 to 十三 but units skip and reorder them, and 预算 title theirs
/// differently, so a section is known by the words of its heading, never by its number.
enum NarrativeSection: Sendable, Equatable {
    /// Before any heading the reader knows, or a part it does not read (职责, 名词解释, 重点工作).
    case ignored
    /// 一、收入支出决算总体情况说明
    case totals
    /// 二、收入决算情况说明
    case income
    /// 三、支出决算情况说明
    case expense
    /// 四、财政拨款收入支出决算总体情况说明
    case appropriation
    /// 五、一般公共预算财政拨款支出决算情况说明
    case general
    /// 六、一般公共预算财政拨款基本支出决算情况说明
    case generalBasic
    /// 七、八: no facts of their own beyond "无"
    case otherFunds
    /// 九、财政拨款“三公”经费支出决算情况说明 / 一、“三公”经费预算情况说明
    case threePublic
    /// 十、机关运行经费支出说明
    case operatingCost
    /// 十一、政府采购支出说明
    case procurement
    /// 十二、国有资产占用情况说明
    case assets
    /// 十三、预算绩效情况说明
    case performance
    /// 部门预算编制说明 (a 预算's totals, changes and per-item amounts)
    case budgetStatement
    /// A 公开表 title or the annex of self-evaluation tables: read by the table readers.
    case table

    /// The section a heading paragraph opens, nil when the paragraph is not a section heading
    /// (sub-headings like (一) stay within their section).
    static func opened(by paragraph: Range<Int>, in text: NormalisedText, current: NarrativeSection) -> NarrativeSection? {
        guard paragraph.count <= 48 else { return nil }
        let first = text.scalars[paragraph.lowerBound]
        for index in paragraph {
            switch text.scalars[index] {
            case "。", "\t", "…": return nil
            case ".": if index + 1 < paragraph.upperBound && text.scalars[index + 1] == "." { return nil }
            default: continue
            }
        }
        if first == "图" || first == "注" || first == "(" { return nil }
        let isPart = text.has(Words.ordinal, at: paragraph.lowerBound) && text.find(Words.part, in: paragraph) != nil
        let isNumbered = ScalarFolding.isChineseNumeral(first) && Self.numberedMarkerEnd(paragraph, in: text) != nil
        let words = Self.keywordSection(paragraph, in: text)
        if isPart { return words ?? .ignored }
        if isNumbered {
            // Inside the tables (the annex of self-evaluation tables above all) a numbered title
            // names the next table, not a narrative section.
            if current == .table { return .table }
            return words
        }
        // An unnumbered title: a 预算's section titles and every table title.
        if let words, [.ignored, .budgetStatement, .table].contains(words) { return words }
        return nil
    }

    private static func numberedMarkerEnd(_ paragraph: Range<Int>, in text: NormalisedText) -> Int? {
        var index = paragraph.lowerBound
        while index < paragraph.upperBound, ScalarFolding.isChineseNumeral(text.scalars[index]) { index += 1 }
        return index < paragraph.upperBound && text.scalars[index] == "、" ? index + 1 : nil
    }

    private static let keywords: [(Literal, NarrativeSection)] = [
        ("名词解释", .ignored), ("主要职能", .ignored), ("主要职责", .ignored), ("机构设置", .ignored),
        ("重点工作", .ignored), ("项目经费情况", .ignored), ("附件", .table), ("编制说明", .budgetStatement),
        ("三公", .threePublic), ("机关运行经费", .operatingCost), ("政府采购", .procurement),
        ("国有资产", .assets), ("绩效", .performance), ("财政拨款收入支出决算总体", .appropriation),
        ("收入支出决算总体", .totals), ("基本支出决算", .generalBasic),
        ("一般公共预算财政拨款支出决算", .general), ("政府性基金", .otherFunds), ("国有资本经营", .otherFunds),
        ("收入决算", .income), ("支出决算", .expense),
        // A provincial 预算's sections: 一、收支预算总表情况说明, 二、收入预算情况说明, 三、支出预算情况说明.
        ("收支预算总表情况说明", .budgetStatement), ("收入预算情况说明", .budgetStatement), ("支出预算情况说明", .budgetStatement),
        ("情况说明", .ignored),
    ]

    private static func keywordSection(_ paragraph: Range<Int>, in text: NormalisedText) -> NarrativeSection? {
        if text.scalars[paragraph.upperBound - 1] == "表" { return .table }
        for (literal, section) in keywords where text.contains(literal, in: paragraph) { return section }
        return nil
    }

    /// Sections whose sentences the reader scans for facts.
    var isRead: Bool { self != .ignored && self != .table }
}
