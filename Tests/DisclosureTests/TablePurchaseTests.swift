import Testing
@testable import Disclosure

/// The lines of a 政府采购预算表 below its kinds of purchase: items and 专项, with names wrapped
/// over lines the way PDF cells wrap them. Hand-made tables, varied from the 江苏 template.
@Suite struct TablePurchaseTests {
    struct Line: Hashable, CustomStringConvertible {
        var key: String
        var name: String?
        var project: String?
        var value: String
        var description: String { "\(key) \(name ?? "-") | \(project ?? "-") \(value)" }
        init(_ key: String, _ name: String?, _ project: String?, _ value: String) {
            self.key = key
            self.name = name
            self.project = project
            self.value = value
        }
    }

    static func read(_ text: String) -> (lines: Set<Line>, warnings: [ParseWarning]) {
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2020, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        let lines = facts.filter { $0.key.rawValue.hasPrefix("procurement.") }
            .map { Line($0.key.rawValue, $0.name, $0.project, $0.amount!.description) }
        return (Set(lines), warnings)
    }

    /// Header wrapped over two lines (采购物 / 品名称), the letter of 一、货物 in a cell of its own,
    /// items wrapped around their centred figure, a 专项 name wrapped above its line, a second
    /// 经济科目 of one 专项 on a line of its own.
    @Test func itemsAndProjectsWithWrappedNames() {
        let text = """
        2020年政府采购预算表
        单位：万元
        采购品目\t\t专项\t经济\t采购物\t采购组织\t
        大类\t\t名称\t科目\t品名称\t形式\t总计
        合计\t\t\t\t\t\t91.50
        一、货物\tA\t\t\t\t\t61.50
        \t\t设备更新经费\t办公设备购置\t\t\t41.50
        \t\t\t\t笔记本电脑\t\t
        \t\t\t\t\t政府集中采购\t30.00
        \t\t\t\t（20万以下）\t\t
        \t\t\t\t碎纸机\t分散自行组织\t11.50
        \t\t\t专用设备购置\t\t\t20.00
        \t\t\t\t检测设备（50万以\t分散自行组织\t20.00
        \t\t\t\t下）\t\t
        二、服务\tC\t\t\t\t\t30.00
        \t\t机关大楼综合\t\t\t\t
        \t\t维护经费\t物业管理费\t\t\t30.00
        \t\t\t\t物业管理服务\t部门集中采购\t30.00
        """
        let (lines, warnings) = Self.read(text)
        #expect(lines == [
            Line("procurement.total", nil, nil, "91.5"),
            Line("procurement.goods", nil, nil, "61.5"),
            Line("procurement.services", nil, nil, "30"),
            Line("procurement.project", "办公设备购置", "设备更新经费", "41.5"),
            Line("procurement.item", "笔记本电脑（20万以下）", "设备更新经费", "30"),
            Line("procurement.item", "碎纸机", "设备更新经费", "11.5"),
            Line("procurement.project", "专用设备购置", "设备更新经费", "20"),
            Line("procurement.item", "检测设备（50万以下）", "设备更新经费", "20"),
            Line("procurement.project", "物业管理费", "机关大楼综合维护经费", "30"),
            Line("procurement.item", "物业管理服务", "机关大楼综合维护经费", "30"),
        ])
        #expect(!warnings.contains { $0.rule == .unmappedCell })
    }

    /// A figure printed above its centred 专项 line takes the names right below it; a new kind
    /// of purchase ends the 专项 of the kind before.
    @Test func figureAboveItsNamesAndAKindEndsAProject() {
        let text = """
        政府采购支出预算表
        单位：万元
        采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计
        合计\t\t\t\t\t15.00
        一、货物A\t\t\t\t\t12.00
        \t\t\t\t\t12.00
        \t信息化运维经费\t办公设备购置\t\t\t
        \t\t\t路由器\t政府集中采购\t12.00
        三、服务C\t\t\t\t\t3.00
        \t\t会议费\t\t\t3.00
        \t\t\t会议服务\t分散自行组织\t3.00
        """
        let (lines, warnings) = Self.read(text)
        #expect(lines == [
            Line("procurement.total", nil, nil, "15"),
            Line("procurement.goods", nil, nil, "12"),
            Line("procurement.services", nil, nil, "3"),
            Line("procurement.project", "办公设备购置", "信息化运维经费", "12"),
            Line("procurement.item", "路由器", "信息化运维经费", "12"),
            Line("procurement.project", "会议费", nil, "3"),
            Line("procurement.item", "会议服务", nil, "3"),
        ])
        #expect(!warnings.contains { $0.rule == .unmappedCell })
    }

    /// The end of an item's name wrapped below its figure, above a 经济科目's line, stays the item's.
    @Test func nameEndBelowItsFigureAboveAnotherLine() {
        let text = """
        政府采购预算表
        单位：万元
        采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计
        合计\t\t\t\t\t9.00
        一、货物A\t\t\t\t\t9.00
        \t安防经费\t办公设备购置\t\t\t4.00
        \t\t\t视频监控设\t\t
        \t\t\t\t分散自行组织\t4.00
        \t\t\t备\t\t
        \t\t专用设备购置\t\t\t5.00
        \t\t\t门禁系统\t分散自行组织\t5.00
        """
        let (lines, warnings) = Self.read(text)
        #expect(lines == [
            Line("procurement.total", nil, nil, "9"),
            Line("procurement.goods", nil, nil, "9"),
            Line("procurement.project", "办公设备购置", "安防经费", "4"),
            Line("procurement.item", "视频监控设备", "安防经费", "4"),
            Line("procurement.project", "专用设备购置", "安防经费", "5"),
            Line("procurement.item", "门禁系统", "安防经费", "5"),
        ])
        #expect(!warnings.contains { $0.rule == .unmappedCell })
    }

    /// Items sum to their 专项, 专项 to their kind, kinds to the 合计; a line that does not is reported.
    @Test func linesAreCheckedAgainstTheLinesUnderThem() {
        let text = """
        政府采购预算表
        单位：万元
        采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计
        合计\t\t\t\t\t20.00
        一、货物A\t\t\t\t\t12.00
        \t设备经费\t办公设备购置\t\t\t12.00
        \t\t\t扫描仪\t分散自行组织\t5.00
        \t\t\t投影仪\t分散自行组织\t6.00
        三、服务C\t\t\t\t\t8.00
        \t会务经费\t会议费\t\t\t8.00
        \t\t\t会议服务\t分散自行组织\t8.00
        """
        let (_, warnings) = Self.read(text)
        let sums = warnings.filter { $0.rule == .sumMismatch }
        #expect(sums.map { $0.source?.firstLine } == [6], "\(sums.map(\.message))")
    }

    /// One item bought two ways, its name printed once in a cell merged over both lines.
    @Test func itemNamedOnceForTwoWaysOfBuying() {
        let text = """
        政府采购预算表
        单位：万元
        采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计
        合计\t\t\t\t\t7.00
        三、服务C\t\t\t\t\t7.00
        \t保洁经费\t物业管理费\t\t\t7.00
        \t\t\t\t政府集中采购\t5.00
        \t\t\t保洁服务\t分散自行组织\t2.00
        """
        let (lines, warnings) = Self.read(text)
        #expect(Set(lines.filter { $0.key == "procurement.item" }) == [
            Line("procurement.item", "保洁服务", "保洁经费", "5"),
            Line("procurement.item", "保洁服务", "保洁经费", "2"),
        ])
        #expect(!warnings.contains { $0.rule == .unmappedCell || $0.rule == .sumMismatch })
    }

    @Test func piecesThatContinueTheLineAbove() {
        #expect(PurchaseRows.continues("（20 万以下）"))
        #expect(PurchaseRows.continues("下）"))
        #expect(PurchaseRows.continues("(A)"))
        #expect(!PurchaseRows.continues("台式计算机"))
        #expect(!PurchaseRows.continues("打印设备（20"))
    }
}

extension TablePurchaseTests {
    /// A table that prints how many of each item (数量) beside the money: a count of the item.
    @Test func quantityOfAnItem() {
        let text = """
        2021年部门政府采购预算表
        单位：万元
        采购品目大类\t专项名称\t采购物品名称\t数量\t采购组织形式\t总计
        合计\t\t\t\t\t16.00
        一、货物A\t\t\t\t\t16.00
        \t办公设备购置\t\t\t\t16.00
        \t\t台式计算机\t4\t政府集中采购\t6.00
        \t\t多功能一体机\t2\t政府集中采购\t10.00
        """
        var warnings: [ParseWarning] = []
        let facts = TableReader.read(SourceText(text), year: 2021, catalogue: TableTestSupport.catalogue, warnings: &warnings)
        let counts = facts.filter { $0.key == .procurementItemQuantity }.map { "\($0.name ?? "-") \($0.amount!) \($0.measure.rawValue)" }
        #expect(Set(counts) == ["台式计算机 4 个", "多功能一体机 2 个"])
        let items = facts.filter { $0.key == .procurementItem }.map { "\($0.name ?? "-") | \($0.project ?? "-") \($0.amount!)" }
        #expect(Set(items) == ["台式计算机 | 办公设备购置 6", "多功能一体机 | 办公设备购置 10"])
        #expect(!warnings.contains { $0.rule == .unmappedCell }, "\(warnings.map(\.message))")
    }
}
