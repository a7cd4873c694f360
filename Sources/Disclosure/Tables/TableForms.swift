/// The words that tell which kind of table a title names, taught in one place.
///
/// Titles differ by region, year and template (收入支出决算总表, 部门财务收支预算总表,
/// 收支预算总表; 一般公共预算财政拨款基本支出决算明细表, 一般公共预算基本支出预算表), but each
/// kind has words no other kind's title has together. The forms are tried in order, the most
/// specific first: 财政拨款收支总表 before 收支总表, 基本支出 before 一般公共预算 … 支出.
enum TableForms {
    /// One way of naming a kind: every word of `all`, and none of `none`.
    struct Form {
        var kind: TableKind
        var all: [[UInt8]]
        var none: [[UInt8]]

        init(_ kind: TableKind, _ all: [String], none: [String] = []) {
            self.kind = kind
            self.all = all.map { Array($0.utf8) }
            self.none = none.map { Array($0.utf8) }
        }

        func matches(_ title: [UInt8]) -> Bool {
            all.allSatisfy { TableBytes.contains(title, $0) } && !none.contains { TableBytes.contains(title, $0) }
        }
    }

    static let forms: [Form] = [
        Form(.threePublic, ["三公"]),
        Form(.operatingCost, ["机关运行经费"]),
        Form(.procurement, ["政府采购"]),
        // 一般公共预算财政拨款基本支出决算明细表 is the 决算's 06表; without 一般公共预算 the table
        // holds the 基本支出 of every 财政拨款 (a provincial 预算's 财政拨款基本支出预算表).
        Form(.appropriationBasicEconomic, ["财政拨款", "基本支出"], none: ["一般公共预算"]),
        Form(.basicEconomic, ["基本支出"]),
        Form(.fundExpense, ["政府性基金"]),
        Form(.capitalExpense, ["国有资本经营"]),
        Form(.generalExpense, ["一般公共预算", "支出"]),
        Form(.appropriationSummary, ["财政拨款", "收支", "总表"]),
        Form(.appropriationSummary, ["财政拨款", "收入支出", "总表"]),
        Form(.summary, ["收支", "总表"]),
        Form(.summary, ["收入支出", "总表"]),
        Form(.appropriationExpense, ["财政拨款", "支出"], none: ["收入"]),
        Form(.income, ["收入"], none: ["支出"]),
        Form(.expense, ["支出"], none: ["收入"]),
    ]

    /// The kind a title names (squeezed: no spaces, quotes folded), or nil.
    static func kind(ofTitle title: [UInt8]) -> TableKind? {
        forms.first { $0.matches(title) }?.kind
    }

    /// The kind a table's rows show it to be, where its title said a function table but most of
    /// its codes are economic (a 基本支出 table titled without 基本支出): the same content with
    /// the economic scheme. Rows decide only this way; an economic title's function codes get no
    /// key rather than a guessed one.
    static func kind(_ titled: TableKind, confirmedBy rows: [TableRow]) -> TableKind {
        guard titled.scheme == .function else { return titled }
        var economic = 0
        var function = 0
        for row in rows {
            guard let code = row.code else { continue }
            switch ClassificationCatalogue.scheme(ofCode: code) {
            case .economic: economic += 1
            case .function: function += 1
            case nil: break
            }
        }
        guard economic > function else { return titled }
        return titled == .appropriationExpense ? .appropriationBasicEconomic : .basicEconomic
    }
}
