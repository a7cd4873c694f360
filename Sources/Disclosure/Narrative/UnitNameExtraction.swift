/// Unit names in the lines a document uses to name itself, and how two names printed in one
/// document relate.
enum UnitNameExtraction {
    /// Labels before a name, with the weight a name after them gets. 编制单位：, 预算单位： end
    /// in 单位：; 预算主管部门： and 部 门： (spaces are gone) end in 部门：.
    private static let labels: [([Unicode.Scalar], Int)] = [
        (Array("部门:".unicodeScalars), 2), (Array("单位:".unicodeScalars), 2), (Array("单位名称".unicodeScalars), 1),
    ]
    private static let part: [Unicode.Scalar] = Array("部分".unicodeScalars)
    /// Where a name printed after a label stops: the next label or a date, or the kind after a title's name.
    private static let stops: [[Unicode.Scalar]] = ["单位:", "填报日期", "项目", "部门决算", "部门预算", "单位决算", "单位预算", "概况"]
        .map { Array($0.unicodeScalars) }
    /// Last characters of unit names (局, 办公室, 办事处, 委员会, 中心, 大学 …).
    private static let suffixes: Set<Unicode.Scalar> = ["局", "室", "处", "会", "心", "院", "所", "站", "队", "委", "办", "部",
                                                         "馆", "社", "校", "厅", "府", "司", "署", "园", "台", "组", "学"]
    /// A bracket after a name that says which level of the unit discloses, not which unit: (本级).
    private static let ownLevel: [Unicode.Scalar] = Array("(本级)".unicodeScalars)

    /// Every unit name on a compacted line, with the weight its place gives it and whether a
    /// label (not a 第X部分 heading) printed it.
    static func names(in line: [Unicode.Scalar]) -> [(name: String, weight: Int, labelled: Bool)] {
        var result: [(String, Int, Bool)] = []
        for (label, weight) in labels {
            var index = 0
            while let at = find(label, in: line, from: index) {
                index = at + label.count
                var start = index
                if start < line.count, line[start] == ":" { start += 1 }
                if let name = name(in: line, from: start) { result.append((name, weight, weight > 1)) }
            }
        }
        if let after = afterPart(line), let name = name(in: line, from: after) {
            result.append((name, 1, false))
        }
        return result
    }

    /// The name a title line prints: between the year and 部门决算 ("2024年度武汉市…办公室部门决算
    /// 公开"), or before the year ("西南大学2024年度部门决算", "第二部分江苏省人民检察院2017年度部门
    /// 预算表"). `yearStart` is where the title's year begins.
    static func title(_ line: [Unicode.Scalar], yearStart: Int) -> String? {
        let start = afterPart(line) ?? 0
        if yearStart - start >= 4, let name = name(in: line, from: start, upTo: yearStart), name.unicodeScalars.count == yearStart - start,
           name.unicodeScalars.allSatisfy({ ScalarFolding.isIdeograph($0) || $0 == "(" || $0 == ")" }) {
            return name
        }
        var after = yearStart + 5
        if after < line.count, line[after] == "度" { after += 1 }
        return name(in: line, from: after)
    }

    /// A whole line that is a name and nothing else ("西南大学" over "2021 年度部门预算"), a
    /// 第X部分 before it allowed.
    static func wholeLine(_ line: [Unicode.Scalar]) -> String? {
        let start = afterPart(line) ?? 0
        guard let name = name(in: line, from: start), name.unicodeScalars.count == line.count - start,
              name.unicodeScalars.allSatisfy({ ScalarFolding.isIdeograph($0) || $0 == "(" || $0 == ")" }) else { return nil }
        return name
    }

    /// The name without a trailing (本级): the unit itself, its own level being the document's scope.
    static func withoutOwnLevel(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count > ownLevel.count + 3, Array(scalars.suffix(ownLevel.count)) == ownLevel else { return nil }
        return NormalisedText.string(scalars.dropLast(ownLevel.count))
    }

    /// Whether `short` is a short form of `long` as documents abbreviate their own name inside:
    /// the same last character, and every character of `short` in `long` in order (省检察院 in
    /// 江苏省人民检察院, 省委办公厅 in 江苏省委办公厅, 省人大办公厅 in 江苏省人大常委会办公厅).
    static func isShortForm(_ short: String, of long: String) -> Bool {
        let short = Array(short.unicodeScalars), long = Array(long.unicodeScalars)
        guard short.count >= 4, short.count < long.count, short.last == long.last else { return false }
        var position = 0
        for scalar in long where position < short.count && scalar == short[position] { position += 1 }
        return position == short.count
    }

    /// Where the text after a leading "第X部分" starts.
    private static func afterPart(_ line: [Unicode.Scalar]) -> Int? {
        guard line.first == "第", let at = find(part, in: line, from: 1), at <= 4 else { return nil }
        return at + part.count
    }

    /// The name starting at `start`: up to a digit, a stop or `limit`, ending in a unit's last
    /// character or in a bracket after one ("…办事处(社区事务受理服务中心)", "…办事处(本级)").
    private static func name(in line: [Unicode.Scalar], from start: Int, upTo limit: Int? = nil) -> String? {
        let limit = min(limit ?? line.count, line.count)
        var end = start
        scan: while end < limit {
            if ScalarFolding.isDigit(line[end]) { break }
            for stop in stops where line[end] == stop[0] && matches(stop, in: line, at: end) { break scan }
            end += 1
        }
        var start = start
        // A table title glued before the name where extraction merged two cells ("财政拨款支出
        // 预算表江苏省…办公厅", "十二、政府采购支出预算表…"): names never hold 预算表, 总表 or 、.
        for index in start..<end where line[index] == "、" || line[index] == "表" && index > start && (line[index - 1] == "算" || line[index - 1] == "总") {
            start = index + 1
        }
        guard end - start >= 4, end - start <= 40, endsAsName(line, from: start, to: end) else { return nil }
        return NormalisedText.string(line[start..<end])
    }

    private static func endsAsName(_ line: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        if suffixes.contains(line[end - 1]) { return true }
        guard line[end - 1] == ")", let open = line[start..<end].lastIndex(of: "("), open - start >= 4, end - open > 2 else { return false }
        return suffixes.contains(line[open - 1]) && line[(open + 1)..<(end - 1)].allSatisfy(ScalarFolding.isIdeograph)
    }

    /// The year whose 年 is at `index`.
    static func year(endingAt index: Int, in line: [Unicode.Scalar]) -> Int? {
        guard index >= 4 else { return nil }
        var value = 0
        for position in index - 4..<index {
            guard ScalarFolding.isDigit(line[position]) else { return nil }
            value = value * 10 + Int(line[position].value - 0x30)
        }
        if index >= 5, ScalarFolding.isDigit(line[index - 5]) { return nil }
        return (1990...2100).contains(value) ? value : nil
    }

    private static func matches(_ needle: [Unicode.Scalar], in line: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + needle.count <= line.count else { return false }
        for offset in needle.indices where line[index + offset] != needle[offset] { return false }
        return true
    }

    private static func find(_ needle: [Unicode.Scalar], in line: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= line.count else { return nil }
        var index = start
        while index + needle.count <= line.count {
            if matches(needle, in: line, at: index) { return index }
            index += 1
        }
        return nil
    }
}
