import Foundation
import History
import Testing

/// Every rule `check` can report, and every note `coverage` lists, is documented in the README's
/// "Check rules", so a user filtering `--rule ID` can look it up.
@Suite struct CheckRulesDocumentedTests {
    @Test func everyRuleIdIsInTheReadme() throws {
        let readme = try String(contentsOfFile: HelpExamplesTests.repository + "/README.md", encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Check rules").dropFirst().first?
            .components(separatedBy: "\n### ").first)
        for id in CheckRule.findingIDs { #expect(section.contains("| `\(id)` |"), "\(id) has no row in README \"Check rules\"") }
        for id in CheckRule.coverageIDs { #expect(section.contains("`\(id)`"), "\(id) is not named in README \"Check rules\"") }
    }
}
