import Foundation
@testable import Disclosure

/// Shared helpers of the Table*Tests suites: corpus files and a catalogue independent of the shipped data.
enum TableTestSupport {
    static func corpus(_ name: String) throws -> String {
        try Corpus.text(name)
    }

    /// A small catalogue written for the tests, so they do not depend on Resources/classification.tsv.
    static let catalogue = ClassificationCatalogue(tsv: """
        function\t208\t社会保障和就业支出\t
        function\t20805\t行政事业单位养老支出\t
        function\t2080505\t机关事业单位基本养老保险缴费支出\t
        function\t210\t卫生健康支出\t医疗卫生与计划生育支出
        function\t21001\t卫生健康管理事务\t
        function\t2100101\t行政运行\t
        function\t2100102\t一般行政管理事务\t
        function\t21011\t行政事业单位医疗\t
        function\t2101101\t行政单位医疗\t
        function\t2101103\t公务员医疗补助\t
        function\t2101199\t其他行政事业单位医疗支出\t
        function\t221\t住房保障支出\t
        function\t22102\t住房改革支出\t
        function\t2210201\t住房公积金\t
        function\t2210202\t提租补贴\t租房补贴
        economic\t301\t工资福利支出\t
        economic\t30101\t基本工资\t
        economic\t302\t商品和服务支出\t
        """)

    /// A fact reduced to what a test compares: key, code, name, value, measure, first line.
    struct Row: Hashable, CustomStringConvertible {
        var key: String
        var code: String?
        var name: String?
        var value: Amount
        var measure: Measure
        var line: Int
        var description: String { "\(key) \(code ?? "-") \(name ?? "-") \(value) \(measure.rawValue) L\(line)" }
    }

    static func rows(_ facts: [Fact]) -> [Row] {
        facts.map { Row(key: $0.key.rawValue, code: $0.code, name: $0.name, value: $0.amount ?? .zero, measure: $0.measure, line: $0.source.firstLine) }
    }

    static func amount(_ text: String) -> Amount { Amount(parsing: text)! }
}
