import ArgumentParser
import Disclosure
import Foundation

/// Everything the parser says about each document, one line per document, so a change made for
/// speed can be checked to leave the facts identical (Tools/bench/compare-facts.sh).
struct FactsDump: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print each document's ParsedDisclosure as one line of JSON with sorted keys.")

    @OptionGroup var corpus: CorpusFiles

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let output = FileHandle.standardOutput
        for path in try corpus.list() {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let line: String
            do {
                let parsed = DisclosureParser.parse(try TextDecoder.decode(try readFile(path)).text)
                line = name + "\t" + String(decoding: try encoder.encode(parsed), as: UTF8.self)
            } catch {
                line = name + "\tfailed: \(error)"
            }
            output.write(Data((line + "\n").utf8))
        }
    }
}
