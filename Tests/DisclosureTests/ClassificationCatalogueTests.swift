import Testing
@testable import Disclosure

@Suite struct ClassificationCatalogueTests {
    @Test func resolvesNamesByWholePath() {
        let catalogue = ClassificationCatalogue.standard
        #expect(catalogue.resolve(path: ["卫生健康支出", "医疗保障管理事务", "行政运行"]) == "2101501")
        #expect(catalogue.resolve(path: ["卫生健康支出", "卫生健康管理事务", "行政运行"]) == "2100101")
        #expect(catalogue.resolve(path: ["卫生健康支出", "医疗保障管理事务", "不存在的项"]) == nil)
    }

    @Test func knowsNamesOfEarlierEditions() {
        let catalogue = ClassificationCatalogue.standard
        #expect(catalogue.isKnownName("医疗卫生与计划生育支出", scheme: .function, code: "210"))
        #expect(catalogue.isKnownName("维修（护）费", scheme: .economic, code: "30101") == false)
    }
}
