import Disclosure

/// Recognises the lines that head a table in a PDF: its title, its 公开NN表 number, its captions.
///
/// Which table a title names is Disclosure's to say (`Disclosure.TableTitle`), so a table form
/// taught there is known to the PDF reader as well; here the title is only freed of what a
/// page adds (spaces between characters, quotation marks, a （续） on continuation pages).
enum TableTitle {
    /// The kind of table a line titles, or nil.
    static func kind(of line: VisualLine) -> TableKind? {
        let compact = line.compactText
        // Most lines have no 表 at all; skip them before any string search.
        guard compact.unicodeScalars.contains("表") else { return nil }
        return Disclosure.TableTitle.kind(of: Array(fold(compact).utf8)[...])
    }

    /// Drops quotation marks and a trailing （续）, so “三公” and "三公" and 三公 compare equal.
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !"“”\"'‘’「」".unicodeScalars.contains(scalar) { scalars.append(scalar) }
        var result = String(scalars)
        for suffix in ["（续）", "(续)", "续表", "续"] where result.hasSuffix(suffix) {
            result.removeLast(suffix.count)
            break
        }
        // A qualifier after the title's 表 (财政拨款支出预算表（功能科目）) says which scheme, not which table.
        if result.hasSuffix("）"), let open = result.lastIndex(of: "（"), open > result.startIndex,
           result[result.index(before: open)] == "表", result.distance(from: open, to: result.endIndex) <= 8 {
            result = String(result[..<open])
        }
        return result
    }

    /// "公开 01 表" or "公开表一" and the like, read as the table's number.
    static func publicNumber(in compact: String) -> Int? { publicMarker(in: compact)?.number }

    /// The number of a 公开NN表 / 公开表N marker at the start of a compact line, and the text
    /// after it.
    static func publicMarker(in compact: String) -> (number: Int, rest: Substring)? {
        guard let start = compact.range(of: "公开"), let end = compact.range(of: "表", range: start.upperBound..<compact.endIndex) else { return nil }
        if let number = Int(compact[start.upperBound..<end.lowerBound]) { return (number, compact[end.upperBound...]) }
        guard end.lowerBound == start.upperBound else { return nil }
        // 公开表一 … 公开表十二: the numeral follows 表.
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var rest = compact[end.upperBound...]
        var number = 0
        if rest.first == "十" { number = 10; rest = rest.dropFirst(); if let digit = rest.first.flatMap({ digits[$0] }) { number += digit; rest = rest.dropFirst() } }
        else if let digit = rest.first.flatMap({ digits[$0] }) {
            number = digit
            rest = rest.dropFirst()
            if rest.first == "十" { number *= 10; rest = rest.dropFirst(); if let unit = rest.first.flatMap({ digits[$0] }) { number += unit; rest = rest.dropFirst() } }
        }
        return number > 0 ? (number, rest) : nil
    }

    /// The lines with each title wrapped over two lines (…培训费支出预 / 算表) joined into one:
    /// a line that is no title, followed closely on its page by a line of the same size that is
    /// no title either, where the two read together are one.
    static func joiningWrappedTitles(_ lines: [VisualLine]) -> [VisualLine] {
        var result: [VisualLine] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if index + 1 < lines.count, line.compactText.unicodeScalars.count >= 4 {
                let next = lines[index + 1]
                let height = line.box.height
                // The rest may be a title by itself when short (…培训费 / 支出预算表).
                if next.page == line.page, next.box.yMin - line.box.yMax < height, abs(next.box.height - height) < height * 0.2,
                   next.compactText.unicodeScalars.contains("表"), kind(of: line) == nil,
                   kind(of: next) == nil || next.compactText.unicodeScalars.count <= 6 {
                    let joined = VisualLine(page: line.page, wrappedWords: line.words + next.words)
                    if kind(of: joined) != nil {
                        result.append(joined)
                        index += 2
                        continue
                    }
                }
            }
            result.append(line)
            index += 1
        }
        return result
    }

    /// A line that is a 公开NN表 marker, alone or before a title no recogniser knows
    /// (公开表五 财政拨款支出预算表（功能科目）).
    static func isPublicNumber(_ line: VisualLine) -> Bool {
        let compact = line.compactText
        guard compact.hasPrefix("公开"), let rest = publicMarker(in: compact)?.rest else { return false }
        return rest.isEmpty || rest.contains("表")
    }

    /// A caption under a title: 公开NN表, 单位：…, 编制部门：…, 单位名称：…, 金额单位….
    static func isCaption(_ line: VisualLine) -> Bool {
        let compact = line.compactText
        if compact.hasPrefix("公开"), publicNumber(in: compact) != nil { return true }
        return compact.contains("单位：") || compact.contains("单位:")
            || ["编制部门", "编制单位", "单位名称", "部门名称"].contains { compact.hasPrefix($0) }
    }
}
