import Foundation
import Testing

/// A tables file that prints no year, through the built binary: import names it and the
/// command that says its year; `identify` says it; `import --year` says it up front.
@Suite struct IdentifyCommandTests {
    static let tables = """
        收支预算总表
        公开表一
        部门：  中共某某县委办公室                        单位：万元
        一、财政拨款     1,234.56  一、一般公共服务支出   1,000.00
        一般公共预算支出预算表
        部门：中共某某县委办公室                          单位：万元
        2010201  行政运行   800.00
        2013101  行政运行   200.00
        政府采购预算表
        """

    static func tablesFile(in store: TemporaryStore) throws -> String {
        try FileManager.default.createDirectory(atPath: store.path + "-files", withIntermediateDirectories: true)
        let path = store.path + "-files/tables.txt"
        try Self.tables.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importSuggestsIdentifyAndIdentifySaysTheYear() throws {
        let store = try TemporaryStore()
        let file = try Self.tablesFile(in: store)
        defer { try? FileManager.default.removeItem(atPath: store.path + "-files") }
        let imported = try run(["import", file], store: store)
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("warning: imported \(file)"))
        let hash = try #require(imported.stderr.range(of: #"history identify ([0-9a-f]{12}) --year YYYY"#, options: .regularExpression))
            .lowerBound
        let suggested = String(imported.stderr[hash...].dropFirst("history identify ".count).prefix(12))

        #expect(try run(["identify", suggested], store: store).status != 0)   // says nothing
        #expect(try run(["identify", suggested, "--kind", "budget"], store: store).status != 0)
        let identified = try run(["identify", suggested, "--year", "2019"], store: store)
        #expect(identified.status == 0)
        #expect(identified.stdout.hasPrefix("\(suggested)  tables.txt is now 中共某某县委办公室 2019 部门预算 (events 3, 4)"))
        #expect(try run(["units"], store: store).stdout.contains("中共某某县委办公室  2019 部门预算"))
        let log = try run(["log"], store: store).stdout
        #expect(log.contains("DocumentIdentified  \(suggested)  said: history identify --year 2019"))
    }

    @Test func importSaysItUpFront() throws {
        let store = try TemporaryStore()
        let file = try Self.tablesFile(in: store)
        defer { try? FileManager.default.removeItem(atPath: store.path + "-files") }
        let imported = try run(["import", file, "--year", "2019", "--kind", "部门预算"], store: store)
        #expect(imported.status == 0 && !imported.stderr.contains("warning: imported"))
        #expect(imported.stderr.contains("中共某某县委办公室 2019"))
        let again = try run(["import", file, "--year", "2018"], store: store)
        #expect(again.stderr.contains("already imported") && again.stderr.contains("history identify"))
        #expect(try run(["import", file, "--year", "19"], store: store).status != 0)
    }
}
