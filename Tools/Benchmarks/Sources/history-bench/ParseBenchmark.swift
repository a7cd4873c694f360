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
        var parseSeconds: [Double] = [], readSeconds: [Double] = [], cpuSeconds: [Double] = []
        var bytes = 0, facts = 0, warnings = 0, failures = 0
        for run in 1...max(1, runs) {
            var parsing = Duration.zero, reading = Duration.zero
            bytes = 0; facts = 0; warnings = 0; failures = 0
            var cpu = 0.0
            for path in files {
                let readStart = clock.now
                let content = try readFile(path)
                let parseStart = clock.now
                let cpuStart = threadCPUSeconds()
                reading += parseStart - readStart
                do {
                    let parsed = DisclosureParser.parse(try TextDecoder.decode(content).text)
                    facts += parsed.facts.count
                    warnings += parsed.warnings.count
                } catch {
                    failures += 1
                }
                parsing += clock.now - parseStart
                cpu += threadCPUSeconds() - cpuStart
                bytes += content.count
            }
            parseSeconds.append(parsing.seconds)
            readSeconds.append(reading.seconds)
            cpuSeconds.append(cpu)
            note(String(format: "parse run %d: %d documents, %.1f MB in %.3f s, %.3f s on the CPU (read %.3f s) = %.0f documents/s, %.0f per CPU second",
                        run, files.count, Double(bytes) / 1e6, parsing.seconds, cpu, reading.seconds,
                        Double(files.count) / parsing.seconds, Double(files.count) / cpu))
        }
        let seconds = median(parseSeconds)
        emit([
            "measure": "parse", "documents": files.count, "bytes": bytes, "facts": facts, "warnings": warnings,
            "failures": failures, "runs": parseSeconds.count, "seconds": seconds, "read_seconds": median(readSeconds),
            "documents_per_second": Double(files.count) / seconds, "mb_per_second": Double(bytes) / 1e6 / seconds,
            "ms_per_document": seconds * 1000 / Double(max(1, files.count)),
            "facts_per_second": Double(facts) / seconds, "cpu_seconds": median(cpuSeconds),
            "documents_per_cpu_second": Double(files.count) / median(cpuSeconds),
        ])
    }
}

/// CPU time this thread has used: on a shared machine wall time also counts waiting for a core.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
