/// The sets of 公开表 a disclosure template requires, taught in one place.
///
/// A document does not say which template it follows; its tables do. The templates that can be
/// its own are those whose set holds every table it has, and a table is missing when every such
/// template requires it: a document with a 国有资本经营 table and eight others can only be of the
/// nine-table template, one with 收支总表, 支出表 and 财政拨款支出表 of the 高等学校 or the 江苏
/// template, both of which require a 收入表.
enum TableTemplates {
    /// One template: its name for messages and the kinds of table it requires.
    struct Template: Sendable {
        var name: String
        var kinds: Set<TableKind>
    }

    static let all: [Template] = [
        // 部门决算's 公开01–09表, and the 部门预算/单位预算 that print the same nine (上海).
        Template(name: "九张公开表", kinds: [.summary, .income, .expense, .appropriationSummary, .generalExpense, .basicEconomic,
                                        .fundExpense, .capitalExpense, .threePublic]),
        // 高等学校 部门决算: 收支决算总表, 收入决算表, 支出决算表, 财政拨款支出决算表.
        Template(name: "高等学校决算四表", kinds: [.summary, .income, .expense, .appropriationExpense]),
        // A provincial 部门预算 of twelve tables (江苏 2017–2019).
        Template(name: "十二张部门预算表", kinds: [.summary, .income, .expense, .appropriationSummary, .appropriationExpense,
                                          .appropriationBasicEconomic, .fundExpense, .generalExpense, .basicEconomic,
                                          .operatingCost, .threePublic, .procurement]),
    ]

    /// A document with fewer tables than this is a part (a narrative with one table, an extract),
    /// not held to a template.
    static let fewestToJudge = 3

    /// The kinds every template that could be the document's requires and the document lacks,
    /// in the order of `TableKind.allCases`; empty when no template holds every kind it has.
    static func missing(from present: Set<TableKind>) -> [TableKind] {
        guard present.count >= fewestToJudge else { return [] }
        let fitting = all.filter { present.isSubset(of: $0.kinds) }
        guard let first = fitting.first else { return [] }
        let lacking = fitting.dropFirst().reduce(first.kinds.subtracting(present)) { $0.intersection($1.kinds.subtracting(present)) }
        return TableKind.allCases.filter(lacking.contains)
    }

    /// The names of the templates that hold every kind of `present`, for a message.
    static func fitting(_ present: Set<TableKind>) -> [String] {
        all.filter { present.isSubset(of: $0.kinds) }.map(\.name)
    }
}

extension TableKind {
    /// What the table is called, in the words most templates use, for messages.
    var name: String {
        switch self {
        case .summary: "收入支出总表"
        case .income: "收入表"
        case .expense: "支出表"
        case .appropriationSummary: "财政拨款收入支出总表"
        case .generalExpense: "一般公共预算财政拨款支出表"
        case .basicEconomic: "一般公共预算基本支出表"
        case .fundExpense: "政府性基金预算财政拨款支出表"
        case .capitalExpense: "国有资本经营预算财政拨款支出表"
        case .threePublic: "“三公”经费支出表"
        case .appropriationExpense: "财政拨款支出表"
        case .appropriationBasicEconomic: "财政拨款基本支出表"
        case .operatingCost: "机关运行经费支出表"
        case .procurement: "政府采购支出表"
        }
    }
}
