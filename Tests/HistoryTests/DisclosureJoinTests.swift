import Disclosure
import Testing
@testable import History

/// A disclosure published as a narrative and its tables in two files, on documents made for the
/// test: joined when they complement each other, apart when anything says otherwise.
@Suite struct DisclosureJoinTests {
    static let unitName = "江苏省某某厅"

    static func document(_ tag: String, unit: String = unitName, year: Int = 2019, kind: DisclosureKind = .budget,
                         scope: DisclosureScope = .department, facts: [Fact], sequence: UInt64) -> FiledDocument {
        FiledDocument(contentHash: fakeHash(tag), sequence: sequence, sourceName: "\(tag).pdf", disclosure: ParsedDisclosure(
            identity: DocumentIdentity(unit: unit, year: year, kind: kind, scope: scope), facts: facts, warnings: []))
    }

    static let narrative = document("narrative", facts: [
        Fact.total(.incomeTotal, "1,234.5", year: 2019, .narrative, span(20)),
        Fact.total(.operatingCostBudget, "80", year: 2019, .narrative, span(30)),
    ], sequence: 1)
    static let tables = document("tables", unit: "中共江苏省某某厅", facts: [
        Fact.total(.incomeTotal, "1,234.5", year: 2019, .table, span(14)),
        Fact.item(.functionExpenseTotal, "2010101", "行政运行", "1,000", year: 2019, .table, span(40)),
    ], sequence: 2)

    @Test func aNarrativeAndItsTablesAreOneDisclosure() throws {
        let joins = DisclosureJoin.joins([Self.narrative.card, Self.tables.card])
        let join = try #require(joins.first)
        #expect(joins.count == 1)
        #expect(join.primary == Self.narrative.contentHash && join.parts == [Self.tables.contentHash])
        #expect(join.year == 2019 && join.title == "部门预算")
        #expect(join.reasons.contains("same year and kind: each is the 2019 部门预算"))
        #expect(join.reasons.contains { $0.contains("narrative.pdf has the narrative (2 facts) and no table") && $0.contains("tables.pdf has tables (2 facts)") })
        // Totals both state, equal: the strongest evidence.
        #expect(join.reasons.contains("the narrative states income.total 1234.5 and tables.pdf's tables print it"))
    }

    /// Tables in 元 and a narrative in 万元 (上海's way, here split in two files): the same total
    /// within the 万元's rounding joins them; a total off by more keeps them apart.
    @Test func totalsPrintedInTwoMeasuresAreComparedAsMoney() throws {
        func tables(_ printed: String) -> FiledDocument {
            var income = Fact.total(.incomeTotal, printed, year: 2019, .table, span(14))
            income.measure = .yuan
            return Self.document("tables-yuan", facts: [income] + Self.tables.facts.dropFirst(), sequence: 2)
        }
        let joins = DisclosureJoin.joins([Self.narrative.card, tables("12,345,030").card])   // 1,234.503万元
        let join = try #require(joins.first)
        #expect(join.reasons.contains("the narrative states income.total 1234.5 万元 and tables-yuan.pdf's tables print it as 12345030 元"))
        #expect(DisclosureJoin.joins([Self.narrative.card, tables("12,345,060").card]).isEmpty)   // 60元 off
    }

    @Test func filesThatDoNotComplementEachOtherStayApart() {
        // Totals that disagree: two different disclosures, not one.
        var other = Self.tables
        other.disclosure.facts[0] = Fact.total(.incomeTotal, "999", year: 2019, .table, span(14))
        #expect(DisclosureJoin.joins([Self.narrative.card, other.card]).isEmpty)
        // Another year, another kind, another scope.
        #expect(DisclosureJoin.joins([Self.narrative.card, Self.document("t", year: 2018, facts: Self.tables.facts, sequence: 3).card]).isEmpty)
        #expect(DisclosureJoin.joins([Self.narrative.card, Self.document("t", kind: .finalAccount, facts: Self.tables.facts, sequence: 3).card]).isEmpty)
        #expect(DisclosureJoin.joins([Self.narrative.card, Self.document("t", scope: .unit, facts: Self.tables.facts, sequence: 3).card]).isEmpty)
        // Two narratives: which one the tables belong to is not known.
        let second = Self.document("narrative2", facts: Self.narrative.facts, sequence: 4)
        #expect(DisclosureJoin.joins([Self.narrative.card, second.card, Self.tables.card]).isEmpty)
        // A complete file (tables and narrative) is a disclosure of its own.
        let complete = Self.document("complete", facts: Self.narrative.facts + Self.tables.facts, sequence: 5)
        #expect(DisclosureJoin.joins([complete.card, Self.tables.card]).isEmpty)
    }

    /// In a timeline the year reads the facts of both files, each cited with its own file.
    @Test func aTimelineReadsBothFilesAsOneYear() throws {
        let directory = UnitDirectory(documents: [Self.narrative, Self.tables])
        #expect(directory.units.count == 1)
        let unit = try #require(directory.units.first)
        #expect(unit.joined.count == 1)
        let timeline = UnitTimeline(unit: unit.id, directory: directory, documents: [Self.narrative, Self.tables], kind: .budget)
        let year = try #require(timeline.year(2019))
        #expect(year.document?.contentHash == Self.narrative.contentHash)
        #expect(year.document?.joined.map(\.sourceName) == ["tables.pdf"])
        #expect(year.supersededDocuments.isEmpty)
        let income = try #require(year.totals.first { $0.key == .incomeTotal })
        #expect(income.sources.map(\.evidence.document) == [Self.tables.contentHash, Self.narrative.contentHash])
        #expect(year.items.map(\.code) == ["2010101"])
    }

    /// A unit's 部门预算 and 单位预算 of one year are two documents: a timeline reads the 部门 one,
    /// or the one asked for, and never files either as the other's earlier version.
    @Test func departmentAndUnitDisclosuresAreNeverEachOthersFilings() throws {
        let department = Self.document("dept", facts: Self.narrative.facts + Self.tables.facts, sequence: 1)
        let own = Self.document("unit", scope: .unit, facts: [Fact.total(.incomeTotal, "1,000", year: 2019, .table, span(14))], sequence: 2)
        let directory = UnitDirectory(documents: [department, own])
        let unit = try #require(directory.units.first).id
        let either = UnitTimeline(unit: unit, directory: directory, documents: [department, own], kind: .budget)
        #expect(either.year(2019)?.document?.contentHash == department.contentHash)
        #expect(either.year(2019)?.supersededDocuments.isEmpty == true)
        let unitOnly = UnitTimeline(unit: unit, directory: directory, documents: [department, own], kind: .budget, scope: .unit)
        #expect(unitOnly.year(2019)?.document?.contentHash == own.contentHash)
        #expect(DisclosureJoin.joins([department.card, own.card]).isEmpty)
    }

    /// check reads a joined disclosure as one: the narrative's 机关运行经费 against the tables'
    /// figure for it, though the two are printed in two files, citing each in its own file.
    @Test func checkHoldsTheNarrativeToTheTablesOfTheOtherFile() throws {
        var tables = Self.tables
        tables.disclosure.facts.append(Fact.total(.operatingCostBudget, "85", year: 2019, .table, span(60)))
        let documents = [Self.narrative, tables]
        let findings = ConsistencyCheck.run(documents: documents, directory: UnitDirectory(documents: documents))
        let finding = try #require(findings.first { $0.rule == .engine(.narrativeVsTable) })
        #expect(finding.values == [amount("85"), amount("80")])
        #expect(finding.citations.map(\.document) == [tables.contentHash, Self.narrative.contentHash])
        #expect(finding.citations.map(\.firstLine) == [60, 30])
    }
}
