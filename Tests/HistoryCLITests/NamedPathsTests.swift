import Foundation
import Testing

/// Every file or folder the README, docs/ and the command help name exists in the repository
/// (issue 19: help and README pointed to a FACTS.md that was not there).
@Suite struct NamedPathsTests {
    static let roots = ["Sources/", "Tests/", "Tools/", "docs/", "Snapshots/"]

    /// Paths written in `text`: a run of path characters that starts with one of ``roots`` (or
    /// is README.md / Package.swift), trailing punctuation dropped.
    static func paths(in text: String) -> Set<String> {
        var found: Set<String> = []
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+")
        for root in roots + ["README.md", "Package.swift"] {
            var rest = text[...]
            while let range = rest.range(of: root) {
                // Only where the path starts a word: "docs/" in "Tools/docs/x" is not a root.
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                var end = range.lowerBound
                while end < text.endIndex, let scalar = text[end].unicodeScalars.first,
                      text[end].unicodeScalars.count == 1, allowed.contains(scalar) {
                    end = text.index(after: end)
                }
                var path = String(text[range.lowerBound..<end])
                while let last = path.last, ".-_".contains(last) { path.removeLast() }
                // Not a path: a glob (Tests/Corpus/real/jiangsu-npc*2019*), a rate ("583 docs/s").
                let isGlob = end < text.endIndex && text[end] == "*"
                let isRate = path.utf8.count <= root.utf8.count + 1 && path != root
                if before.map({ !$0.isLetter && !$0.isNumber && $0 != "/" && $0 != "." }) ?? true, !isGlob, !isRate {
                    found.insert(path)
                }
                rest = text[end...]
            }
        }
        return found
    }

    @Test func everyNamedPathExists() throws {
        let repository = HelpExamplesTests.repository
        var files = ["README.md"]
        files += try FileManager.default.contentsOfDirectory(atPath: repository + "/docs").filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        files += try FileManager.default.contentsOfDirectory(atPath: repository + "/Sources/HistoryCLI").filter { $0.hasSuffix(".swift") }
            .map { "Sources/HistoryCLI/" + $0 }
        var missing: [String] = []
        var checked = 0
        for file in files {
            let text = try String(contentsOfFile: repository + "/" + file, encoding: .utf8)
            for path in Self.paths(in: text).sorted() {
                checked += 1
                if !FileManager.default.fileExists(atPath: repository + "/" + path) { missing.append("\(file) names \(path)") }
            }
        }
        #expect(checked > 40, "the scan found too few paths to mean anything")
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
    }

    @Test func theScanFindsPathsAndIgnoresWhatIsNotOne() {
        let text = "see docs/FACTS.md, Tools/bench/run.sh. and Snapshots/<Suite>/x; not MyTools/x, a/docs/y, 583 docs/s or Tests/a*b"
        #expect(Self.paths(in: text) == ["docs/FACTS.md", "Tools/bench/run.sh", "Snapshots/"])
    }
}
