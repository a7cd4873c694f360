import Disclosure
import Foundation
import Testing
@testable import History

/// `check` tested the way checkers are: one error of each family planted at a time into every
/// clean document the project has (the samples, the 万里街道 budgets and the real documents, PDFs
/// through the text pdftotext gives), and `check` must find that error and nothing else new.
///
/// What counts as "that error": every finding the planted text has and the clean text has not
/// names the planted place (cites its line, or names it: "the items under 20805") or states the
/// planted figure (a sum that now includes it), and at least one is of the family's rules and
/// names the place.
@Suite struct PlantedErrorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("..").standardized

    /// Every clean document's text: the text files as they are, each PDF as `pdftotext -layout` prints it.
    static let documents: [(name: String, text: String)] = {
        var documents: [(String, String)] = []
        for folder in ["Corpus", "Fixtures/budget", "Corpus/real"] {
            let directory = root.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            for name in names {
                let path = directory.appendingPathComponent(name).path
                if name.hasSuffix(".txt"), let text = try? String(contentsOfFile: path, encoding: .utf8) {
                    documents.append((name, text))
                } else if name.hasSuffix(".pdf"), let text = layoutText(path) {
                    documents.append((name, text))
                }
            }
        }
        return documents
    }()

    static func layoutText(_ path: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", "-q", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    /// The findings of one document read from `text`, as check reports them. A document whose
    /// unit or year the reader did not find is checked all the same (identity is not under test).
    static func findings(_ text: String) -> (ParsedDisclosure, [CheckFinding]) {
        var parsed = DisclosureParser.parse(text)
        if parsed.identity.unit.isEmpty { parsed.identity.unit = "试验单位" }
        if parsed.identity.year == 0 { parsed.identity.year = 2000 }
        let document = FiledDocument(contentHash: fakeHash("p"), sequence: 1, sourceName: "planted.txt", disclosure: parsed)
        return (parsed, ConsistencyCheck.run(documents: [document], directory: UnitDirectory(documents: [document])))
    }

    static func signature(_ finding: CheckFinding) -> String {
        "\(finding.rule.id)|\(finding.citations.map { "\($0.firstLine)-\($0.lastLine)" })|\(finding.message)"
    }

    struct Outcome: CustomStringConvertible {
        var document: String
        var family: String
        var line: Int
        var found: [CheckFinding]
        var strays: [CheckFinding]
        var description: String {
            "\(document) · \(family) at line \(line): found \(found.map(\.rule.id)); strays "
                + strays.map { "\($0.rule.id) \($0.citations.map(\.firstLine)) \($0.message)" }.joined(separator: " | ")
        }
    }

    /// Plants every family into every document that offers a place for it.
    static let outcomes: [Outcome] = {
        var outcomes: [Outcome] = []
        for (name, text) in documents {
            let (clean, before) = findings(text)
            let known = Set(before.map(signature))
            let lines = text.components(separatedBy: "\n")
            for error in PlantedError.all {
                var planted = lines
                guard let planting = error.plant(&planted, clean) else { continue }
                let (_, after) = findings(planted.joined(separator: "\n"))
                let new = after.filter { !known.contains(signature($0)) }
                let names = { (finding: CheckFinding) in
                    finding.citations.contains { $0.firstLine <= planting.line && planting.line <= $0.lastLine }
                        || planting.names.contains { finding.message.contains($0) }
                }
                let states = { (finding: CheckFinding) in
                    planting.figure.map { finding.message.contains($0) || finding.message.contains($0.replacingOccurrences(of: ",", with: "")) } ?? false
                }
                let found = new.filter { error.expected.contains($0.rule.id) && names($0) }
                let strays = new.filter { !names($0) && !states($0) }
                outcomes.append(Outcome(document: name, family: error.family, line: planting.line, found: found, strays: strays))
            }
        }
        return outcomes
    }()

    @Test func everyPlantedErrorIsFoundAndNothingElse() {
        #expect(Self.documents.count >= 25, "the samples, the budgets and the real documents")
        for outcome in Self.outcomes {
            #expect(!outcome.found.isEmpty && outcome.strays.isEmpty, "\(outcome)")
        }
    }

    /// Every family is planted into at least five documents of different templates.
    @Test func everyFamilyIsPlantedWidely() {
        let templates = { (name: String) -> String in
            for family in ["wuchang", "wanli", "jiangsu", "southwest", "putuo"] where name.contains(family) { return family }
            return name
        }
        for error in PlantedError.all {
            let planted = Set(Self.outcomes.filter { $0.family == error.family }.map { templates($0.document) })
            // An empty table's note can be planted away only where the narrative does not give the
            // reason too (the 普陀 PDFs and 江苏 say it in both places). Items named by 类/款/项 path
            // are read from the 武昌, 万里 and 普陀 narratives (江苏's item sentences are not read
            // into facts, 西南大学's narrative states no items). Only 武昌, 万里 and 普陀 print a year
            // in their table titles.
            let least = ["year", "wording", "empty table"].contains(error.family) ? 2 : ["names", "title year"].contains(error.family) ? 3 : 4
            #expect(planted.count >= least,
                    "\(error.family) planted into \(planted.sorted()): \(Self.outcomes.filter { $0.family == error.family })")
        }
    }
}
