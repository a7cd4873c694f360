/// Finds who published a disclosure and for which year. (Being written: see the narrative work.)
enum IdentityReader {
    static func read(_ source: SourceText, warnings: inout [ParseWarning]) -> DocumentIdentity {
        DocumentIdentity(unit: "", year: 0, kind: .finalAccount)
    }
}
