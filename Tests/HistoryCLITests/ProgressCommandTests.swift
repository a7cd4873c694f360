import Foundation
import History
import Testing

/// `history import`'s progress through the built binary: a bar redrawn in place on a terminal
/// (a pseudo-terminal from util-linux `script`) that fits its width, plain lines in a log.
@Suite struct ProgressCommandTests {
    @Test func onATerminalTheBarIsRedrawnWithinTheWidth() throws {
        let store = try TemporaryStore()
        let files = HistoryCLITests.corpusFiles
        let command = "stty cols 50; '\(try historyBinary())' import --store '\(store.path)' " + files.map { "'\($0)'" }.joined(separator: " ")
        let result = try execute("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(result.status == 0, "\(result.stdout)")
        let screen = result.stdout.replacingOccurrences(of: "\u{1B}[K", with: "")
        let bars = screen.components(separatedBy: CharacterSet(charactersIn: "\r\n")).filter { $0.hasPrefix("import [") }
        #expect(bars.count >= files.count, "\(screen)")
        for bar in bars { #expect(DisplayWidth.of(bar) <= 49, "wider than the terminal: \(bar)") }
        #expect(bars.last?.contains("2/2") == true && bars.last?.contains("done in") == true)
        // The files' own lines scroll above the bar: the second clears the first file's bar.
        #expect(screen.contains("[1/2] imported ") && screen.contains("\r[2/2] imported ") && screen.contains("2 imported, 0 already imported"))
    }

    @Test func inALogTheLastLineSaysCountRateAndTime() throws {
        let store = try TemporaryStore()
        let result = try run(["import"] + HistoryCLITests.corpusFiles, store: store)
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("import: 2/2 documents, ") && last.contains("done in"), "\(result.stderr)")
        #expect(!result.stderr.contains("\r"))
        #expect(try run(["import", "--quiet"] + HistoryCLITests.corpusFiles, store: store).stderr.isEmpty)
    }
}
