/// Items named by their classification path ("卫生健康支出(类)医疗保障管理事务(款)行政运行(项)"),
/// the per-类 amounts of 五(二), and the projects 项目支出 was mainly used for.
extension NarrativeReading {
    private static let classMark: Literal = "(类)"
    private static let sectionMark: Literal = "(款)"

    /// A classification path as printed and what it resolves to.
    struct ItemPath {
        var names: [String]
        var range: Range<Int>
    }

    /// Reads a sentence that names an item by its path, or that goes on describing the current
    /// item; false when the sentence is about something else.
    mutating func readFunctionItem(_ sentence: Range<Int>) -> Bool {
        if let mark = text.find(Self.classMark, in: sentence), let path = itemPath(classMark: mark, in: sentence) {
            let code = resolve(path)
            let name = code == nil ? text.printedText(path.range) : path.names.last
            var current = Subject(key: kind == .budget ? .functionGeneralTotal : .functionActual, code: code, name: name,
                                  amount: nil, start: path.range.lowerBound, year: year)
            // A 预算 prints the item's amount straight after its path: “……(项)”25.77万元.
            var position = path.range.upperBound
            while position < sentence.upperBound, ["”", "\"", ")"].contains(text.scalars[position]) { position += 1 }
            if let number = text.number(at: position, limit: sentence.upperBound), number.measure == .wanYuan {
                add(current.key, code: code, name: name, value: .amount(number.value), range: path.range.lowerBound..<number.range.upperBound)
                current.amount = number.value
                position = number.range.upperBound
            }
            item = current
            subject = current
            scan(position..<sentence.upperBound, phrases: NarrativePhrases.item, item: current)
            return true
        }
        guard let current = item else { return false }
        if startsWithListMarker(sentence) != nil {
            item = nil
            return false
        }
        scan(sentence, phrases: NarrativePhrases.item, item: current)
        return true
    }

    /// The 类, 款 and 项 names around a "(类)" mark. The 项 mark may be printed "()" when the
    /// label was lost ("住房公积金（）"); names may hold brackets of their own ("中医(民族医)药专项").
    private func itemPath(classMark: Int, in sentence: Range<Int>) -> ItemPath? {
        var start = classMark
        while start > sentence.lowerBound, ScalarFolding.isIdeograph(text.scalars[start - 1]) { start -= 1 }
        guard start < classMark else { return nil }
        var names = [text.folded(start..<classMark)]
        var position = classMark + Self.classMark.count
        guard let sectionMark = text.find(Self.sectionMark, in: position..<sentence.upperBound),
              sectionMark - position <= 40 else {
            return ItemPath(names: names, range: start..<position)
        }
        names.append(text.folded(position..<sectionMark))
        position = sectionMark + Self.sectionMark.count
        var search = position
        while search < sentence.upperBound, search - position <= 40 {
            guard let open = text.find(Words.openBracket, in: search..<sentence.upperBound) else { break }
            if text.has(Words.itemMark, at: open, limit: sentence.upperBound) || text.has(Words.emptyItemMark, at: open, limit: sentence.upperBound) {
                names.append(text.folded(position..<open))
                let close = text.has(Words.emptyItemMark, at: open, limit: sentence.upperBound) ? open + 2 : open + 3
                return ItemPath(names: names, range: start..<close)
            }
            guard let close = text.find(Words.closeBracket, in: open..<sentence.upperBound) else { break }
            search = close + 1
        }
        return ItemPath(names: names, range: start..<position)
    }

    /// The code of a path; a path the catalogue cannot resolve is warned about and its facts keep
    /// the printed path as their name.
    private mutating func resolve(_ path: ItemPath) -> String? {
        if let code = catalogue.resolve(path: path.names) { return code }
        if !path.names[0].hasSuffix("支出") {
            var variant = path.names
            variant[0] += "支出"
            if let code = catalogue.resolve(path: variant) { return code }
        }
        facts.warn(.unresolvedName, "the classification path “\(text.printedText(path.range))” is not in the catalogue; "
                   + "its facts are kept without a code", text.span(path.range))
        return nil
    }

    /// "1. 一般公共服务支出5.62万元，占1.1%" and "2. 卫生健康支出类支出 2,331.15 万元，占 99.4%": a 类 of
    /// 一般公共预算财政拨款支出, filed as `function.general.total` with its 3-digit code.
    mutating func readClassTotal(_ sentence: Range<Int>) -> Bool {
        guard let nameStart = startsWithListMarker(sentence) else { return false }
        var nameEnd = nameStart
        while nameEnd < sentence.upperBound, ScalarFolding.isIdeograph(text.scalars[nameEnd]) { nameEnd += 1 }
        guard nameEnd > nameStart, let number = text.number(at: nameEnd, limit: sentence.upperBound),
              number.measure?.isMoney == true else { return false }
        var name = text.folded(nameStart..<nameEnd)
        for suffix in ["类支出", "类"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        guard let code = catalogue.resolve(path: [name]) ?? catalogue.resolve(path: [name + "支出"]) else { return false }
        guard let value = accepted(number, as: .money, limit: sentence.upperBound) else { return false }
        let index = add(.functionGeneralTotal, code: code, name: name, value: .amount(value.amount), measure: value.measure,
                        range: nameStart..<number.range.upperBound)
        _ = readShare(after: number.range.upperBound, limit: sentence.upperBound, factIndex: index)
        return true
    }

    /// "项目支出主要用于疫情防控经费146.61万元，主要成效：……；医保门诊共济改革宣传经费66.8万元，……":
    /// one `project.amount` per project named before its amount, the projects separated by ；.
    mutating func readProjects(_ range: Range<Int>) {
        var start = range.lowerBound
        while start < range.upperBound {
            var stop = start
            while stop < range.upperBound, text.scalars[stop] != ";" { stop += 1 }
            var position = start
            while position < stop, !ScalarFolding.isDigit(text.scalars[position]), text.scalars[position] != "," { position += 1 }
            if position > start, position < stop, let number = text.number(at: position, limit: stop),
               number.measure == .wanYuan, position - start <= 40 {
                var nameStart = start
                while nameStart < position, ["、", " ", "“"].contains(text.scalars[nameStart]) { nameStart += 1 }
                let name = text.printedText(nameStart..<position).trimmingSuffix(" ")
                add(.projectAmount, name: name, value: .amount(number.value), range: nameStart..<number.range.upperBound)
            }
            start = stop + 1
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var result = self
        while result.hasSuffix(suffix) { result.removeLast(suffix.count) }
        return result
    }
}
