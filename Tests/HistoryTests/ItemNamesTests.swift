import Disclosure
import Testing
@testable import History

/// `item-named-differently` on a document made for it: the narrative's 类/款/项 path against the
/// names its table prints for the same figure.
@Suite struct ItemNamesTests {
    @Test func aPathIsReadWithItsLevels() throws {
        let full = try #require(ItemPath("“文化体育与传媒支出(类）-体育（款）-群众体育（项）”"))
        #expect(full.names == ["文化体育与传媒支出", "体育", "群众体育"])
        #expect(full.depths == [0, 1, 2])
        #expect(full.levels(of: "2070308") == ["207", "20703", "2070308"])
        #expect(full.levels(of: "20703") == nil)
        // A path may start at 款, its 类 said in the heading above.
        let short = try #require(ItemPath("检察（款）行政运行（项）"))
        #expect(short.depths == [1, 2] && short.levels(of: "2040101") == ["20401", "2040101"])
        #expect(ItemPath("公共安全（类）") == nil)
        #expect(ItemPath("行政运行") == nil)
    }

    static func findings(narrative: [Fact]) -> [CheckFinding] {
        let y = 2022
        let table: [Fact] = [
            .item(.functionGeneralTotal, "201", "一般公共服务支出", "100", year: y, .table, span(40)),
            .item(.functionGeneralTotal, "20103", "政府办公厅（室）及相关机构事务", "100", year: y, .table, span(41)),
            .item(.functionGeneralTotal, "2010301", "行政运行", "60", year: y, .table, span(42)),
            .item(.functionGeneralTotal, "2010302", "一般行政管理事务", "40", year: y, .table, span(43)),
            .item(.functionGeneralTotal, "224", "灾害防治及应急管理支出", "40", year: y, .table, span(44)),
            .item(.functionGeneralTotal, "22401", "应急管理事务", "40", year: y, .table, span(45)),
            .item(.functionGeneralTotal, "2240106", "安全监管", "40", year: y, .table, span(46)),
        ]
        let parsed = ParsedDisclosure(identity: DocumentIdentity(unit: "某县应急管理局", year: y, kind: .finalAccount),
                                      facts: table + narrative, warnings: [])
        let document = FiledDocument(contentHash: fakeHash("names"), sequence: 1, sourceName: "names.txt", disclosure: parsed)
        return ConsistencyCheck.run(documents: [document], directory: UnitDirectory(documents: [document]))
            .filter { $0.rule == .engine(.itemNamedDifferently) }
    }

    static func sentence(_ name: String, _ value: String, line: Int = 10) -> Fact {
        Fact(key: .functionActual, year: 2022, name: name, value: .amount(amount(value)), origin: .narrative, source: span(line))
    }

    @Test func aLevelTheNarrativeNamesOtherwiseIsFound() throws {
        let found = Self.findings(narrative: [Self.sentence("一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）", "60")])
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.message.hasPrefix("201: the narrative names it “一般公共服务”"))
        #expect(finding.message.contains("the table “一般公共服务支出”"))
        #expect(finding.citations.map(\.firstLine) == [10, 40])
        #expect(finding.severity == .warning)
    }

    @Test func theSameNamesOrAnotherItemAreLeftAlone() {
        // As the table names it, spaces aside.
        #expect(Self.findings(narrative: [Self.sentence("一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政 运行（项）", "60")]).isEmpty)
        // 40 is 一般行政管理事务's figure and 安全监管's, but no name of this path is either's: another item.
        #expect(Self.findings(narrative: [Self.sentence("其他支出（类）其他支出（款）其他支出（项）", "40")]).isEmpty)
        // Two items of that figure share one name each with the path: which one is meant is not known.
        #expect(Self.findings(narrative: [Self.sentence("一般公共服务支出（类）应急管理事务（款）其他（项）", "40")]).isEmpty)
    }
}
