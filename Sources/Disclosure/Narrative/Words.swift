/// Words the narrative readers look for, folded once.
enum Words {
    static let among: Literal = "其中"
    static let budget: Literal = "预算"
    static let closeBracket: Literal = ")"
    static let compared: Literal = "比较"
    static let comparedWith: Literal = "相比"
    static let each: Literal = "各"
    static let emptyItemMark: Literal = "()"
    static let expenditure: Literal = "支出"
    static let itemMark: Literal = "(项)"
    static let lastFiscalYear: Literal = "上年度"
    static let lastYear: Literal = "上年"
    static let movedHere: Literal = "来的"
    static let of: Literal = "的"
    static let openBracket: Literal = "("
    static let ordinal: Literal = "第"
    static let part: Literal = "部分"
    static let perfective: Literal = "了"
    static let samePeriod: Literal = "同期"
    static let tab: Literal = "\t"
    static let wanYuan: Literal = "万元"
    static let asOf: [Literal] = ["截至", "截止"]
    /// How a sentence compares an actual with its budget: 大于 → +1, 小于 → −1, 等于 → 0.
    static let comparisons: [(Literal, Int)] = [("大于", 1), ("超过", 1), ("高于", 1), ("小于", -1), ("低于", -1), ("等于", 0)]
}
