/// The state of reading one narrative, paragraph by paragraph: the section it is in, what the
/// last statement was about, the 五(三) item the following sentences describe.
///
/// Sentences are read where they stand, once: each paragraph is split at 。 and each sentence
/// scanned left to right. Nothing re-joins or re-scans the whole text, so reading is linear in
/// the length of the document.
struct NarrativeReading {
    let text: NormalisedText
    let year: Int
    let kind: DisclosureKind
    let catalogue: ClassificationCatalogue
    var facts = NarrativeFacts()
    private(set) var section: NarrativeSection = .ignored
    private var phrases: [Phrase] = []
    /// What a following "比上年减少……" or "减少……" is about.
    var subject: Subject?
    /// The classified item (五(三), a 预算's 财政拨款支出主要内容) the following sentences describe.
    var item: Subject?
    /// Stated changes still waiting for the 主要原因 a later sentence may give.
    var awaitingReason: [Int] = []
    /// The changes of the last sentence that stated any.
    var lastChanges: [Int] = []
    /// The 三公经费 sub-item the current sentences are about.
    var threePublicItem: ThreePublicItem = .total
    /// 外宾接待 or 国内公务接待, for the counts of a reception.
    var receptionName: String?
    /// The project (or 部门整体) of the self-evaluation table being read.
    var evaluatedProject: String?
    /// Whether the rows read are a self-evaluation table's indicators.
    var readingIndicators = false
    /// This year's narrative amounts by key (indices into `facts`), for the checks once reading is done.
    var statedByKey: [FactKey: [Int]] = [:]

    /// A quantity a statement is about.
    /// A number a phrase took: its value and the measure it was printed in.
    struct AcceptedAmount {
        var amount: Amount
        var measure: Measure

        /// The amount for the narrative's own arithmetic (implied figures, stated changes), which
        /// works in 万元: nil for a figure printed in 千元 or 亿元, which is filed with its measure
        /// and compared by the engine as money (``Money``), never mixed with 万元 here.
        var workingAmount: Amount? { measure == .wanYuan ? amount : nil }
    }

    struct Subject {
        var key: FactKey
        var code: String? = nil
        var name: String? = nil
        var amount: Amount?
        var start: Int
        var year: Int
    }

    /// The unit's name as the narrative prints it (folded), for phrases that follow it.
    let unit: [Unicode.Scalar]

    init(text: NormalisedText, year: Int, kind: DisclosureKind, unit: String = "", catalogue: ClassificationCatalogue) {
        self.text = text
        self.year = year
        self.kind = kind
        self.unit = unit.unicodeScalars.map(ScalarFolding.fold)
        self.catalogue = catalogue
    }

    mutating func read(_ paragraph: Range<Int>) {
        if let opened = NarrativeSection.opened(by: paragraph, in: text, current: section) {
            enter(opened)
            return
        }
        if section == .table {
            if text.contains(Words.tab, in: paragraph) { readSelfEvaluationRow(paragraph) }
            return
        }
        guard section.isRead else { return }
        var start = paragraph.lowerBound
        for index in paragraph where text.scalars[index] == "。" {
            if index > start { readSentence(start..<index) }
            start = index + 1
        }
        if start < paragraph.upperBound { readSentence(start..<paragraph.upperBound) }
    }

    private mutating func enter(_ next: NarrativeSection) {
        section = next
        phrases = NarrativePhrases.phrases(for: next, kind: kind)
        subject = nil
        item = nil
        awaitingReason = []
        lastChanges = []
        threePublicItem = .total
        receptionName = nil
    }

    private mutating func readSentence(_ sentence: Range<Int>) {
        readTransfers(sentence)
        switch section {
        case .threePublic:
            readThreePublic(sentence)
        case .assets:
            readAssets(sentence)
        case .performance:
            readPerformance(sentence)
        default:
            if readFunctionItem(sentence) { return }
            if section == .general {
                if readClassTotal(sentence) { return }
                if let uses = text.find(Self.projectUses, in: sentence) {
                    scan(sentence.lowerBound..<uses, phrases: phrases)
                    readProjects(uses + Self.projectUses.count..<sentence.upperBound)
                    return
                }
            }
            scan(sentence, phrases: phrases)
        }
    }

    private static let projectUses: Literal = "项目支出主要用于"

    /// Adds a fact read from `range` of the text.
    @discardableResult
    mutating func add(_ key: FactKey, year factYear: Int? = nil, code: String? = nil, name: String? = nil,
                      value: FactValue, measure: Measure = .wanYuan, origin: Origin? = nil, range: Range<Int>,
                      share: Amount? = nil, project: String? = nil) -> Int {
        let resolvedYear = factYear ?? year
        return facts.add(Fact(key: key, year: resolvedYear, code: code, name: name, value: value, measure: measure,
                              origin: origin ?? (resolvedYear == year ? .narrative : .implied),
                              source: text.span(range), share: share, project: project))
    }

    /// Whether a sentence opens with a list marker: 1. 2、 (3) （4）.
    func startsWithListMarker(_ sentence: Range<Int>) -> Int? {
        var index = sentence.lowerBound
        let end = sentence.upperBound
        if index < end, text.scalars[index] == "(" {
            index += 1
            let digits = index
            while index < end, ScalarFolding.isDigit(text.scalars[index]) || ScalarFolding.isChineseNumeral(text.scalars[index]) { index += 1 }
            return index > digits && index < end && text.scalars[index] == ")" ? index + 1 : nil
        }
        let digits = index
        while index < end, ScalarFolding.isDigit(text.scalars[index]) { index += 1 }
        guard index > digits, index - digits <= 2, index < end else { return nil }
        switch text.scalars[index] {
        case ".", "、":
            return index + 1 < end && !ScalarFolding.isDigit(text.scalars[index + 1]) ? index + 1 : nil
        default:
            return nil
        }
    }
}
