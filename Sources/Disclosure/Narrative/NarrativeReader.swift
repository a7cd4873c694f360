/// Reads the facts stated in the narrative. (Being written: see the narrative work.)
enum NarrativeReader {
    static func read(_ source: SourceText, identity: DocumentIdentity, catalogue: ClassificationCatalogue, warnings: inout [ParseWarning]) -> [Fact] {
        []
    }
}
