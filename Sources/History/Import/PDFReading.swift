import Disclosure

/// Which text of a PDF its facts were read from; the raw value is what
/// `DocumentParsed.textEncoding` records for the document.
public enum PDFTextPath: String, Hashable, Sendable, CaseIterable {
    /// Everything from the text PDFLayout rebuilds from word boxes (`pdftotext -bbox-layout`):
    /// line numbers are lines of that text, and every fact carries its page.
    case boxes = "pdftotext-bbox"
    /// Tables from word boxes (facts with a page), identity and narrative from `pdftotext -layout`
    /// (facts without a page, line numbers of that text): the `-layout` narrative read more, or
    /// only the `-layout` text has the title with the unit and year.
    case boxesWithLayoutNarrative = "pdftotext-bbox+layout"
    /// Everything from `pdftotext -layout` (no pages): the word boxes could not be read, or they
    /// gave no table fact where the `-layout` text gives some.
    case layout = "pdftotext"
}

/// A PDF's disclosure as the importer records it, chosen from the parses of its two texts:
/// the word-box text for tables (positions beat `-layout`'s guessing), `-layout` as the
/// fallback and for the narrative where it reads more, and a `pdf-paths-disagree` warning for
/// each table figure the two texts read differently.
///
/// Pure: the texts were extracted and parsed before.
struct PDFReading: Sendable {
    var parsed: ParsedDisclosure
    var path: PDFTextPath

    /// - Parameters:
    ///   - boxes: the parse of the interchange text, nil when the word boxes could not be read.
    ///   - layout: the parse of the `pdftotext -layout` text.
    init(boxes: PagedParse?, layout: ParsedDisclosure) {
        let layoutTables = layout.facts.filter { $0.origin == .table }
        guard let boxes, boxes.parsed.facts.contains(where: { $0.origin == .table }) || layoutTables.isEmpty else {
            (parsed, path) = (layout, .layout)
            return
        }
        var parsed = boxes.parsed
        // Word boxes drop running headers, and with them the only title some PDFs print: the
        // narrative read without a year is then the -layout text's, which has it.
        let identityFromLayout = !Self.isComplete(parsed.identity) && Self.isComplete(layout.identity)
        var boxTables = parsed.facts.filter { $0.origin == .table }
        if identityFromLayout, parsed.identity.year == 0 {
            // Table facts were dated against year 0 (a previous-year column as -1): date them
            // against the year the -layout text found.
            boxTables = boxTables.map { fact in
                var fact = fact
                fact.year += layout.identity.year
                return fact
            }
            parsed.facts = boxTables + parsed.facts.filter { $0.origin != .table }
        }
        let layoutNarrative = layout.facts.filter { $0.origin != .table }
        if identityFromLayout || layoutNarrative.count > parsed.facts.count - boxTables.count {
            if identityFromLayout { parsed.identity = layout.identity }
            parsed.facts = boxTables + layoutNarrative
            // Warnings without a place are about the identity; -layout's own table warnings go with its tables.
            parsed.warnings = parsed.warnings.filter { warning in
                warning.source.map { boxes.tableLines.contains($0.firstLine) } ?? !identityFromLayout
            } + layout.warnings.filter { warning in
                guard let span = warning.source else { return identityFromLayout }
                if [.tableMissing, .unreadableRow, .unmappedCell].contains(warning.rule) { return false }
                return !layoutTables.contains { $0.source.firstLine <= span.lastLine && span.firstLine <= $0.source.lastLine }
            }
            path = .boxesWithLayoutNarrative
        } else {
            path = .boxes
        }
        parsed.warnings += Self.disagreements(boxes: boxTables, layout: layoutTables)
        self.parsed = parsed
    }

    private static func isComplete(_ identity: DocumentIdentity) -> Bool { !identity.unit.isEmpty && identity.year != 0 }

    /// A warning for each table figure (same key, code, year and measure; same name where there
    /// is no code) that both texts read, with different values.
    static func disagreements(boxes: [Fact], layout: [Fact]) -> [ParseWarning] {
        func slot(_ fact: Fact) -> String {
            [fact.key.rawValue, fact.code ?? "", String(fact.year), fact.measure.rawValue, fact.code == nil ? fact.name ?? "" : "",
             fact.project ?? ""]
                .joined(separator: "|")
        }
        var layoutBySlot: [String: [Fact]] = [:]
        for fact in layout { layoutBySlot[slot(fact), default: []].append(fact) }
        var boxesBySlot: [String: [Fact]] = [:]
        var order: [String] = []
        for fact in boxes {
            let slot = slot(fact)
            if boxesBySlot[slot] == nil { order.append(slot) }
            boxesBySlot[slot, default: []].append(fact)
        }
        return order.compactMap { slot -> ParseWarning? in
            let fromBoxes = boxesBySlot[slot]!
            guard let fromLayout = layoutBySlot[slot], Set(fromBoxes.map(\.value)) != Set(fromLayout.map(\.value)) else { return nil }
            let first = fromBoxes[0]
            let what = [first.key.rawValue, first.code ?? first.name, String(first.year)].compactMap { $0 }.joined(separator: " ")
            return ParseWarning(
                rule: .pdfPathsDisagree,
                message: "\(what): the word boxes read \(describe(fromBoxes)), pdftotext -layout reads \(describe(fromLayout)); "
                    + "the word boxes' figure is kept, check it against the PDF",
                source: first.source)
        }
    }

    private static func describe(_ facts: [Fact]) -> String {
        facts.map { fact in
            let value: String
            switch fact.value {
            case .amount(let amount): value = amount.description
            case .text(let text): value = "“\(text)”"
            case .none: value = "nothing"
            }
            let place = fact.source.page.map { "page \($0), " } ?? ""
            return "\(value) (\(place)line \(fact.source.firstLine))"
        }.joined(separator: " and ")
    }
}
