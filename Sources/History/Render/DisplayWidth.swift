/// How many terminal columns a string takes: two for East Asian Wide and Fullwidth characters,
/// none for combining marks and zero-width characters, one otherwise.
///
/// A small table of the Unicode East Asian Width ranges that occur in disclosures and their
/// neighbours (CJK, Hangul, full-width forms, CJK punctuation); scalars, not Characters, so it
/// stays fast.
public enum DisplayWidth {
    /// Columns of `text`; ANSI colour sequences (ESC [ … m) take none, so styled cells align.
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar.value >= 0x40 && scalar.value <= 0x7E && scalar != "[" { inEscape = false }
                continue
            }
            if scalar.value == 0x1B { inEscape = true; continue }
            width += of(scalar)
        }
        return width
    }

    /// `text` as it is when it takes at most `width` columns; else its longest start that does,
    /// followed by "…" (one column more).
    public static func clip(_ text: String, to width: Int) -> String {
        var used = 0
        var result = ""
        for scalar in text.unicodeScalars {
            used += of(scalar)
            if used > width { return result + "…" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (value >= 0x7F && value < 0xA0) ? 0 : 1 }
        if isZeroWidth(value) { return 0 }
        return isWide(value) ? 2 : 1
    }

    static func isZeroWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF: true
        default: false
        }
    }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,       // Hangul Jamo initials
             0x231A...0x231B, 0x2329...0x232A,
             0x2E80...0x303E,       // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」)
             0x3041...0x33FF,       // Hiragana, Katakana, Bopomofo, CJK compatibility
             0x3400...0x4DBF,       // CJK extension A
             0x4E00...0x9FFF,       // CJK unified ideographs
             0xA000...0xA4CF,       // Yi
             0xA960...0xA97F,
             0xAC00...0xD7A3,       // Hangul syllables
             0xF900...0xFAFF,       // CJK compatibility ideographs
             0xFE10...0xFE19, 0xFE30...0xFE6F,   // vertical and small forms
             0xFF00...0xFF60,       // full-width forms (（），：％)
             0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// `text` padded with spaces to `width` columns; text already wider is returned as is.
    public static func pad(_ text: String, to width: Int, alignment: TextTable.Alignment = .left) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let padding = String(repeating: " ", count: missing)
        return alignment == .left ? text + padding : padding + text   // decimal cells are right-aligned
    }
}

/// Rows of text cells laid out in columns that line up whatever mix of CJK and Latin they hold.
public struct TextTable: Sendable {
    /// `decimal` right-aligns numbers on their decimal point: a column where 1,450.00 stands
    /// above 1,331.2677 (a figure printed in 元, shown exactly in 万元) reads digit by digit.
    public enum Alignment: Sendable { case left, right, decimal }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment

        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines, each starting with `indent`, columns two spaces apart, no trailing
    /// spaces. `style` styles the header (after widths are measured, so escapes never count).
    public func lines(indent: String = "", style: TextStyle = .plain) -> [String] {
        var widths = columns.map { DisplayWidth.of($0.title) }
        let rows = decimalAligned()
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String], header: Bool) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let isLast = index == columns.count - 1
                let padded = isLast && column.alignment == .left ? cell : DisplayWidth.pad(cell, to: widths[index], alignment: column.alignment)
                parts.append(header ? style.dim(padded) : padded)
            }
            var text = indent + parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return [line(columns.map(\.title), header: true)] + rows.map { line($0, header: false) }
    }

    /// The rows with each `decimal` column's cells padded on the right so their decimal points
    /// fall in one column: a cell with fewer decimals gets spaces for the missing ones, a whole
    /// number (0) as many as the widest fraction plus its point; a cell with no digit (—) stays
    /// right-aligned.
    private func decimalAligned() -> [[String]] {
        var rows = rows
        for (index, column) in columns.enumerated() where column.alignment == .decimal {
            let fractions = rows.map { index < $0.count ? Self.fractionWidth($0[index]) : nil }
            guard let widest = fractions.compactMap({ $0 }).max() else { continue }
            for (row, fraction) in zip(rows.indices, fractions) where index < rows[row].count {
                let hasDigit = rows[row][index].unicodeScalars.contains { $0.properties.numericType != nil }
                let missing = fraction.map { widest - $0 } ?? (hasDigit ? widest + 1 : 0)
                if missing > 0 { rows[row][index] += String(repeating: " ", count: missing) }
            }
        }
        return rows
    }

    /// Columns after the last decimal point of a number (`31%` of -5.31%), nil without one.
    private static func fractionWidth(_ cell: String) -> Int? {
        guard let point = cell.lastIndex(of: "."), cell[..<point].last?.isNumber == true else { return nil }
        return DisplayWidth.of(cell[cell.index(after: point)...])
    }
}
