/// What a header label says a column holds: the item's label, its code, a 行次 number, or values.
enum ColumnRole: Sendable, Hashable {
    case label
    case code
    /// 行, 行次, 栏次: the printed line number of a two-sided table, not a value.
    case lineNumber
    case value(ColumnMeaning)
    /// A header cell that says nothing about its column (an empty cell under a spanning label).
    case none

    /// The role of a column from its innermost label and the labels spanning it from above
    /// (outermost first). Labels are compared without spaces, quotes or full-width forms.
    init(label: [UInt8], ancestors: [[UInt8]], kind: TableKind) {
        func has(_ word: String) -> Bool { TableBytes.contains(label, word) }
        func is_(_ words: String...) -> Bool { words.contains { TableBytes.equals(label, $0) } }
        if label.isEmpty { self = .none; return }
        if is_("行", "行次", "栏次") { self = .lineNumber; return }
        if has("编码") || has("代码") || is_("类", "款", "项", "类款项") || (has("经济分类") && !has("名称")) { self = .code; return }
        if has("名称") || is_("项目", "项目名称") { self = .label; return }
        // 项目(按功能分类), 项目（按支出性质和经济分类）: the label column of a panel, not 项目支出.
        if TableBytes.hasPrefix(label, "项目(") { self = .label; return }
        // A table of one kind of expense heads its figures with that kind's name.
        if kind == .operatingCost && has("机关运行") { self = .value(.total); return }
        if kind == .appropriationExpense && has("财政拨款") { self = .value(.total); return }
        if kind == .procurement {
            if has("数量") { self = .value(.quantity); return }
            // The 总计 column; its label can sit above a wrapped neighbour's last line.
            let total = ([label] + ancestors).contains { TableBytes.contains($0, "总计") || TableBytes.contains($0, "合计") }
            // Every other column names the purchase (品目, 物品名称, 组织形式, 专项名称, 经济科目).
            self = total ? .value(.total) : .label
            return
        }
        if kind == .threePublic {
            let actual = ancestors.contains { TableBytes.contains($0, "决算") }
            let item: ThreePublicItem?
            if has("机关运行") { self = .value(.operatingCost); return }
            else if has("出国") { item = .outbound }
            else if has("接待") { item = .reception }
            else if has("小计") { item = .vehicle }
            else if has("购置") && has("运行") { item = .vehicle }
            else if has("购置") { item = .vehiclePurchase }
            else if has("运行") { item = .vehicleOperation }
            else if has("合计") { item = .total }
            else { item = nil }
            self = item.map { .value(.threePublic($0, actual: actual)) } ?? .none
            return
        }
        self = .value(ColumnRole.meaning(of: label))
    }

    /// Income sources a header may name, in no order of their own.
    private static let sources: [(word: [UInt8], meaning: ColumnMeaning)] = [
        (Array("财政拨款".utf8), ColumnMeaning.appropriation), (Array("事业收入".utf8), .business),
        (Array("经营收入".utf8), .operating), (Array("其他收入".utf8), .otherIncome),
        (Array("上级补助".utf8), .superiorSubsidy), (Array("附属单位上缴".utf8), .affiliated),
    ]

    /// The first source a header cell names when it names several without 其中 or a path: the text
    /// lost the gaps between neighbouring headers (上海's "财政拨款收入 事业收入" over the 财政拨款
    /// column, 石泉路's "财政拨款收入事业收入事业单位"), and the cell is the first header's.
    private static func firstOfGluedSources(_ label: [UInt8]) -> ColumnMeaning? {
        guard !TableBytes.contains(label, "其中"), !label.contains(0x2F) else { return nil }
        let found = sources.compactMap { source in TableBytes.firstIndex(of: source.word, in: label).map { ($0, source.meaning) } }
        guard found.count >= 2 else { return nil }
        return found.min { $0.0 < $1.0 }?.1
    }

    /// The meaning of a value column's label, or `.unknown`.
    static func meaning(of label: [UInt8]) -> ColumnMeaning {
        func has(_ word: String) -> Bool { TableBytes.contains(label, word) }
        // 使用非财政拨款结余 is money that is not 财政拨款: no key says what it is yet, and a cell
        // left unmapped is coverage, where filing it as 财政拨款 made the tables disagree.
        if has("非财政拨款") { return .unknown }
        if let first = firstOfGluedSources(label) { return first }
        if has("合计") || has("小计") || has("金额") || has("决算数") || has("预算数") { return .total }
        if has("经营收入") { return .operating }
        if has("附属单位上缴") { return .affiliated }
        if has("上级补助") { return .superiorSubsidy }
        // The 其中 parts name their whole too (事业收入 其中：教育收费): the part first.
        if has("教育收费") { return .tuition }
        if has("基本建设") { return .construction }
        if has("事业收入") { return .business }
        if has("其他收入") { return .otherIncome }
        if has("财政拨款") { return .appropriation }
        if has("基本支出") { return .basic }
        if has("项目支出") { return .project }
        if has("上缴上级") { return .remittedToSuperior }
        if has("对附属单位") { return .subsidyToAffiliated }
        if has("经营支出") { return .operatingExpense }
        if has("人员经费") { return .personnel }
        if has("公用经费") { return .publicFunds }
        if has("预留机动") { return .reserve }
        if has("结转下年") { return .closingCarryover }
        if has("年初结转") || has("上年结转") { return .openingCarryover }
        if has("年末结转") { return .closingCarryover }
        if has("一般公共预算") { return .general }
        if has("政府性基金") { return .fund }
        if has("国有资本") { return .capital }
        if has("本年收入") { return .income }
        if has("本年支出") { return .total }
        return .unknown
    }
}
