import Disclosure
import Testing
@testable import History

/// The items and 专项 of the 江苏 政府采购预算表, written by hand from the PDF pages (page numbers
/// as printed at the foot of each page), read through the real importer.
@Suite struct RealProcurementTests {
    /// One line of the table as printed: the key, the name (物品 or 经济科目), its 专项, the 总计.
    struct Line: Hashable, CustomStringConvertible {
        var key: FactKey
        var name: String?
        var project: String?
        var value: String
        var description: String { "\(key.rawValue) \(name ?? "-") | \(project ?? "-") \(value)" }
        init(_ key: FactKey, _ name: String?, _ project: String?, _ value: String) {
            self.key = key
            self.name = name
            self.project = project
            self.value = value
        }
    }

    static func missing(_ lines: [Line], in document: String) throws -> [String] {
        let parsed = try RealDocumentFactsTests.parse(document)
        let read = Set(parsed.facts.filter { $0.origin == .table && $0.key.rawValue.hasPrefix("procurement.") }
            .map { "\($0.key.rawValue) \($0.name ?? "-") | \($0.project ?? "-") \($0.amount!)" })
        return lines.filter { !read.contains("\($0.key.rawValue) \($0.name ?? "-") | \($0.project ?? "-") \(Amount(parsing: $0.value)!)") }
            .map(\.description)
    }

    // 江苏省人大常委会办公厅 2017 部门预算, PDF pages 20–21 (no printed numbers; 2017 年政府采购预算表): item names
    // wrapped over two lines around a centred figure (台式计算机 / （20 万以下）).
    @Test func npcStandingCommittee2017() throws {
        let lines: [Line] = [
            .init(.procurementTotal, nil, nil, "2247.85"),
            .init(.procurementGoods, nil, nil, "59.00"),
            .init(.procurementProject, "办公设备购置", "办公设备购置费", "59.00"),
            .init(.procurementItem, "台式计算机（20 万以下）", "办公设备购置费", "10.00"),
            .init(.procurementItem, "便携式计算机（20 万以下）", "办公设备购置费", "14.00"),
            .init(.procurementItem, "其他办公设备", "办公设备购置费", "8.00"),
            .init(.procurementItem, "图书和档案", "办公设备购置费", "4.00"),
            .init(.procurementItem, "家具用具", "办公设备购置费", "23.00"),
            .init(.procurementServices, nil, nil, "2188.85"),
            .init(.procurementProject, "公务用车运行维护费", "交通运行费", "183.60"),
            .init(.procurementItem, "车辆维修和保养服务", "交通运行费", "183.60"),
            .init(.procurementProject, "物业管理费", "综合管理费", "456.00"),
            .init(.procurementItem, "空调、电梯维修和保养服务", "综合管理费", "300.00"),
        ]
        #expect(try Self.missing(lines, in: "jiangsu-npc-standing-committee-office-2017-dept-budget.pdf") == [])
    }

    // 江苏省人民检察院 2017 部门预算, pages 16–17 (十二、政府采购支出预算表): every line adds up,
    // 其他计算机设备及软 / 件 wrapped around its figure included.
    @Test func procuratorate2017AddsUp() throws {
        let parsed = try RealDocumentFactsTests.parse("jiangsu-procuratorate-2017-dept-budget.pdf")
        #expect(!parsed.warnings.contains { $0.rule == .sumMismatch && $0.message.contains("政府采购") })
        let names = Set(parsed.facts.filter { $0.key == .procurementItem }.compactMap(\.name))
        #expect(names.contains("其他计算机设备及软件"))
    }

    // 江苏省人民检察院 2018 部门预算, pages 20–22 (公开12表): a 专项 name wrapped over three
    // lines, a second 经济科目 of one 专项, item names wrapped over three lines.
    @Test func procuratorate2018() throws {
        let project = "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费"
        let lines: [Line] = [
            .init(.procurementTotal, nil, nil, "3096.24"),
            .init(.procurementGoods, nil, nil, "268.00"),
            .init(.procurementProject, "信息网络及软件购置更新", project, "60.00"),
            .init(.procurementItem, "PC 服务器", project, "40.00"),
            .init(.procurementItem, "交换设备", project, "20.00"),
            .init(.procurementProject, "专用设备购置", project, "40.00"),
            .init(.procurementItem, "政法、检测专用设备", project, "20.00"),
            .init(.procurementItem, "其他专用设备", project, "20.00"),
            .init(.procurementProject, "办公设备购置", "办公、办案设备更新购置费", "146.00"),
            .init(.procurementItem, "台式计算机（20 万以上）", "办公、办案设备更新购置费", "27.00"),
            .init(.procurementItem, "便携式计算机（20 万以下）", "办公、办案设备更新购置费", "16.00"),
            .init(.procurementItem, "其他办公设备", "办公、办案设备更新购置费", "60.00"),
            .init(.procurementItem, "空调机（总预算 20 万以下）", "办公设备购置", "7.40"),
            .init(.procurementServices, nil, nil, "2828.24"),
            .init(.procurementItem, "其他电信和信息传输服务", project, "90.00"),
            .init(.procurementProject, "租赁费", "网络运行维护费", "16.00"),
            .init(.procurementItem, "空调、电梯维修和保养服务", "物业管理费", "50.00"),
            .init(.procurementItem, "环境服务", "物业管理费", "30.00"),
            // 物业管理服务 printed once in a cell merged over 部门集中采购 330.00 and 分散自行组织 20.00.
            .init(.procurementProject, "物业管理费", "物业管理费", "370.00"),
            .init(.procurementItem, "物业管理服务", "物业管理费", "330.00"),
            .init(.procurementItem, "物业管理服务", "物业管理费", "20.00"),
        ]
        #expect(try Self.missing(lines, in: "jiangsu-procuratorate-2018-dept-budget.pdf") == [])
    }
}

/// The 江苏 收支预算总表's 当年收入小计 / 当年支出小计 and the 收入预算总表's lines by source,
/// written by hand from the PDF pages.
@Suite struct RealProvincialTotalsTests {
    // 江苏省人民检察院 2017 部门预算, page 10 (一、收支预算总表) and page 11 (二、收入预算总表).
    @Test func procuratorate2017() throws {
        let parsed = try RealDocumentFactsTests.parse("jiangsu-procuratorate-2017-dept-budget.pdf")
        let lines = Set(parsed.facts.filter { $0.origin == .table }.map { "\($0.key.rawValue) \($0.amount!) p\($0.source.page ?? 0)" })
        for expected in [
            "income.total 17996.68 p10", "expense.total 17996.68 p10",
            "income.appropriation.general 17981.68 p11", "income.other 15 p11",
        ] {
            #expect(lines.contains(expected), "\(expected)")
        }
    }
}
