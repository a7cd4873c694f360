/// What one source line looks like to the line joiner: how wide it is, how it starts and ends,
/// whether it is a table row, a page number or blank.
///
/// PDF text is hard-wrapped at the page width, so a line's shape is the only evidence of whether
/// the paragraph goes on: a full-width line continues, a short one ends its paragraph, a line
/// opening with 一、 or (三) starts a new one.
struct LineShape {
    /// No visible content.
    var isBlank = true
    /// Spaces before the first visible scalar (pdftotext -layout indents paragraphs).
    var indent = 0
    /// Display width of the visible content (CJK = 2).
    var width = 0
    /// Columns separated by tabs or by runs of three or more spaces: a table row or a TOC line.
    var isTabular = false
    /// The line opens a heading or a list item: 第三部分, 十三、, (二), （1）, 1. or 1、, 图 1, 注：.
    var startsWithMarker = false
    /// The line opens with a section heading's marker: 第三部分, 十三、 or (二).
    var startsWithSectionMarker = false
    /// The line opens with a year ("2023年度收、支总计…"), as the first sentence under a heading does.
    var startsWithYear = false
    /// The first visible scalar is a digit.
    var startsWithDigit = false
    /// The last visible scalar, folded.
    var last: Unicode.Scalar = " "
    /// More ( than ) on the line: the bracket closes on a later line.
    var opensBracket = false
    /// A page number or page footer ("8", "- 3 -", "第 2 页").
    var isPageNumber = false
    /// A hash of the visible content, to find running headers repeated on every page.
    var contentHash = 0
    var visibleCount = 0
    var hasFullStop = false
    /// A comma, colon or semicolon: a heading has none.
    var hasClausePunctuation = false

    init(_ line: ArraySlice<Unicode.Scalar>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var spaceRun = 0
        var depth = 0
        var digits = 0
        var others = 0
        // The first visible scalars, folded: enough to recognise 十三、 or (十二). Kept on the stack.
        var head: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar)
            = (" ", " ", " ", " ", " ", " ", " ", " ")
        var headCount = 0
        for raw in line {
            let value = raw.value
            if value >= 0x4E00 && value <= 0x9FFF {
                // A CJK ideograph, most of any line: never a space, folds to itself, two cells
                // wide, and of the classes below only 第, 页 and 共 are not "others". Taken first
                // because the general path's tests cost more than the rest of the line's work.
                if spaceRun >= 3 { isTabular = true }
                spaceRun = 0
                isBlank = false
                visibleCount += 1
                width += 2
                if headCount < 8 {
                    withUnsafeMutableBytes(of: &head) { $0.storeBytes(of: raw, toByteOffset: headCount * 4, as: Unicode.Scalar.self) }
                    headCount += 1
                }
                last = raw
                hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
                if value != 0x7B2C && value != 0x9875 && value != 0x5171 { others += 1 }
                continue
            }
            if raw == "\t" {
                isTabular = true
                spaceRun = 0
                continue
            }
            // Every space `isSpace` knows is a control character, the space itself or beyond
            // U+009F, and ASCII folds to itself: visible ASCII skips both tests.
            if value <= 0x20 || (value >= 0xA0 && ScalarFolding.isSpace(raw)) {
                if isBlank { indent += 1 } else { spaceRun += 1 }
                continue
            }
            if spaceRun >= 3 { isTabular = true }
            spaceRun = 0
            let scalar = value < 0x80 ? raw : ScalarFolding.fold(raw)
            isBlank = false
            visibleCount += 1
            width += ScalarFolding.width(raw)
            if headCount < 8 {
                withUnsafeMutableBytes(of: &head) { $0.storeBytes(of: scalar, toByteOffset: headCount * 4, as: Unicode.Scalar.self) }
                headCount += 1
            }
            last = scalar
            hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
            switch scalar.value {   // by value: integer cases compile to a table, scalar patterns to a chain
            case 0x28: depth += 1                                       // (
            case 0x29: depth -= 1                                       // )
            case 0x3002: hasFullStop = true                             // 。
            case 0x2C, 0x3A, 0x3B: hasClausePunctuation = true          // , : ;
            case 0x30...0x39: digits += 1                               // 0-9
            case 0x2D, 0x7B2C, 0x9875, 0x5171, 0x2F, 0x2014: break      // - 第 页 共 / —
            default: others += 1
            }
        }
        opensBracket = depth > 0
        contentHash = Int(truncatingIfNeeded: hash)
        isPageNumber = !isBlank && digits > 0 && digits <= 4 && others == 0 && !isTabular
        let count = headCount
        withUnsafeBytes(of: &head) { bytes in
            let scalars = UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: Unicode.Scalar.self), count: count)
            startsWithMarker = Self.startsWithMarker(scalars)
            startsWithSectionMarker = startsWithMarker && Self.isSectionMarker(scalars)
            startsWithYear = count >= 5 && scalars[0..<4].allSatisfy(ScalarFolding.isDigit) && scalars[4] == "年"
            startsWithDigit = count > 0 && ScalarFolding.isDigit(scalars[0])
        }
    }

    private static func startsWithMarker(_ head: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let first = head.first else { return false }
        if first == "第", head.count > 2 {
            // 第 + numerals + 部分/章/节
            var index = 1
            while index < head.count, ScalarFolding.isChineseNumeral(head[index]) { index += 1 }
            if index > 1, index < head.count, head[index] == "部" || head[index] == "章" || head[index] == "节" { return true }
        }
        if ScalarFolding.isChineseNumeral(first) {
            var index = 1
            while index < head.count, ScalarFolding.isChineseNumeral(head[index]) { index += 1 }
            return index < head.count && head[index] == "、"
        }
        if first == "(" {
            var index = 1
            while index < head.count, ScalarFolding.isChineseNumeral(head[index]) || ScalarFolding.isDigit(head[index]) { index += 1 }
            return index > 1 && index < head.count && head[index] == ")"
        }
        if ScalarFolding.isDigit(first) {
            var index = 1
            while index < head.count, ScalarFolding.isDigit(head[index]) { index += 1 }
            guard index <= 2, index + 1 < head.count else { return false }
            let mark = head[index]
            if mark == "、" { return true }
            if mark == "." { return !ScalarFolding.isDigit(head[index + 1]) }
            return false
        }
        if first == "图" || first == "表" {
            return head.count > 1 && ScalarFolding.isDigit(head[1])
        }
        if first == "注" || first == "附" {
            return head.count > 1 && (head[1] == ":" || head[1] == "件" || head[1] == "表")
        }
        return false
    }

    /// A line that could be a page's running header: long enough to be a title, no sentence
    /// end, not cut off mid-sentence, not a heading, not opening with a number (a wrapped line
    /// like "2023年度一般公共预算财政拨款支" may well repeat three times).
    var mayBeRunningHeader: Bool {
        visibleCount >= 6 && !hasFullStop && !endsOpen && !startsWithMarker && !isTabular
            && !startsWithDigit
    }

    private static func isSectionMarker(_ head: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let first = head.first else { return false }
        return first == "第" || ScalarFolding.isChineseNumeral(first)
            || (first == "(" && head.count > 1 && ScalarFolding.isChineseNumeral(head[1]))
    }

    /// The line's last scalar says the sentence goes on: a comma, an enumeration comma, an open
    /// bracket or quote, or a number that a wrap may have cut from its unit.
    var endsOpen: Bool {
        switch last {
        case ",", "、", "(", "“", "《", "及", "和", "与", "或": return true
        case "0"..."9", ".": return true
        default: return opensBracket
        }
    }
}
