/// Finds a table's columns from word positions.
///
/// Body words come first: a column is a run of x where some body word sits, with a gap before
/// the next; right-aligned figures and left-aligned names both stack into one run per column.
/// Header words then add the columns the body leaves empty (a 上级补助收入 column of a unit
/// with none). A header word spanning several body columns (功能分类科目编码 over 类 款 项)
/// adds nothing.
enum ColumnFinder {
    static func columns(header: [VisualLine], body: [VisualLine]) -> [TableColumn] {
        var runs = merge(body.flatMap(\.words).map { ($0.box.xMin, $0.box.xMax) })
        runs = runs.flatMap { splitAtValleys($0, lines: body) }.flatMap { splitBeforeFigures($0, lines: body) }
        runs = dropStrayLabels(runs, body: body)
        // A header word over exactly one run widens it to the header's extent (a centred
        // 本年支出合计 over right-aligned figures), so the 栏次 numbers under it land there too.
        // The lines nearest the body go first: a group label above (公用经费) must meet the
        // columns already widened by the labels under it, and so span them.
        // A label with a lower label over the same run heads a group (“三公”经费预算数 over
        // 公务接待费 | 小计 | 购置费 with only 接待 figured): it widens nothing, or it would swallow
        // the labels of the group's empty columns. A wrapped rest of a label (机关运行经费预算 /
        // 数) is no label over the run.
        let headerWords = header.flatMap(\.words)
        // The labels under each header word, found once: the passes below only look them up.
        let labelsBelow = Dictionary(headerWords.map { word in
            (word, headerWords.filter { other in
                other.box.yMin >= word.box.yMax && other.box.horizontalOverlap(word.box) > 0 && !WordShape(other.text).isNumber
            })
        }, uniquingKeysWith: { first, _ in first })
        var changed = true
        while changed {
            changed = false
            for word in header.reversed().flatMap(\.words) {
                let hits = runs.indices.filter { overlap(runs[$0], word.box) > 0 }
                guard hits.count == 1, let index = hits.first else { continue }
                if labelsBelow[word, default: []].contains(where: { overlap(runs[index], $0.box) > 0 }) { continue }
                let widened = (min(runs[index].0, word.box.xMin), max(runs[index].1, word.box.xMax))
                let clashes = runs.indices.contains { $0 != index && overlap(runs[$0], widened) > 0 }
                if !clashes, widened != runs[index] { runs[index] = widened; changed = true }
            }
        }
        runs = joinUnderOneHeader(runs, header: header, body: body)
        // A header word over no run, a space away from a neighbour on its line that is over a
        // run, is the rest of that neighbour's cell (功能分类 科目编码 over a code column).
        for line in header {
            for (index, word) in line.words.enumerated() where !runs.contains(where: { overlap($0, word.box) > 0 }) {
                // A label whose cell wraps on below it (公务用车购置 / 费) is a cell of its own.
                let wraps = labelsBelow[word, default: []].contains { other in !runs.contains { overlap($0, other.box) > 0 } }
                if wraps { continue }
                let space = word.box.height * 0.5
                let neighbours = [index - 1, index + 1].filter { line.words.indices.contains($0) }.map { line.words[$0] }
                    .filter { max($0.box.xMin - word.box.xMax, word.box.xMin - $0.box.xMax) < space }
                for neighbour in neighbours {
                    let hits = runs.indices.filter { overlap(runs[$0], neighbour.box) > 0 }
                    guard hits.count == 1, let hit = hits.first else { continue }
                    let widened = (min(runs[hit].0, word.box.xMin), max(runs[hit].1, word.box.xMax))
                    if !runs.indices.contains(where: { $0 != hit && overlap(runs[$0], widened) > 0 }) { runs[hit] = widened; break }
                }
            }
        }
        // A header word over no run names the unlabelled run beside it, if there is one: a
        // centred 基本支出 above a column of right-aligned 0s. The nearest word names it first
        // (小计 right beside its figures, before the wrapped 费 of the empty 购置费 cell further on).
        let groups = groupLine(header)
        // A label over several runs (公务用车购置及运行维护费 over 小计 | 运行维护费) names none of them.
        let ownLabels = headerWords.filter { label in runs.indices.filter { overlap(runs[$0], label.box) > 0 }.count == 1 }
        var namings: [(word: PositionedWord, run: Int, distance: Double)] = []
        for word in header.reversed().flatMap(\.words) where !runs.contains(where: { overlap($0, word.box) > 0 }) {
            let labelled = Set(runs.indices.filter { index in
                ownLabels.contains { label in overlap(runs[index], label.box) > 0 && (!groups.contains(label) || groups.contains(word)) }
            })
            let left = runs.indices.last { runs[$0].1 <= word.box.xMin }, right = runs.indices.first { runs[$0].0 >= word.box.xMax }
            let candidates = [left, right].compactMap { $0 }.filter { !labelled.contains($0) }
            guard let nearest = candidates.min(by: { distance(runs[$0], word.box) < distance(runs[$1], word.box) }) else { continue }
            namings.append((word, nearest, distance(runs[nearest], word.box)))
        }
        var named = Set<Int>()
        for naming in namings.sorted(by: { $0.distance < $1.distance }) where !named.contains(naming.run) {
            let run = naming.run, word = naming.word
            let widened = (min(runs[run].0, word.box.xMin), max(runs[run].1, word.box.xMax))
            if !runs.indices.contains(where: { $0 != run && overlap(runs[$0], widened) > 0 }) {
                runs[run] = widened
                named.insert(run)
            }
        }
        let headerOnly = headerWords.filter { word in
            !runs.contains { overlap($0, word.box) > 0 } && !isGroupLabel(word, runs: runs, header: header)
        }.map { ($0.box.xMin, $0.box.xMax) }
        runs = (runs + merge(headerOnly)).sorted { $0.0 < $1.0 }
        var columns = runs.map { TableColumn(xMin: $0.0, xMax: $0.1, role: .text) }
        assignRoles(&columns, body: body)
        return columns
    }

    /// Runs one header word spans, all but one lying inside the word and holding only labels
    /// (合计, 栏次), the other holding the figures, are one column: 本年收入合计 over a 合计 printed
    /// at its left edge and amounts right-aligned at its right edge. Runs with codes or figures
    /// of their own (类 款 项 under 功能分类科目编码) stay apart.
    private static func joinUnderOneHeader(_ runs: [(Double, Double)], header: [VisualLine], body: [VisualLine]) -> [(Double, Double)] {
        let bodyWords = body.flatMap(\.words)
        func holdsNumbers(_ run: (Double, Double)) -> Bool {
            bodyWords.contains { overlap(run, $0.box) > 0 && WordShape($0.text).isNumber }
        }
        var runs = runs
        for word in header.flatMap(\.words) {
            let hits = runs.indices.filter { overlap(runs[$0], word.box) > 0 }
            guard hits.count > 1 else { continue }
            let figures = hits.filter { holdsNumbers(runs[$0]) }
            let inside = hits.filter { runs[$0].0 >= word.box.xMin - 0.5 && runs[$0].1 <= word.box.xMax + 0.5 }
            guard figures.count == 1, Set(inside).union(figures) == Set(hits) else { continue }
            let joined = (runs[hits.first!].0, runs[hits.last!].1)
            runs.replaceSubrange(hits.first!...hits.last!, with: [joined])
        }
        return runs
    }

    /// The top line of a header of three lines or more: it names groups of columns (收入 | 支出
    /// over whole sides), so a word up there labels no single run under it.
    private static func groupLine(_ header: [VisualLine]) -> Set<PositionedWord> { header.count >= 3 ? Set(header[0].words) : [] }

    /// A header word over the gap between two runs, each labelled only by header words below
    /// it, with nothing below itself, names the group of both (收入 over 项目名称 | 金额), not an
    /// empty column of its own.
    private static func isGroupLabel(_ word: PositionedWord, runs: [(Double, Double)], header: [VisualLine]) -> Bool {
        guard let left = runs.last(where: { $0.1 <= word.box.xMin }), let right = runs.first(where: { $0.0 >= word.box.xMax }) else { return false }
        let groups = groupLine(header)
        func labelledOnlyBelow(_ run: (Double, Double)) -> Bool {
            let labels = header.flatMap(\.words).filter { overlap(run, $0.box) > 0 && (!groups.contains($0) || groups.contains(word)) }
            return !labels.isEmpty && labels.allSatisfy { $0.box.yMin >= word.box.yMax }
        }
        // A wrapped label of an empty column (附属单 / 位上缴 / 收入) goes on below itself.
        let continues = header.flatMap(\.words).contains { $0.box.yMin >= word.box.yMax && $0.box.horizontalOverlap(word.box) > 0 }
        return !continues && labelledOnlyBelow(left) && labelledOnlyBelow(right)
    }

    /// A run of text alone on a few lines, right of a run holding text, is no column: its words
    /// are labels of merged cells centred off their column (当年支出小计 across 功能科目名称 and
    /// 金额), and go to the text column on their left (see `column(of:in:)`).
    private static func dropStrayLabels(_ runs: [(Double, Double)], body: [VisualLine]) -> [(Double, Double)] {
        let bodyWords = body.flatMap(\.words)
        func texts(_ run: (Double, Double)) -> [PositionedWord] { bodyWords.filter { overlap(run, $0.box) > 0 && !WordShape($0.text).isNumber } }
        var result: [(Double, Double)] = []
        for run in runs {
            // Its own words: a name reaching in from the run on the left is that run's.
            let own = { (word: PositionedWord) in overlap(run, word.box) > 0 && !(result.last.map { overlap($0, word.box) > 0 } ?? false) }
            let words = bodyWords.filter(own)
            let lines = body.filter { $0.words.contains(where: own) }.count
            if let left = result.last, !words.isEmpty, words.allSatisfy({ !WordShape($0.text).isNumber }), lines * 4 <= body.count,
               texts(left).count >= words.count * 2 {
                continue
            }
            result.append(run)
        }
        return result
    }

    private static func distance(_ run: (Double, Double), _ box: WordBox) -> Double { max(run.0 - box.xMax, box.xMin - run.1) }
    private static func overlap(_ run: (Double, Double), _ box: WordBox) -> Double { min(run.1, box.xMax) - max(run.0, box.xMin) }
    private static func overlap(_ run: (Double, Double), _ other: (Double, Double)) -> Double { min(run.1, other.1) - max(run.0, other.0) }

    /// Splits a run where a few lines bridge two well-filled columns: a 合计 label printed across
    /// the code and name columns must not fuse them. The split falls in the least-covered
    /// stretch when the lines covering it are at most a third of those filling either side.
    private static func splitAtValleys(_ run: (Double, Double), lines: [VisualLine]) -> [(Double, Double)] {
        let step = 0.5
        let bins = max(1, Int(((run.1 - run.0) / step).rounded(.up)))
        guard bins >= 3 else { return [run] }
        var coverage = Array(repeating: 0, count: bins)
        for line in lines {
            var covered = Array(repeating: false, count: bins)
            for word in line.words where overlap(run, word.box) > 0 {
                let from = max(0, Int((word.box.xMin - run.0) / step)), to = min(bins - 1, Int((word.box.xMax - run.0) / step))
                if from <= to { for bin in from...to { covered[bin] = true } }
            }
            for bin in 0..<bins where covered[bin] { coverage[bin] += 1 }
        }
        var leftMax = coverage, rightMax = coverage
        for bin in 1..<bins { leftMax[bin] = max(leftMax[bin - 1], coverage[bin]) }
        for bin in stride(from: bins - 2, through: 0, by: -1) { rightMax[bin] = max(rightMax[bin + 1], coverage[bin]) }
        var best: (at: Int, depth: Int)?
        var index = 1
        while index < bins - 1 {
            let value = coverage[index]
            let left = leftMax[index - 1], right = rightMax[index + 1]
            if value * 3 <= min(left, right), min(left, right) >= 2, best.map({ value < $0.depth }) ?? true {
                best = (index, value)
            }
            index += 1
        }
        guard let valley = best else { return [run] }
        var end = valley.at
        while end + 1 < bins, coverage[end + 1] == valley.depth { end += 1 }
        let left = (run.0, run.0 + Double(valley.at) * step), right = (run.0 + Double(end + 1) * step, run.1)
        return splitAtValleys(left, lines: lines) + splitAtValleys(right, lines: lines)
    }

    /// Splits a run holding names on the left and figures on the right, joined only by labels
    /// printed across both (当年支出小计 centred over a merged 功能科目名称 | 金额 cell): where no
    /// text word lies among the figures, the figures are a column of their own. Codes left of
    /// names, or names between figures, leave the run as it is.
    private static func splitBeforeFigures(_ run: (Double, Double), lines: [VisualLine]) -> [(Double, Double)] {
        let words = lines.flatMap(\.words).filter { overlap(run, $0.box) > 0 }
        let figures = words.filter { WordShape($0.text).isNumber }
        guard figures.count >= 2, let start = figures.map(\.box.xMin).min() else { return [run] }
        let texts = words.filter { !WordShape($0.text).isNumber }
        let before = texts.filter { $0.box.xMax <= start }
        guard before.count >= 2, let end = before.map(\.box.xMax).max(), end < start,
              texts.allSatisfy({ $0.box.xMax <= start || $0.box.xMin < end }) else { return [run] }
        return [(run.0, end), (start, run.1)]
    }

    /// Overlapping or touching x ranges merged into runs.
    private static func merge(_ ranges: [(Double, Double)]) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        for range in ranges.sorted(by: { $0.0 < $1.0 }) {
            if let last = result.last, range.0 <= last.1 + 0.5 {
                result[result.count - 1].1 = max(last.1, range.1)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The column a word belongs to: the one it overlaps most, else the nearest; text laid
    /// across a text column and figures (a label centred over a merged cell) goes to the text.
    static func column(of word: PositionedWord, in columns: [TableColumn]) -> Int {
        let best = column(of: word.box, in: columns)
        guard columns[best].role == .figures, !WordShape(word.text).isNumber else { return best }
        if word.box.xMin < columns[best].xMin - 1,
           let left = columns.indices.last(where: { columns[$0].xMax <= word.box.xMin + 1 && columns[$0].role == .text }),
           !columns[(left + 1)..<best].contains(where: { $0.role != .text }) {
            // Text reaching out of the figures to the left, its stray labels' run dropped: the
            // text column on its left, with no figures between.
            return left
        }
        func covered(_ index: Int) -> Double { overlap((columns[index].xMin, columns[index].xMax), word.box) }
        let texts = columns.indices.filter { columns[$0].role == .text && covered($0) > 0 }
        return texts.max { covered($0) < covered($1) } ?? best
    }

    /// The column a box overlaps most, else the nearest.
    static func column(of box: WordBox, in columns: [TableColumn]) -> Int {
        var best = 0
        var bestScore = -Double.infinity
        for (index, column) in columns.enumerated() {
            let score = min(column.xMax, box.xMax) - max(column.xMin, box.xMin)
            if score > bestScore { best = index; bestScore = score }
        }
        return best
    }

    /// The first column a (header) word overlaps: a spanning header belongs where it starts.
    static func firstColumn(of box: WordBox, in columns: [TableColumn]) -> Int {
        columns.firstIndex { min($0.xMax, box.xMax) - max($0.xMin, box.xMin) > 0 } ?? column(of: box, in: columns)
    }

    /// Codes are left-aligned whole codes (or their 款/项 parts right after them); figures are
    /// mostly numbers; the rest is text.
    private static func assignRoles(_ columns: inout [TableColumn], body: [VisualLine]) {
        var shapes = Array(repeating: [(WordShape, WordBox)](), count: columns.count)
        for word in body.flatMap(\.words) {
            let index = column(of: word.box, in: columns), shape = WordShape(word.text)
            // Text reaching out of the column is a label centred over a merged cell, not the column's own.
            if shape == .text, word.box.xMin < columns[index].xMin - 1 || word.box.xMax > columns[index].xMax + 1 { continue }
            shapes[index].append((shape, word.box))
        }
        for index in columns.indices {
            let words = shapes[index]
            guard !words.isEmpty else { continue }
            let codes = words.filter { $0.0.isWholeCode }
            let numbers = words.filter { $0.0.isNumber }
            let parts = words.filter { $0.0 == .integer(digits: 2) }
            let previous = index > 0 ? columns[index - 1].role : .text
            if (previous == .code || previous == .codePart), parts.count * 2 >= words.count, parts.count > 0 {
                columns[index].role = .codePart
            } else if codes.count * 2 > words.count {
                columns[index].role = .code
            } else if numbers.count * 2 > words.count {
                columns[index].role = .figures
            }
        }
        // A "code" column of figures only (amounts in 元 like 300) has no text column after it.
        for index in columns.indices where columns[index].role == .code {
            var next = index + 1
            while next < columns.count, columns[next].role == .codePart { next += 1 }
            // Nor a column of names that holds none (an empty column headed 购置费).
            if next < columns.count, columns[next].role != .text || shapes[next].isEmpty { columns[index].role = .figures }
            if next == columns.count { columns[index].role = .figures }
        }
        for index in columns.indices where columns[index].role == .codePart {
            if index == 0 || (columns[index - 1].role != .code && columns[index - 1].role != .codePart) { columns[index].role = .figures }
        }
    }
}
