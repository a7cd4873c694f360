/// Reads the 公开01–09表 of a disclosure into facts. (Being written: see the tables work.)
enum TableReader {
    static func read(_ source: SourceText, year: Int, catalogue: ClassificationCatalogue, warnings: inout [ParseWarning]) -> [Fact] {
        []
    }
}
