/// A document's text as one stream of folded scalars, its hard-wrapped lines joined into
/// paragraphs, with every scalar traceable to the source line it came from.
///
/// What the stream is:
/// - paragraphs separated by a single "\n"; blank lines, page numbers and running headers
///   (a line repeated on three or more pages) are gone;
/// - a wrapped line is joined to the next with nothing in between, so "资金 213.41" + " 万元"
///   reads "资金213.41万元" and "146.6" + "1万元" reads "146.61万元";
/// - full-width punctuation, letters and digits are folded to ASCII (（）：，％ → ():,%),
///   one scalar for one, so the printed form of any range can still be shown;
/// - spaces survive only between two ASCII letters or digits ("545.45 479.44"); "2024 年",
///   "40 %" and "（ 项）" lose theirs;
/// - table rows (tab- or space-aligned) stay paragraphs of their own, columns separated by "\t".
///
/// Whether a line break ends a paragraph is decided from the shapes of the lines around it
/// (see `LineShape`): a heading or list marker starts a paragraph, a 。 or a line clearly
/// shorter than the page's text width ends one, anything else is a wrap. Blank lines carry no
/// meaning, because some extractions put one after every wrapped line.
public struct NormalisedText: Sendable {
    /// The folded scalars.
    public let scalars: [Unicode.Scalar]
    /// The same scalars as printed (before folding), for snippets.
    private let printed: [Unicode.Scalar]
    /// The 1-based source line of each scalar.
    private let lineNumbers: [Int32]
    /// The paragraphs, in order, without their separators. Found once here: the narrative
    /// reader and the writing checks both walk them.
    public let paragraphs: [Range<Int>]

    public init(_ source: SourceText) {
        self.init(source, decoded: DecodedLines(source))
    }

    /// The text of `source`, whose lines `decoded` holds decoded (the parser decodes them once
    /// for the identity reader and this).
    init(_ source: SourceText, decoded: DecodedLines) {
        var shapes: [LineShape] = []
        shapes.reserveCapacity(source.lineCount)
        for index in 0..<source.lineCount { shapes.append(LineShape(decoded[index])) }
        var repeats: [Int: Int] = [:]
        var widths: [Int] = []
        let pages = source.lines.contains { $0.utf8.first == 0x0C }
        for (index, shape) in shapes.enumerated() where !shape.isBlank {
            if shape.mayBeRunningHeader, !pages || Self.touchesPageBreak(index, in: source) {
                repeats[shape.contentHash, default: 0] += 1
            }
            if !shape.isTabular && shape.width >= 16 { widths.append(shape.width) }
        }
        widths.sort()
        // The page's text width: most wrapped lines are within a few cells of it.
        let fullWidth = widths.isEmpty ? 0 : widths[widths.count * 9 / 10]
        // Every scalar written stands for a source scalar, or is the one separator a space run or
        // a line break leaves: the stream never outgrows the source plus one per line.
        let capacity = decoded.scalars.count + source.lineCount + 1
        var scalars = [Unicode.Scalar](repeating: "\n", count: capacity)
        var printed = [Unicode.Scalar](repeating: "\n", count: capacity)
        var lineNumbers = [Int32](repeating: 0, count: capacity)
        let count = scalars.withUnsafeMutableBufferPointer { scalars in
            printed.withUnsafeMutableBufferPointer { printed in
                lineNumbers.withUnsafeMutableBufferPointer { lineNumbers in
                    var stream = Stream(scalars: scalars, printed: printed, lineNumbers: lineNumbers)
                    var previous: LineShape?
                    for index in 0..<source.lineCount {
                        let shape = shapes[index]
                        if shape.isBlank || shape.isPageNumber { continue }
                        if repeats[shape.contentHash, default: 0] >= 3 { continue }
                        if let previous, Self.breaksParagraph(after: previous, before: shape, fullWidth: fullWidth) {
                            stream.append("\n", printed: "\n", line: stream.lastLineNumber ?? Int32(index + 1))
                        }
                        stream.emit(decoded[index], lineNumber: Int32(index + 1), tabular: shape.isTabular)
                        previous = shape
                    }
                    return stream.count
                }
            }
        }
        scalars.removeLast(capacity - count)
        printed.removeLast(capacity - count)
        lineNumbers.removeLast(capacity - count)
        self.scalars = scalars
        self.printed = printed
        self.lineNumbers = lineNumbers
        self.paragraphs = Self.paragraphs(of: scalars)
    }

    /// Whether a line is next to a form feed (pdftotext starts every page with one).
    static func touchesPageBreak(_ index: Int, in source: SourceText) -> Bool {
        if source.lines[index].utf8.first == 0x0C { return true }
        var previous = index - 1
        while previous >= 0 {
            let line = source.lines[previous]
            if line.utf8.first == 0x0C { return true }
            if !line.utf8.allSatisfy({ $0 == 0x20 }) { return false }
            previous -= 1
        }
        var next = index + 1
        while next < source.lineCount {
            let line = source.lines[next]
            if line.utf8.first == 0x0C { return true }
            if !line.utf8.allSatisfy({ $0 == 0x20 }) { return false }
            next += 1
        }
        return false
    }

    /// Whether the break between two consecutive visible lines ends a paragraph.
    static func breaksParagraph(after previous: LineShape, before next: LineShape, fullWidth: Int) -> Bool {
        let shortLimit = fullWidth * 3 / 4
        if previous.isTabular || next.isTabular { return true }
        if next.startsWithMarker || next.indent >= 2 { return true }
        switch previous.last {
        case "。", "!", "?": return true
        default: break
        }
        if previous.startsWithMarker && !previous.hasFullStop && previous.width < shortLimit && !previous.opensBracket {
            return true   // a heading
        }
        if previous.startsWithSectionMarker && !previous.hasClausePunctuation && !previous.endsOpen
            && (previous.width < fullWidth - 3 || next.startsWithYear) {
            return true   // a heading as wide as the text: 六、一般公共预算财政拨款基本支出决算情况说明
        }
        if previous.endsOpen { return false }
        return previous.width < shortLimit
    }

    /// The three parallel arrays while they are being built, written through pointers into
    /// buffers `init` sized for the whole text.
    private struct Stream {
        let scalars: UnsafeMutableBufferPointer<Unicode.Scalar>
        let printed: UnsafeMutableBufferPointer<Unicode.Scalar>
        let lineNumbers: UnsafeMutableBufferPointer<Int32>
        private(set) var count = 0

        init(scalars: UnsafeMutableBufferPointer<Unicode.Scalar>, printed: UnsafeMutableBufferPointer<Unicode.Scalar>,
             lineNumbers: UnsafeMutableBufferPointer<Int32>) {
            self.scalars = scalars
            self.printed = printed
            self.lineNumbers = lineNumbers
        }

        var lastLineNumber: Int32? { count > 0 ? lineNumbers[count - 1] : nil }

        mutating func emit(_ line: ArraySlice<Unicode.Scalar>, lineNumber: Int32, tabular: Bool) {
            var spaceRun = 0
            var last: Unicode.Scalar = count > 0 ? scalars[count - 1] : "\n"
            for raw in line {
                if raw.value >= 0x4E00 && raw.value <= 0x9FFF {
                    // A CJK ideograph (most scalars): not a space, folds to itself, and is no
                    // ASCII letter, so a space run before it leaves at most a column break.
                    if spaceRun > 0, last != "\n", tabular && spaceRun >= 2, last != "\t" {
                        append("\t", printed: "\t", line: lineNumber)
                    }
                    spaceRun = 0
                    append(raw, printed: raw, line: lineNumber)
                    last = raw
                    continue
                }
                // Tab, controls and every other space `isSpace` knows are at or below U+0020 or
                // beyond U+009F, and ASCII folds to itself: visible ASCII skips both tests.
                if raw.value <= 0x20 || (raw.value >= 0xA0 && ScalarFolding.isSpace(raw)) {
                    spaceRun += raw == "\t" ? 2 : 1
                    continue
                }
                let scalar = raw.value < 0x80 ? raw : ScalarFolding.fold(raw)
                if spaceRun > 0, last != "\n" {
                    if tabular && spaceRun >= 2 {
                        if last != "\t" { append("\t", printed: "\t", line: lineNumber) }
                    } else if ScalarFolding.isASCIIAlphanumeric(last) && ScalarFolding.isASCIIAlphanumeric(scalar) {
                        append(" ", printed: " ", line: lineNumber)
                    }
                }
                spaceRun = 0
                append(scalar, printed: raw, line: lineNumber)
                last = scalar
            }
        }

        @inline(__always)
        mutating func append(_ scalar: Unicode.Scalar, printed original: Unicode.Scalar, line: Int32) {
            scalars[count] = scalar
            printed[count] = original
            lineNumbers[count] = line
            count += 1
        }
    }

    public var count: Int { scalars.count }

    /// The 1-based source line of the scalar at `index`.
    public func line(at index: Int) -> Int {
        Int(lineNumbers[Swift.min(Swift.max(index, 0), lineNumbers.count - 1)])
    }

    /// The folded text of a range.
    public func folded(_ range: Range<Int>) -> String { Self.string(scalars[range]) }

    /// The text of a range as printed, wrapped lines joined.
    public func printedText(_ range: Range<Int>) -> String { Self.string(printed[range]) }

    /// Encodes scalars as UTF-8 directly: appending to a String's scalar view costs far more.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[count] = UInt8(value)
                    count += 1
                } else if value < 0x800 {
                    buffer[count] = UInt8(0xC0 | value >> 6)
                    buffer[count + 1] = UInt8(0x80 | value & 0x3F)
                    count += 2
                } else if value < 0x10000 {
                    buffer[count] = UInt8(0xE0 | value >> 12)
                    buffer[count + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[count + 2] = UInt8(0x80 | value & 0x3F)
                    count += 3
                } else {
                    buffer[count] = UInt8(0xF0 | value >> 18)
                    buffer[count + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[count + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[count + 3] = UInt8(0x80 | value & 0x3F)
                    count += 4
                }
            }
            return count
        }
    }

    /// Where a range was read from: its first and last source lines and the printed snippet.
    public func span(_ range: Range<Int>) -> SourceSpan {
        guard !range.isEmpty else { return SourceSpan(line: line(at: range.lowerBound), text: "") }
        return SourceSpan(firstLine: line(at: range.lowerBound), lastLine: line(at: range.upperBound - 1),
                          text: printedText(range))
    }

    /// The runs of scalars between "\n" separators, empty ones left out.
    private static func paragraphs(of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in scalars.indices where scalars[index] == "\n" {
            if index > start { result.append(start..<index) }
            start = index + 1
        }
        if start < scalars.count { result.append(start..<scalars.count) }
        return result
    }
}
