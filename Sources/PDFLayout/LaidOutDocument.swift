import Disclosure

/// A PDF read from its word boxes: pages of words, the 公开表 found by their titles, and the
/// narrative in reading order without running headers and page numbers.
///
/// Reading is pure: the input is the text `pdftotext -bbox-layout` prints, so running poppler
/// (and its timeout) belongs to the caller.
public struct LaidOutDocument: Sendable {
    public var pages: [LaidOutPage]
    public var tables: [LocatedTable]
    /// Narrative lines, top to bottom, page by page, tables and page furniture left out; a line
    /// laid out in cells (a 绩效自评表 row) has tabs between them.
    public var narrative: [PlacedText]
    /// Running headers, footers and page numbers that were dropped.
    public var furniture: [PlacedText]
    /// Pages without a single word: pictures in an otherwise textual PDF, which only OCR can read.
    public var pagesWithoutText: [Int]
    /// Narrative lines and tables in document order.
    public var blocks: [Block]

    /// One step of the document order.
    public enum Block: Hashable, Sendable {
        /// An index into `narrative`.
        case narrative(Int)
        /// An index into `tables`.
        case table(Int)
    }

    /// Reads `pdftotext -bbox-layout` output.
    ///
    /// - Throws: `PDFLayoutError.noTextLayer` when no page has a word (a scan),
    ///   `.malformedXHTML` or `.noPages` when the text is not bbox-layout XHTML.
    public init(bboxXHTML: String) throws {
        try self.init(pages: BoundingBoxReader.pages(fromXHTML: bboxXHTML))
    }

    /// Reads pages of words already parsed.
    public init(pages: [LaidOutPage]) throws {
        guard !pages.isEmpty else { throw PDFLayoutError.noPages }
        guard pages.contains(where: { !$0.words.isEmpty }) else { throw PDFLayoutError.noTextLayer(pageCount: pages.count) }
        self.pages = pages
        pagesWithoutText = pages.filter(\.words.isEmpty).map(\.number)
        let linesByPage = pages.map { VisualLine.group($0.words) }
        let furnitureIndices = PageFurniture.find(in: linesByPage, pageHeights: pages.map(\.height), pageWidths: pages.map(\.width))
        furniture = []
        var content: [VisualLine] = []
        for (pageIndex, lines) in linesByPage.enumerated() {
            for (index, line) in lines.enumerated() {
                if furnitureIndices[pageIndex].contains(index) { furniture.append(PlacedText(line)) } else { content.append(line) }
            }
        }
        var scan = DocumentScan()
        for line in TableTitle.joiningWrappedTitles(content) { scan.take(line) }
        scan.close()
        tables = scan.tables
        narrative = scan.narrative
        blocks = scan.blocks
    }
}

/// Walks the content lines once, opening a table region at each title and closing it where
/// the table ends, so each line is either narrative or part of exactly one table.
private struct DocumentScan {
    var tables: [LocatedTable] = []
    var narrative: [PlacedText] = []
    var blocks: [LaidOutDocument.Block] = []
    private var region: TableRegion?
    private var bodyPages: Set<Int> = []
    private var lastPage = 0

    mutating func take(_ line: VisualLine) {
        defer { lastPage = line.page }
        if let kind = TableTitle.kind(of: line) {
            // The same title again (a （续） aside) at the top of the next page continues the table.
            if let open = region, open.kind == kind, open.hasBody, line.page != lastPage,
               TableTitle.fold(open.title.compactText) == TableTitle.fold(line.compactText) { return }
            close()
            region = TableRegion(kind: kind, title: line)
            return
        }
        if TableTitle.isPublicNumber(line), region.map({ $0.hasBody || $0.openedByNumber }) ?? true {
            // A 公开NN表 above a title ends the table before it and opens one of its own, by its
            // number, in case the title names no table Disclosure knows (财政拨款支出预算表（功能科目）);
            // a title it knows closes this one again at once, and the marker stays narrative.
            close()
            if let kind = TableTitle.publicNumber(in: line.compactText).flatMap(TableKind.init(standardFormNumber:)) {
                region = TableRegion(kind: kind, title: line, openedByNumber: true)
            } else {
                addNarrative(line)
            }
            return
        }
        guard var open = region else { return addNarrative(line) }
        if ends(open, at: line) {
            close()
            return addNarrative(line)
        }
        if open.lines.isEmpty, TableTitle.isCaption(line) || (open.openedByNumber && line.compactText.unicodeScalars.contains("表")) {
            open.captions.append(line)
        } else if open.hasBody, !bodyPages.contains(line.page), open.headerTexts.contains(line.compactText) {
            // A header repeated on a continuation page: already known, not a row.
        } else {
            if TableRegion.isBody(line) { open.hasBody = true; bodyPages.insert(line.page) }
            if !open.hasBody { open.headerTexts.insert(line.compactText) }
            open.lines.append(line)
        }
        region = open
    }

    /// A note (注：…), a sentence, or the next part's heading ends a table.
    private func ends(_ region: TableRegion, at line: VisualLine) -> Bool {
        let compact = line.compactText
        if compact.hasPrefix("注") && !region.lines.isEmpty { return true }
        if compact.unicodeScalars.contains(where: { $0 == "。" || $0 == "，" }) { return true }
        // A heading of explanations (其他相关情况说明, 一、…“三公”经费预算情况说明) below a table's
        // figures, often on the next page: no row of a table is named …说明.
        if region.hasBody, compact.hasSuffix("说明"), !TableRegion.isBody(line) { return true }
        if compact.hasPrefix("第"), let part = compact.range(of: "部分"), compact.distance(from: compact.startIndex, to: part.lowerBound) <= 4 {
            return true
        }
        return false
    }

    mutating func close() {
        guard let open = region else { return }
        region = nil
        bodyPages = []
        if let table = TableGridBuilder.build(open) {
            tables.append(table)
            blocks.append(.table(tables.count - 1))
        } else {
            // A title with no table under it (a heading that names a table): plain narrative.
            for line in [open.title] + open.captions + open.lines { addNarrative(line) }
        }
    }

    private mutating func addNarrative(_ line: VisualLine) {
        narrative.append(PlacedText(text: line.cellText, page: line.page, box: line.box))
        blocks.append(.narrative(narrative.count - 1))
    }
}
