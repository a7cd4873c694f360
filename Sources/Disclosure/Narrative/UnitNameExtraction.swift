/// Unit names in the lines a document uses to name itself.
enum UnitNameExtraction {
    private static let labels: [([Unicode.Scalar], Int)] = [
        (Array("部门:".unicodeScalars), 2), (Array("单位:".unicodeScalars), 2), (Array("单位名称".unicodeScalars), 1),
    ]
    private static let part: [Unicode.Scalar] = Array("部分".unicodeScalars)
    /// Where a name printed after a label stops: the next label or a date.
    private static let stops: [[Unicode.Scalar]] = ["单位:", "填报日期", "项目", "部门决算", "部门预算", "概况"].map { Array($0.unicodeScalars) }
    /// Last characters of unit names (局, 办公室, 办事处, 委员会, 中心 …).
    private static let suffixes: Set<Unicode.Scalar> = ["局", "室", "处", "会", "心", "院", "所", "站", "队", "委", "办", "部",
                                                         "馆", "社", "校", "厅", "府", "司", "署", "园", "台", "组"]

    /// Every unit name on a compacted line, with the weight its place gives it.
    static func names(in line: [Unicode.Scalar]) -> [(String, Int)] {
        var result: [(String, Int)] = []
        for (label, weight) in labels {
            var index = 0
            while let at = find(label, in: line, from: index) {
                index = at + label.count
                var start = index
                if start < line.count, line[start] == ":" { start += 1 }
                if let name = name(in: line, from: start) { result.append((name, weight)) }
            }
        }
        if line.first == "第", let at = find(part, in: line, from: 1), at <= 4, let name = name(in: line, from: at + part.count) {
            result.append((name, 1))
        }
        return result
    }

    /// "2024年度武汉市…办公室部门决算公开": the name between the year and 部门决算.
    static func title(_ line: [Unicode.Scalar]) -> String? {
        for index in line.indices where line[index] == "年" {
            guard year(endingAt: index, in: line) != nil else { continue }
            var start = index + 1
            if start < line.count, line[start] == "度" { start += 1 }
            return name(in: line, from: start)
        }
        return nil
    }

    private static func name(in line: [Unicode.Scalar], from start: Int) -> String? {
        var end = start
        scan: while end < line.count {
            if ScalarFolding.isDigit(line[end]) { break }
            for stop in stops where line[end] == stop[0] && matches(stop, in: line, at: end) { break scan }
            end += 1
        }
        guard end - start >= 4, end - start <= 40, suffixes.contains(line[end - 1]) else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: line[start..<end])
        return String(view)
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
