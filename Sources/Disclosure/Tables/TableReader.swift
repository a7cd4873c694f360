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
        var firstFact: [Int] = []     // index into `facts` of each table's first fact
        let tables = tables.map(TableReadings.settled)
        for table in tables {
            let tableYear = year != 0 ? year : (table.titleYear ?? 0)
            firstFact.append(facts.count)
            TableFacts.facts(table, year: tableYear, catalogue: catalogue, into: &facts, warnings: &warnings)
            TableChecks.check(table, catalogue: catalogue, seenCodes: &seenCodes, warnings: &warnings)
            TableIdentities.checkRows(table, warnings: &warnings)
        }
        TableIdentities.checkAcross(facts[...], tableOf: { index in firstFact.lastIndex { $0 <= index } ?? 0 },
                                    title: { tables[$0].title }, warnings: &warnings)
        return facts
    }
}
