/// Finds running headers, footers and page numbers: the lines a reader skips.
///
/// A line is furniture when it is the topmost or bottommost line of its page, lies in the top or
/// bottom tenth of the page, and either looks like a page number ("3", "- 3 -", "第 3 页",
/// "第3页 共20页", "3/20") or repeats, digits aside, at the same edge of at least half of the
/// pages (and of two at least). Lines further in are never furniture, so a table header repeated
/// under the running header of each page is kept — except a page number alone at the foot of the
/// page, centred, in its bottom fifth: landscape pages print it higher than a tenth.
enum PageFurniture {
    /// For every page (index = page number - 1), the indices of its furniture lines.
    static func find(in linesByPage: [[VisualLine]], pageHeights: [Double], pageWidths: [Double]) -> [Set<Int>] {
        var keyPages: [String: Set<Int>] = [:]
        var candidates: [[(index: Int, key: String, isPageNumber: Bool)]] = []
        for (pageIndex, lines) in linesByPage.enumerated() {
            let height = pageHeights[pageIndex]
            var found: [(Int, String, Bool)] = []
            var top = 0
            while top < lines.count, top < 2, lines[top].box.yMax < height * 0.1 {
                found.append(candidate(lines[top], index: top))
                top += 1
            }
            var bottom = lines.count - 1
            if bottom >= top, isFootNumber(lines[bottom], width: pageWidths[pageIndex], height: height) {
                found.append(candidate(lines[bottom], index: bottom))
                bottom -= 1
            }
            while bottom >= top, bottom >= lines.count - 2, lines[bottom].box.yMin > height * 0.9 {
                found.append(candidate(lines[bottom], index: bottom))
                bottom -= 1
            }
            for item in found { keyPages[item.1, default: []].insert(pageIndex) }
            candidates.append(found)
        }
        let needed = max(2, (linesByPage.count + 1) / 2)
        return candidates.map { found in
            Set(found.filter { $0.isPageNumber || keyPages[$0.key, default: []].count >= needed }.map(\.index))
        }
    }

    private static func candidate(_ line: VisualLine, index: Int) -> (index: Int, key: String, isPageNumber: Bool) {
        let compact = line.compactText
        var key = String.UnicodeScalarView()
        for scalar in compact.unicodeScalars { key.append(("0"..."9").contains(scalar) ? "#" : scalar) }
        return (index, String(key), isPageNumber(compact))
    }

    /// The last line of a page when it is a page number alone, centred, in the bottom fifth.
    private static func isFootNumber(_ line: VisualLine, width: Double, height: Double) -> Bool {
        line.box.yMin > height * 0.8 && line.box.yMin <= height * 0.9 && abs(line.box.midX - width / 2) < width * 0.1
            && isPageNumber(line.compactText)
    }

    /// "3", "-3-", "—3—", "第3页", "第3页共20页", "共20页第3页", "3/20", "Page3".
    static func isPageNumber(_ compact: String) -> Bool {
        var shape = String.UnicodeScalarView()
        var lastWasDigit = false
        for scalar in compact.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                if !lastWasDigit { shape.append("#") }
                lastWasDigit = true
            } else {
                lastWasDigit = false
                shape.append(scalar)
            }
        }
        let forms: Set<String> = ["#", "-#-", "—#—", "–#–", "第#页", "第#页共#页", "共#页第#页", "#/#", "Page#", "page#", "-#", "#-"]
        return forms.contains(String(shape))
    }
}
