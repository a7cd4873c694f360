/// The 绩效自评表 of the annex, where their rows survived as columns (tab-separated or
/// space-aligned): each project's 年度财政资金总额 (budget, executed, rate) and each indicator's
/// target and actual ("严重精神障碍患者人数  据实  911 人次"). These are table rows, so their
/// facts have origin `table`.
///
/// Where extraction flattened the tables into one cell per line (the 2023 sample) an indicator's
/// name cannot be told from its target reliably, and nothing is read.
extension NarrativeReading {
    private static let projectName: Literal = "项目名称"
    private static let unitName: Literal = "单位名称"
    private static let fundsTotal: Literal = "年度财政资金总额"
    private static let indicatorHeader: Literal = "三级指标"

    mutating func readSelfEvaluationRow(_ paragraph: Range<Int>) {
        let cells = tableCells(paragraph)
        guard let first = cells.first else { return }
        if text.has(Self.projectName, at: first.lowerBound), cells.count >= 2 {
            evaluatedProject = text.folded(cells[1])
            readingIndicators = false
        } else if text.has(Self.unitName, at: first.lowerBound) {
            evaluatedProject = "部门整体"
            readingIndicators = false
        } else if let project = evaluatedProject, let total = cells.firstIndex(where: { text.has(Self.fundsTotal, at: $0.lowerBound) }),
                  cells.count >= total + 4 {
            let keys: [FactKey] = [.projectBudget, .projectExecuted, .projectExecutionRate]
            for (offset, key) in keys.enumerated() {
                let cell = cells[total + 1 + offset]
                guard let number = text.number(at: cell.lowerBound, limit: cell.upperBound),
                      number.range.upperBound == cell.upperBound else { continue }
                add(key, name: project, value: .amount(number.value), measure: key == .projectExecutionRate ? .percent : .wanYuan,
                    origin: .table, range: cell)
            }
        } else if cells.contains(where: { text.has(Self.indicatorHeader, at: $0.lowerBound) }) {
            readingIndicators = evaluatedProject != nil
        } else if readingIndicators, cells.count >= 3 {
            let name = cells[cells.count - 3]
            guard text.scalars[name.lowerBound..<name.upperBound].contains(where: ScalarFolding.isIdeograph) else { return }
            for (cell, key) in [(cells[cells.count - 2], FactKey.indicatorTarget), (cells[cells.count - 1], .indicatorActual)] {
                let (value, measure) = indicatorValue(cell)
                add(key, name: text.folded(name), value: value, measure: measure, origin: .table,
                    range: name.lowerBound..<cell.upperBound, project: evaluatedProject)
            }
        } else if cells.count < 3 {
            readingIndicators = false
        }
    }

    /// The cells of a table row: ranges between the "\t" separators of the normalised text.
    private func tableCells(_ paragraph: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        cells.reserveCapacity(8)   // a self-evaluation row has about six cells: grown once, not three times
        var start = paragraph.lowerBound
        for index in paragraph where text.scalars[index] == "\t" {
            if index > start { cells.append(start..<index) }
            start = index + 1
        }
        if start < paragraph.upperBound { cells.append(start..<paragraph.upperBound) }
        return cells
    }

    /// "911人次" → 911 人次, "100%" → 100 %, "350元/月" → 350 元/月; anything else ("据实", "≥80%") is text.
    private func indicatorValue(_ cell: Range<Int>) -> (FactValue, Measure) {
        if let number = text.number(at: cell.lowerBound, limit: cell.upperBound), number.range.upperBound == cell.upperBound {
            return (.amount(number.value), number.measure ?? .text)
        }
        return (.text(text.printedText(cell)), .text)
    }
}
