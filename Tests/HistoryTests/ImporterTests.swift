import Disclosure
import EventLog
import Foundation
import Testing
@testable import History

@Suite struct ImporterTests {
    @Test func importingTheSameBytesTwiceAppendsNothing() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let first = Importer(store: store).importFiles(Corpus.paths)
        #expect(first.count == 2)
        #expect(first.allSatisfy { if case .imported = $0 { true } else { false } })
        let copy = try directory.file("renamed.txt", Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.paths[0]))))
        let second = Importer(store: store).importFiles(Corpus.paths + [copy])
        #expect(second.allSatisfy { if case .alreadyImported = $0 { true } else { false } })
        try store.read { txn throws in
            #expect(try store.log.count(in: txn) == 4)
            #expect(try store.log.blobCount(in: txn) == 2)
            let types = try store.events(in: txn).map(\.event.type)
            #expect(types == [.documentImported, .documentParsed, .documentImported, .documentParsed])
        }
    }

    @Test func theStoredBytesAreTheFileBytes() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.paths[1])))
        Importer(store: store).importFiles([Corpus.paths[1]])
        #expect(try store.read { try store.log.blob(ContentHash(of: original), in: $0) } == original)
    }

    @Test func importingPastATinyMapGrowsIt() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true, mapSize: 64 << 10)
        let base = Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.paths[1])))
        let paths = try (0..<30).map { index in try directory.file("doc\(index).txt", base + Array("\n第\(index)份\n".utf8)) }
        let outcomes = Importer(store: store, batchDocuments: 7).importFiles(paths)
        #expect(outcomes.map(\.path) == paths)
        #expect(outcomes.allSatisfy { if case .imported = $0 { true } else { false } })
        #expect(try store.read { try store.log.count(in: $0) } == 60)
        #expect(store.environment.info.mapSize > 64 << 10)
    }

    @Test func gb18030TextIsDecodedAndItsEncodingRecorded() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let path = try directory.file("gbk.txt", [0xCE, 0xE4, 0xB2, 0xFD, 0xC7, 0xF8, 0x0A])
        Importer(store: store).importFiles([path])
        let parsed = try store.read { try store.events(in: $0) }.compactMap { event -> DocumentParsed? in
            if case .documentParsed(let parsed) = event.event { parsed } else { nil }
        }
        #expect(parsed.map(\.textEncoding) == ["GB18030"])
    }

    @Test func anUndecodableFileIsKeptWithTheReason() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        let path = try directory.file("scan.txt", png)
        let outcome = try #require(Importer(store: store).importFiles([path]).first)
        guard case .imported(_, _, .failed(let reason)) = outcome else {
            Issue.record("expected an import with a failed parse, got \(outcome)")
            return
        }
        #expect(reason.contains("PNG"))
        try store.read { txn throws in
            #expect(try store.log.blob(ContentHash(of: png), in: txn) == png)
            let record = try store.projection(DocumentsProjection.self)?.record(ContentHash(of: png).hex, in: txn)
            #expect(record?.parseFailed == true)
        }
    }

    @Test func aMissingFileOrPdftotextImportsNothingAndSaysWhy() throws {
        let directory = try StoreDirectory()
        let store = try Store(path: directory.path + "/s", create: true)
        let pdf = try directory.file("report.pdf", Array("%PDF-1.4\n".utf8))
        let importer = Importer(store: store, pdf: PDFTextExtractor(searchPath: [directory.path]))
        let outcomes = importer.importFiles([directory.path + "/absent.txt", pdf])
        #expect(outcomes == [
            .failed(path: directory.path + "/absent.txt", reason: "no such file"),
            .failed(path: pdf, reason: "pdftotext is not installed; install it with `sudo apt-get install poppler-utils`"),
        ])
        #expect(try store.read { try store.log.count(in: $0) } == 0)
    }

    @Test func aPDFIsConvertedWithPdftotext() throws {
        let directory = try StoreDirectory()
        let pdf = MinimalPDF.bytes(text: "Budget 2023 total 483.99")
        let text = try PDFTextExtractor().text(fromPDF: pdf)
        #expect(text.contains("Budget 2023 total 483.99"))
        #expect(throws: PDFTextError.self) { try PDFTextExtractor().text(fromPDF: Array("%PDF-1.4 broken".utf8)) }
        let store = try Store(path: directory.path + "/s", create: true)
        let outcome = Importer(store: store).importFiles([try directory.file("one.pdf", pdf)]).first
        if case .imported(_, _, .parsed) = outcome {} else { Issue.record("expected a parsed import, got \(String(describing: outcome))") }
    }
}

/// A one-page PDF showing one line of Helvetica text, with a correct cross-reference table.
enum MinimalPDF {
    static func bytes(text: String) -> [UInt8] {
        let stream = "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(format: "%010d 00000 n \n", offset) }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(output.utf8)
    }
}
