/// What a disclosure's writing gets wrong, besides its figures: template text left in, a
/// punctuation mark typed twice, a bracket or quote never closed, an "as of" date of another
/// year. Pure: the normalised text and the document's identity in, warnings out.
///
/// Each rule reads one paragraph of the normalised text at a time (wrapped lines joined, so a
/// clause that wraps is whole), skips table rows (paragraphs with tabs), and works on scalars,
/// not Characters. Everything it looks for is listed in `WritingPhrases`.
enum WritingChecks {
    static func check(_ text: NormalisedText, identity: DocumentIdentity, warnings: inout [ParseWarning]) {
        let scalars = text.scalars
        var sentences: Range<Int>?
        var sentencesHaveBrackets = false
        var comparisons: [Comparison] = []
        for paragraph in text.paragraphs {
            // One pass finds what the paragraph holds; a rule reads it again only when it holds
            // what the rule looks for (the parse runs this over every paragraph of every document).
            var tabular = false, placeholders = false, brackets = false, dates = false, compares = false, stop = false
            var repeated: [Int] = []
            var previous: Unicode.Scalar = "\n"
            for index in paragraph {
                let scalar = scalars[index]
                let value = scalar.value
                if value >= 0x4E00 && value <= 0x9FFF && value != 0x67D0 && value != 0x622A && value != 0x6BD4 && value != 0x4E0E {
                    // An ideograph other than 某, 截, 比 and 与 (most of any paragraph): no rule's
                    // mark, and never a repeated punctuation mark.
                    previous = scalar
                    continue
                }
                switch scalar {
                case "\t": tabular = true
                case "某", "X", "x", "×": placeholders = true
                case "(", ")", "“", "”", "《", "》", "【", "】": brackets = true
                case "截": dates = true
                case "比", "与": compares = true
                case "。": stop = true
                default: break
                }
                if scalar == previous, WritingPhrases.isSingleMark(scalar) {
                    repeated.append(index)
                    previous = "\n"
                } else {
                    previous = scalar
                }
            }
            if tabular { continue }
            if placeholders || brackets { templateText(in: paragraph, of: text, warnings: &warnings) }
            for index in repeated { repeatedPunctuation(at: index, in: paragraph, of: text, warnings: &warnings) }
            if dates { dateYears(in: paragraph, of: text, identity: identity, warnings: &warnings) }
            if compares { collectComparisons(in: paragraph, of: text, into: &comparisons) }
            // A paragraph that stops mid-sentence went on past a page break the reader could not
            // join over: pairs are checked over the whole run of paragraphs a sentence spans.
            let run = sentences.map { $0.lowerBound..<paragraph.upperBound } ?? paragraph
            sentencesHaveBrackets = sentencesHaveBrackets || brackets
            if let last = scalars[paragraph].last(where: { $0 != " " }), !WritingPhrases.endsSentence(last) {
                sentences = run
                continue
            }
            // Cells of a space-aligned table wrap their brackets over lines ("台式计算机（20" /
            // "万以下）"): only sentences are held to pairing.
            if sentencesHaveBrackets, stop || scalars[run].contains("。") { unbalancedBrackets(in: run, of: text, warnings: &warnings) }
            sentences = nil
            sentencesHaveBrackets = false
        }
        comparisonYears(comparisons, of: text, warnings: &warnings)
    }

    // MARK: Template text

    /// Placeholders (XX单位, 某某) and the template's own guidance (（按…表中…填写）) left in.
    private static func templateText(in paragraph: Range<Int>, of text: NormalisedText, warnings: inout [ParseWarning]) {
        let scalars = text.scalars
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            if let end = placeholder(at: index, in: scalars, before: paragraph.upperBound) {
                let range = index..<end
                warnings.append(ParseWarning(rule: .templateText,
                                             message: "“\(text.printedText(range))” is a template placeholder left in the text",
                                             source: text.span(context(of: range, in: paragraph))))
                index = end
                continue
            }
            if scalars[index] == "(", let end = guidance(openingAt: index, in: scalars, before: paragraph.upperBound) {
                let range = index..<end
                warnings.append(ParseWarning(rule: .templateText,
                                             message: "“\(text.printedText(range))” is the template's guidance on how to fill it in, left in the text",
                                             source: text.span(range)))
                index = end
                continue
            }
            index += 1
        }
    }

    /// The end of a placeholder starting at `index`: a run of two or more X, x, Ｘ or ×
    /// standing alone (not part of a Latin word), or 某某.
    private static func placeholder(at index: Int, in scalars: [Unicode.Scalar], before end: Int) -> Int? {
        if scalars[index] == "某", index + 1 < end, scalars[index + 1] == "某" { return index + 2 }
        guard WritingPhrases.isPlaceholderLetter(scalars[index]) else { return nil }
        if index > 0, isLatinLetter(scalars[index - 1]) { return nil }
        var stop = index
        while stop < end, WritingPhrases.isPlaceholderLetter(scalars[stop]) { stop += 1 }
        guard stop - index >= 2, stop == end || !isLatinLetter(scalars[stop]) else { return nil }
        return stop
    }

    /// The end (after the closing bracket) of a bracketed instruction: it opens with one of
    /// `WritingPhrases.guidanceOpenings` and closes with one of `guidanceClosings`.
    private static func guidance(openingAt open: Int, in scalars: [Unicode.Scalar], before end: Int) -> Int? {
        var start = open + 1
        while start < end, scalars[start] == " " { start += 1 }
        guard WritingPhrases.guidanceOpenings.contains(where: { starts(scalars, at: start, with: $0) }) else { return nil }
        var close = start
        while close < end, close - open <= WritingPhrases.longestGuidance, scalars[close] != ")" {
            if scalars[close] == "(" { return nil }
            close += 1
        }
        guard close < end, scalars[close] == ")" else { return nil }
        guard WritingPhrases.guidanceClosings.contains(where: { ends(scalars, before: close, with: $0) }) else { return nil }
        return close + 1
    }

    // MARK: Punctuation

    /// The same sentence mark twice in a row (。。, ，，, 、、), ending at `index`; an ellipsis or a
    /// dash is two marks by design and never counted.
    private static func repeatedPunctuation(at index: Int, in paragraph: Range<Int>, of text: NormalisedText,
                                            warnings: inout [ParseWarning]) {
        let range = (index - 1)..<(index + 1)
        warnings.append(ParseWarning(rule: .repeatedPunctuation,
                                     message: "“\(text.printedText(range))”: a punctuation mark typed twice",
                                     source: text.span(context(of: range, in: paragraph))))
    }

    /// A paragraph whose brackets or quotes do not pair: one opened and never closed, or closed
    /// without being opened. Reported once per paragraph and pair.
    private static func unbalancedBrackets(in paragraph: Range<Int>, of text: NormalisedText, warnings: inout [ParseWarning]) {
        let scalars = text.scalars
        let pairs = WritingPhrases.pairs
        // Per pair: depth, first stray closing (-1: none), last opening (-1: none); on the stack,
        // as three arrays per sentence showed in profiles.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: pairs.count * 3) { state in
            state.initialize(repeating: 0)
            for pair in pairs.indices { state[pairs.count + pair] = -1; state[2 * pairs.count + pair] = -1 }
            func depth(_ pair: Int) -> Int { state[pair] }
            func stray(_ pair: Int) -> Int? { state[pairs.count + pair] >= 0 ? state[pairs.count + pair] : nil }
            func lastOpen(_ pair: Int) -> Int? { state[2 * pairs.count + pair] >= 0 ? state[2 * pairs.count + pair] : nil }
            for index in paragraph {
                // Which pair the scalar opens or closes, found by one switch (a loop over the pairs
                // for every scalar showed in profiles); `WritingPhrases.pair` is taught with `pairs`.
                guard let (pair, opens) = WritingPhrases.pair(of: scalars[index]) else { continue }
                if opens {
                    state[pair] += 1
                    state[2 * pairs.count + pair] = index
                } else if state[pair] == 0 {
                    if stray(pair) == nil { state[pairs.count + pair] = index }
                } else {
                    state[pair] -= 1
                }
            }
            for (pair, (open, close)) in pairs.enumerated() {
                guard let at = stray(pair) ?? (depth(pair) > 0 ? lastOpen(pair) : nil) else { continue }
                let what = stray(pair) != nil ? "“\(close)” closes nothing" : "“\(open)” is never closed"
                warnings.append(ParseWarning(rule: .unbalancedBrackets, message: "\(what) in this paragraph",
                                             source: text.span(context(of: at..<(at + 1), in: paragraph))))
            }
        }
    }

    // MARK: Dates

    /// "截至2022年12月31日" in a 2023 决算: the state it reports is that of its own year's end;
    /// a 预算 reports the state before its year (its year's start at the latest).
    private static func dateYears(in paragraph: Range<Int>, of text: NormalisedText, identity: DocumentIdentity,
                                  warnings: inout [ParseWarning]) {
        guard identity.year > 0 else { return }
        let scalars = text.scalars
        var index = paragraph.lowerBound
        while index + 1 < paragraph.upperBound {
            guard scalars[index] == "截", scalars[index + 1] == "至" || scalars[index + 1] == "止" else {
                index += 1
                continue
            }
            var cursor = index + 2
            while cursor < paragraph.upperBound, scalars[cursor] == " " { cursor += 1 }
            var year = 0
            var digits = 0
            while cursor < paragraph.upperBound, digits < 5, scalars[cursor] >= "0", scalars[cursor] <= "9" {
                year = year * 10 + Int(scalars[cursor].value - 0x30)
                digits += 1
                cursor += 1
            }
            defer { index = cursor }
            guard digits == 4, cursor < paragraph.upperBound, scalars[cursor] == "年" else { continue }
            let allowed = identity.kind == .finalAccount ? identity.year...identity.year : (identity.year - 1)...identity.year
            guard !allowed.contains(year) else { continue }
            let range = index..<(cursor + 1)
            let expected = identity.kind == .finalAccount ? "\(identity.year)" : "\(identity.year - 1) or \(identity.year)"
            warnings.append(ParseWarning(
                rule: .dateYearMismatch,
                message: "“\(text.printedText(range))” in the \(identity.year) \(identity.kind.rawValue): the date's year should be \(expected)",
                source: text.span(context(of: range, in: paragraph))))
        }
    }

    // MARK: Comparisons

    /// "比2025年预算执行数", "与2022年度相比": the year a figure is compared with, and the words
    /// after it that say what of that year (预算执行数, 度相比), up to the verb.
    struct Comparison {
        var year: Int
        var what: [Unicode.Scalar]
        var range: Range<Int>
        var paragraph: Range<Int>
    }

    private static func collectComparisons(in paragraph: Range<Int>, of text: NormalisedText, into comparisons: inout [Comparison]) {
        let scalars = text.scalars
        var index = paragraph.lowerBound
        while index + 5 < paragraph.upperBound {
            defer { index += 1 }
            guard scalars[index] == "比" || scalars[index] == "与" else { continue }
            var cursor = index + 1
            while cursor < paragraph.upperBound, scalars[cursor] == " " { cursor += 1 }
            var year = 0, digits = 0
            while cursor < paragraph.upperBound, digits < 5, scalars[cursor] >= "0", scalars[cursor] <= "9" {
                year = year * 10 + Int(scalars[cursor].value - 0x30)
                digits += 1
                cursor += 1
            }
            while cursor < paragraph.upperBound, scalars[cursor] == " " { cursor += 1 }
            guard digits == 4, cursor < paragraph.upperBound, scalars[cursor] == "年" else { continue }
            var end = cursor + 1
            while end < paragraph.upperBound, end - cursor <= WritingPhrases.longestComparedWhat,
                  !WritingPhrases.endsComparedWhat(scalars[end]) { end += 1 }
            comparisons.append(Comparison(year: year, what: Array(scalars[(cursor + 1)..<end]), range: index..<end, paragraph: paragraph))
        }
    }

    /// A comparison with another year than the document compares that figure with everywhere
    /// else: 石泉路街道's 2026 预算 says "比2025年预算执行数" in every item but one, which says
    /// "比2024年预算执行数" of the same 2025 figure. Only a clear habit is held against: the same
    /// words after the year at least `WritingPhrases.habit` times, all with one year.
    private static func comparisonYears(_ comparisons: [Comparison], of text: NormalisedText, warnings: inout [ParseWarning]) {
        var byWhat: [[Unicode.Scalar]: [Int: Int]] = [:]
        for comparison in comparisons { byWhat[comparison.what, default: [:]][comparison.year, default: 0] += 1 }
        for comparison in comparisons {
            let years = byWhat[comparison.what]!
            guard let (usual, count) = years.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), usual != comparison.year,
                  count >= WritingPhrases.habit, count * 4 >= years.values.reduce(0, +) * 3 else { continue }
            warnings.append(ParseWarning(
                rule: .comparisonYearMismatch,
                message: "“\(text.printedText(comparison.range))” compares with \(comparison.year), where the document's \(count) other "
                    + "“…年\(String(String.UnicodeScalarView(comparison.what)))” comparisons are with \(usual)",
                source: text.span(context(of: comparison.range, in: comparison.paragraph))))
        }
    }

    // MARK: Scanning

    /// A few scalars either side of a range, within its paragraph, for the snippet.
    private static func context(of range: Range<Int>, in paragraph: Range<Int>) -> Range<Int> {
        max(paragraph.lowerBound, range.lowerBound - 12)..<min(paragraph.upperBound, range.upperBound + 12)
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z")
    }

    private static func starts(_ scalars: [Unicode.Scalar], at index: Int, with word: [Unicode.Scalar]) -> Bool {
        index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    private static func ends(_ scalars: [Unicode.Scalar], before index: Int, with word: [Unicode.Scalar]) -> Bool {
        index >= word.count && scalars[(index - word.count)..<index].elementsEqual(word)
    }
}

/// The words and marks `WritingChecks` looks for, in one place. Text is compared folded
/// (full-width brackets and commas as ASCII), as `NormalisedText` stores it.
enum WritingPhrases {
    /// Letters a template's placeholders are made of: XX单位, ××部门, ＸＸ年 (folded to X).
    static func isPlaceholderLetter(_ scalar: Unicode.Scalar) -> Bool { scalar == "X" || scalar == "x" || scalar == "×" }
    /// How a template's bracketed instruction to the person filling it in begins…
    static let guidanceOpenings: [[Unicode.Scalar]] = ["按", "根据", "请", "此处", "应", "填写"].map { Array($0.unicodeScalars) }
    /// …and ends, just before its closing bracket.
    static let guidanceClosings: [[Unicode.Scalar]] = ["填写", "填列", "填报", "填制"].map { Array($0.unicodeScalars) }
    /// An instruction is a clause, not a paragraph: a longer bracket is something else.
    static let longestGuidance = 80
    /// Marks that never stand twice in a row in a sentence (folded: ，→, ；→; ：→: ？→? ！→!).
    static func isSingleMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", ",", ";", ":", "、", "?", "!": true
        default: false
        }
    }
    /// Marks a finished paragraph ends with (folded: ：→: ；→;).
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", ":", ";", "?", "!", "”", ")": true
        default: false
        }
    }
    /// How many comparisons with one year, of the same words, make a habit another year breaks.
    static let habit = 3
    /// The words after a compared year are at most this many scalars (预算执行数, 度决算数).
    static let longestComparedWhat = 8
    /// Where the words after a compared year end: at a verb, a mark or a figure.
    static func endsComparedWhat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "增", "减", "下", "上", "持", "相", "多", "少", "基", "有", "的", "，", ",", "。", "、", ";", ":", "(", " ": true
        default: scalar >= "0" && scalar <= "9"
        }
    }
    /// Brackets and quotes that pair within a paragraph (folded: （）→()).
    static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("(", ")"), ("“", "”"), ("《", "》"), ("【", "】")]
    /// The index in `pairs` of the pair a scalar opens (true) or closes (false).
    @inline(__always)
    static func pair(of scalar: Unicode.Scalar) -> (Int, Bool)? {
        switch scalar {
        case "(": (0, true)
        case ")": (0, false)
        case "“": (1, true)
        case "”": (1, false)
        case "《": (2, true)
        case "》": (2, false)
        case "【": (3, true)
        case "】": (3, false)
        default: nil
        }
    }
}
