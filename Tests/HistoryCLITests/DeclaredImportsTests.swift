import Foundation
import Testing

/// Every module a target imports is declared in Package.swift (issue 19): a module used without
/// being declared builds only while another target happens to pull it in.
@Suite struct DeclaredImportsTests {
    @Test func everyImportIsDeclared() throws {
        let result = try execute("/usr/bin/env", ["python3", HelpExamplesTests.repository + "/Tools/architecture/undeclared-imports.py",
                                                 HelpExamplesTests.repository])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
