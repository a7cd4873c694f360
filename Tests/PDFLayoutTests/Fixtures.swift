import Foundation
@testable import PDFLayout

/// The committed test PDFs' `pdftotext -bbox-layout` output (Tests/Fixtures/pdf/, written by
/// Tools/pdf/make-test-pdfs.py), read from the source tree so tests need no poppler.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/pdf")

    static func xhtml(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("\(name).bbox.xhtml"), encoding: .utf8)
    }

    static func document(_ name: String) throws -> LaidOutDocument {
        try LaidOutDocument(bboxXHTML: xhtml(name))
    }

    /// A row as `code | name | figures…` texts, for comparing with rows written by hand.
    static func texts(_ row: GridRow, _ section: TableSection, _ table: LocatedTable) -> [String] {
        let plain = section.columns.filter { table.columns[$0].role != .code && table.columns[$0].role != .codePart }
        return [row.code ?? ""] + plain.map { row.text($0) }
    }
}
