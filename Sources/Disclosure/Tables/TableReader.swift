/// Reads the 公开01–09表 of a disclosure (and their 预算 counterparts) into facts.
///
/// Two steps with a value between them: `TableLocator` finds each table and reads it into a
/// `LocatedTable` (columns and rows, no meaning), `TableFacts` gives each cell its key. A PDF reader
/// that builds `LocatedTable`s from word positions calls `facts(from:…)` and gets the same facts.
enum TableReader {
    static func read(_ source: SourceText, year: Int, catalogue: ClassificationCatalogue, warnings: inout [ParseWarning]) -> [Fact] {
        facts(from: locate(source), year: year, catalogue: catalogue, warnings: &warnings)
    }

    /// Every table the text has, in order of their titles.
    static func locate(_ source: SourceText) -> [LocatedTable] {
        TableLocator.locate(TableText(source))
    }

    /// The facts and warnings of located tables. A table whose year the caller does not know
    /// (`year` 0) takes the year printed in its title.
    static func facts(from tables: [LocatedTable], year: Int, catalogue: ClassificationCatalogue,
                      warnings: inout [ParseWarning]) -> [Fact] {
        var facts: [Fact] = []
        var seenCodes: Set<[UInt8]> = []
        for table in tables.map(TableReadings.settled) {
            let tableYear = year != 0 ? year : (table.titleYear ?? 0)
            TableFacts.facts(table, year: tableYear, catalogue: catalogue, into: &facts, warnings: &warnings)
            TableChecks.check(table, catalogue: catalogue, seenCodes: &seenCodes, warnings: &warnings)
        }
        return facts
    }
}
