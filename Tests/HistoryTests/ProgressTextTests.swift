import Foundation
import Testing
@testable import History

/// The progress bar and log line of `history import` and `replay`: count, rate, time left, and
/// a width that never exceeds the terminal's (CJK file names count two columns a character).
@Suite struct ProgressTextTests {
    let progress = ProgressText(label: "import", total: 400)

    @Test func rateAndTimeLeftComeFromTheDocumentsSoFar() {
        // 100 of 400 in 20 s: 5 a second, 300 left take 60 s.
        #expect(progress.plain(done: 100, elapsed: 20) == "import: 100/400 documents, 5.0/s, 1:00 left")
        #expect(progress.plain(done: 400, elapsed: 25) == "import: 400/400 documents, 16/s, done in 25 s")
        // Before a second has passed a rate means nothing.
        #expect(progress.plain(done: 3, elapsed: 0.4) == "import: 3/400 documents, –/s, time left unknown")
        #expect(ProgressText(label: "replay", total: 10_000).plain(done: 1, elapsed: 2, detail: "0 changed")
                == "replay: 1/10000 documents, 0.5/s, 5:33:18 left, 0 changed")
    }

    @Test func theBarFitsEveryWidthWithACJKFileName() {
        let file = "武汉市武昌区医疗保障管理委员会办公室-2024-部门决算.pdf"
        for width in [20, 40, 60, 80, 132, 200] {
            let line = progress.bar(done: 150, elapsed: 30, width: width, detail: file)
            #expect(DisplayWidth.of(line) <= width - 1, "\(width): \(line)")
            #expect(line.hasPrefix("import"))
        }
        let wide = progress.bar(done: 150, elapsed: 30, width: 132, detail: file)
        #expect(wide.contains("[###########.................")  // 150 of 400 of a 30-cell bar
                && wide.contains("150/400  5.0/s  50 s left  " + file), "\(wide)")
        let narrow = progress.bar(done: 150, elapsed: 30, width: 60, detail: file)
        #expect(narrow.contains("150/400  5.0/s  50 s left") && narrow.contains("…") && narrow.hasSuffix(".pdf"), "\(narrow)")
        // The bar keeps its size while the numbers change width.
        let before = progress.bar(done: 9, elapsed: 3, width: 80), after = progress.bar(done: 399, elapsed: 300, width: 80)
        #expect(before.firstIndex(of: "]").map { before.distance(from: before.startIndex, to: $0) }
                == after.firstIndex(of: "]").map { after.distance(from: after.startIndex, to: $0) })
    }

    @Test func shorteningKeepsBothEndsOfAName() {
        let short = ProgressText.shortened("武汉市武昌区医疗保障局-2023-final-account.txt", to: 21)
        #expect(DisplayWidth.of(short) <= 21)
        #expect(short == "武汉市武昌…ccount.txt", "\(short)")  // ten columns of each end
        #expect(ProgressText.shortened("short.txt", to: 21) == "short.txt")
    }
}
