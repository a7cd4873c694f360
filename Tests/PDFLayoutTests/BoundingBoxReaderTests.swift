import Testing
@testable import PDFLayout

@Suite struct BoundingBoxReaderTests {
    @Test func readsPagesAndWordBoxes() throws {
        let pages = try BoundingBoxReader.pages(fromXHTML: Fixtures.xhtml("synthetic-final-account"))
        #expect(pages.count == 5)
        #expect(pages.map(\.number) == [1, 2, 3, 4, 5])
        #expect(abs(pages[0].width - 595.2756) < 0.01)
        let title = try #require(pages[1].words.first { $0.text == "年度支出决算表" })
        #expect(title.page == 2)
        #expect(title.box.xMin < title.box.xMax && title.box.yMin < title.box.yMax)
    }

    @Test func decodesEntities() throws {
        let xhtml = """
        <html xmlns="http://www.w3.org/1999/xhtml"><body><doc><page width="100" height="200">
        <word xMin="1" yMin="2" xMax="3" yMax="4">R&amp;D</word><word xMin="5" yMin="2" xMax="9" yMax="4">&lt;1&gt;</word>
        </page></doc></body></html>
        """
        let pages = try BoundingBoxReader.pages(fromXHTML: xhtml)
        #expect(pages[0].words.map(\.text) == ["R&D", "<1>"])
        #expect(pages[0].words[0].box == WordBox(xMin: 1, yMin: 2, xMax: 3, yMax: 4))
    }

    @Test func malformedXMLIsAnErrorWithItsPlace() {
        #expect(throws: PDFLayoutError.self) {
            try BoundingBoxReader.pages(fromXHTML: "<html><body><doc><page width=\"1\" height=\"1\"><word xMin=\"1")
        }
    }

    @Test func textWithoutPagesIsNotBboxOutput() {
        #expect(throws: PDFLayoutError.noPages) { try BoundingBoxReader.pages(fromXHTML: "<html><body/></html>") }
    }

    @Test func aScanSaysItNeedsOCR() throws {
        let error = #expect(throws: PDFLayoutError.self) { try Fixtures.document("scanned") }
        #expect(error == .noTextLayer(pageCount: 2))
        #expect(error?.description.contains("OCR") == true)
        #expect(error?.description.contains("no text") == true)
    }
}

@Suite struct MalformedXHTMLTests {
    @Test func mismatchedTagsAreAnError() {
        #expect(throws: PDFLayoutError.self) {
            try BoundingBoxReader.pages(fromXHTML: "<html><body><doc><page width=\"1\" height=\"1\"><word>x</page></doc></body></html>")
        }
    }
}
