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

@Suite struct ClassificationCatalogueCoverageTests {
    @Test func resolvesPrintedVariantsOfNames() {
        let catalogue = ClassificationCatalogue.standard
        #expect(catalogue.resolve(path: ["社会保障和就业支出", "行政事业单位养老支出", "机关事业单位养老保险缴费支出"]) == "2080505")
        #expect(catalogue.resolve(path: ["住房保障支出", "住房改革支出", "租房补贴"]) == "2210202")
        #expect(catalogue.resolve(path: ["医疗卫生与计划生育支出", "医疗卫生与计划生育管理事务", "行政运行"]) == "2100101")
        #expect(catalogue.resolve(path: ["一般公共服务支出", "政府办公厅(室)及相关机构事务", "信访事务"]) == "2010307")
        #expect(catalogue.resolve(path: ["卫生健康支出", "医疗救助", "城乡医疗救助"]) == "2101301")
        #expect(catalogue.isKnownName("维修(护)费", scheme: .economic, code: "30213"))
    }

    /// Every code printed in the tab tables of the 2024 sample is known, under the name printed.
    @Test func knowsEveryCodeOfTheSampleTables() throws {
        let catalogue = ClassificationCatalogue.standard
        for line in try Corpus.text(Corpus.office2024).split(separator: "\n") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            for index in cells.indices.dropLast() {
                let code = String(cells[index])
                guard [3, 5, 7].contains(code.count), code.allSatisfy(\.isNumber), code.first == "2" || code.first == "3" else { continue }
                let scheme: ClassificationCatalogue.Scheme = code.first == "3" ? .economic : .function
                #expect(catalogue.entry(scheme: scheme, code: code) != nil, "\(code)")
                let name = String(cells[index + 1])
                if !name.isEmpty, !name.hasPrefix("公务用车运行维"), name != "其他商品和服务", name != "因公出国（境）" {
                    #expect(catalogue.isKnownName(name, scheme: scheme, code: code), "\(code) \(name)")
                }
            }
        }
    }

    @Test func listsEveryCodeOnceAndUnderItsParent() {
        let catalogue = ClassificationCatalogue.standard
        for scheme in ClassificationCatalogue.Scheme.allCases {
            let entries = catalogue.entries(of: scheme)
            #expect(entries.count > (scheme == .function ? 400 : 100))
            for entry in entries {
                if let parent = ClassificationCatalogue.parentCode(of: entry.code) {
                    #expect(catalogue.entry(scheme: scheme, code: parent) != nil, "\(entry.code) has no parent")
                }
            }
        }
    }
}
