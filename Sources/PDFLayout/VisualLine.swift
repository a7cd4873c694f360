/// Words of one page that sit on one baseline, left to right.
///
/// Lines are rebuilt from positions rather than taken from poppler's `<line>`s, because poppler
/// cuts a table row into one block per cell and orders blocks in its own flow order.
public struct VisualLine: Hashable, Sendable {
    public var page: Int
    public var words: [PositionedWord]
    public var box: WordBox

    init(page: Int, words: [PositionedWord]) {
        self.page = page
        self.words = words.sorted { $0.box.xMin < $1.box.xMin }
        self.box = WordBox.union(of: words.map(\.box)) ?? WordBox(xMin: 0, yMin: 0, xMax: 0, yMax: 0)
    }

    /// A line wrapped over several visual lines, its words kept in reading order.
    init(page: Int, wrappedWords words: [PositionedWord]) {
        self.page = page
        self.words = words
        self.box = WordBox.union(of: words.map(\.box)) ?? WordBox(xMin: 0, yMin: 0, xMax: 0, yMax: 0)
    }

    /// The line with a label printed letter-spaced across its cell (合　　计, 小 计) as one word:
    /// two or three neighbouring words of one CJK character each, less than three characters
    /// apart. Only for body lines: a header's 类 款 项 are columns of their own.
    func joiningLetterSpaced() -> VisualLine {
        func single(_ word: PositionedWord) -> Bool {
            word.text.unicodeScalars.count == 1 && word.text.unicodeScalars.first!.value >= 0x4E00
        }
        var result: [PositionedWord] = []
        var index = 0
        while index < words.count {
            var end = index
            while end + 1 < words.count, single(words[end]), single(words[end + 1]),
                  words[end + 1].box.xMin - words[end].box.xMax < 3 * max(words[end].box.height, 1) { end += 1 }
            let count = end - index + 1
            if count == 2 || count == 3 {
                let run = words[index...end]
                result.append(PositionedWord(text: run.map(\.text).joined(), page: page, box: WordBox.union(of: run.map(\.box))!))
            } else {
                result += words[index...end]
            }
            index = end + 1
        }
        return result.count == words.count ? self : VisualLine(page: page, words: result)
    }

    /// The words joined by single spaces, as pdftotext separates them.
    public var text: String { words.map(\.text).joined(separator: " ") }

    /// The words as the text parser reads a row: on a line laid out in cells (a gap of two
    /// heights somewhere: a 绩效自评表 row, a contents line with its page number) a tab between
    /// words half a height or more apart, a space between the words of one cell; other lines
    /// as `text`. Tables that are no 公开表 reach the parser as tab-separated cells this way.
    var cellText: String {
        guard words.count > 1 else { return text }
        let gaps = zip(words, words.dropFirst()).map { left, right in
            (right.box.xMin - left.box.xMax) / max(min(left.box.height, right.box.height), 1)
        }
        guard gaps.contains(where: { $0 >= 2 }) else { return text }
        var result = words[0].text
        for (gap, word) in zip(gaps, words.dropFirst()) { result += (gap >= 0.5 ? "\t" : " ") + word.text }
        return result
    }

    /// The text without any spaces, for comparing titles and repeated headers.
    var compactText: String {
        var result = String.UnicodeScalarView()
        for word in words {
            for scalar in word.text.unicodeScalars where scalar != " " && scalar != "\u{3000}" { result.append(scalar) }
        }
        return String(result)
    }

    /// Groups words of one page into lines: a word joins the line it overlaps vertically by at
    /// least half of the smaller height. Figures printed a little above or below their row's
    /// baseline stay on the row; a figure centred between two lines of a wrapped name does not
    /// (the table reader joins those by their code or figures instead).
    static func group(_ words: [PositionedWord]) -> [VisualLine] {
        let sorted = words.sorted {
            ($0.page, $0.box.midY, $0.box.xMin) < ($1.page, $1.box.midY, $1.box.xMin)
        }
        var lines: [VisualLine] = []
        var current: [PositionedWord] = []
        var currentBox: WordBox?
        for word in sorted {
            if let box = currentBox, let page = current.first?.page, page == word.page {
                let overlap = box.verticalOverlap(word.box)
                let smaller = min(box.height, word.box.height)
                if smaller > 0, overlap >= smaller * 0.5 {
                    current.append(word)
                    // Keep the line's height that of its first words, so a row does not creep
                    // downwards word by word.
                    currentBox = WordBox(xMin: min(box.xMin, word.box.xMin), yMin: box.yMin,
                                         xMax: max(box.xMax, word.box.xMax), yMax: box.yMax)
                    continue
                }
            }
            if let page = current.first?.page { lines.append(VisualLine(page: page, words: current)) }
            current = [word]
            currentBox = word.box
        }
        if let page = current.first?.page { lines.append(VisualLine(page: page, words: current)) }
        return lines
    }
}

/// What a word looks like to the table reader: a figure, a classification code, or text.
enum WordShape: Equatable {
    /// Digits only (a 行次 number, a code, an amount in 元 without separators).
    case integer(digits: Int)
    /// Digits with a decimal point or thousands separators: an amount.
    case amount
    case text

    init(_ text: String) {
        var digits = 0, dots = 0, commas = 0, other = 0, index = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x2E: dots += 1
            case 0x2C: commas += 1
            case 0x2D where index == 0: break
            default: other += 1
            }
            index += 1
        }
        if other > 0 || digits == 0 || dots > 1 { self = .text }
        else if dots == 1 || commas > 0 { self = .amount }
        else { self = .integer(digits: digits) }
    }

    var isNumber: Bool { self != .text }

    /// A whole 类 (3 digits), 款 (5) or 项 (7) function code, or an economic code of the same lengths.
    var isWholeCode: Bool {
        if case .integer(let digits) = self { return digits == 3 || digits == 5 || digits == 7 }
        return false
    }
}
