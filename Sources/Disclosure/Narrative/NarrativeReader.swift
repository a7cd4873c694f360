/// Reads the facts stated in the narrative (the 情况说明 of a 决算, the 编制说明 and 其他相关
/// 情况说明 of a 预算): totals and shares, per-item budgets and actuals resolved to their codes,
/// stated changes with the prior-year figures they imply, reasons, transfers, 三公经费, 机关运行
/// 经费, 政府采购, assets and project performance. It needs no table: the 2023 sample lost all of
/// its tables and its narrative still yields every total.
///
/// Amounts in a 预算 are budget figures: they are filed under the same keys as a 决算's
/// (`income.total`, `function.general.total` …) and the document's kind says which they are;
/// what a 预算 states about the previous year ("2023年当年预算执行数为60.13万元") is filed as an
/// `implied` fact of that year.
enum NarrativeReader {
    static func read(_ text: NormalisedText, identity: DocumentIdentity, catalogue: ClassificationCatalogue,
                     warnings: inout [ParseWarning]) -> [Fact] {
        var reading = NarrativeReading(text: text, year: identity.year, kind: identity.kind, unit: identity.unit,
                                       catalogue: catalogue)
        for paragraph in text.paragraphs { reading.read(paragraph) }
        reading.finish()
        warnings += reading.facts.warnings
        return reading.facts.facts
    }
}
