import ArgumentParser
import Disclosure
import Foundation

/// Parse only: decode and parse every document on one thread, as `history import` does before
/// it appends; reading the files is timed apart, so the figure is the parser's, per core.
struct ParseBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Decode and parse every document on one core; report documents/s and MB/s.")

    @OptionGroup var corpus: CorpusFiles

    @Option(help: "How many times to parse the whole corpus; figures are the median run.")
    var runs = 3

    func run() throws {
        let files = try corpus.list()
        let clock = ContinuousClock()
        var parseSeconds: [Double] = [], readSeconds: [Double] = []
        var bytes = 0, facts = 0, warnings = 0, failures = 0
        for run in 1...max(1, runs) {
            var parsing = Duration.zero, reading = Duration.zero
            bytes = 0; facts = 0; warnings = 0; failures = 0
            for path in files {
                let readStart = clock.now
                let content = try readFile(path)
                let parseStart = clock.now
                reading += parseStart - readStart
                do {
                    let parsed = DisclosureParser.parse(try TextDecoder.decode(content).text)
                    facts += parsed.facts.count
                    warnings += parsed.warnings.count
                } catch {
                    failures += 1
                }
                parsing += clock.now - parseStart
                bytes += content.count
            }
            parseSeconds.append(parsing.seconds)
            readSeconds.append(reading.seconds)
            note(String(format: "parse run %d: %d documents, %.1f MB in %.3f s (read %.3f s) = %.0f documents/s",
                        run, files.count, Double(bytes) / 1e6, parsing.seconds, reading.seconds,
                        Double(files.count) / parsing.seconds))
        }
        let seconds = median(parseSeconds)
        emit([
            "measure": "parse", "documents": files.count, "bytes": bytes, "facts": facts, "warnings": warnings,
            "failures": failures, "runs": parseSeconds.count, "seconds": seconds, "read_seconds": median(readSeconds),
            "documents_per_second": Double(files.count) / seconds, "mb_per_second": Double(bytes) / 1e6 / seconds,
            "ms_per_document": seconds * 1000 / Double(max(1, files.count)),
            "facts_per_second": Double(facts) / seconds,
        ])
    }
}
