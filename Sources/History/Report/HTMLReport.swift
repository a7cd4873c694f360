import Disclosure

/// The static HTML report of `history report`: a corpus page and one page per unit, as files.
///
/// Pure: timelines and an overview in, file contents out; the caller writes them. Every page is
/// self-contained (inline CSS and SVG, no script, no fonts or images fetched), so the folder can
/// be opened from disk, zipped or mailed. Output depends only on the input: same timelines, same
/// bytes.
public struct HTMLReport: Sendable {
    /// One page per timeline. Pass the timelines of the units to show; transfers name the other
    /// side whether or not its timeline is passed, and link to its page when it is.
    public var timelines: [UnitTimeline]
    public var overview: CorpusOverview
    /// Years to show; nil shows every year the timelines hold.
    public var years: ClosedRange<Int>?
    /// How many rows a ranked chart of changes shows.
    public var ranked: Int
    /// What `history check` found in the shown units' documents; nil when the report was made
    /// without checking them, and then no unit has a findings page.
    public var findings: [CheckFinding]?

    public init(timelines: [UnitTimeline], overview: CorpusOverview, years: ClosedRange<Int>? = nil, ranked: Int = 12,
                findings: [CheckFinding]? = nil) {
        self.timelines = timelines
        self.overview = overview
        self.years = years
        self.ranked = ranked
        self.findings = findings
    }

    /// `index.html` first, then `units/<unit>.html` for each unit ordered by name, each followed
    /// by its `findings/<unit>.html` when the report was checked.
    public func files() -> [ReportFile] {
        let context = ReportContext(report: self)
        var files = [ReportFile(path: "index.html", contents: CorpusPage(context: context).html())]
        for timeline in context.timelines {
            files.append(ReportFile(path: Self.pagePath(of: timeline.unit), contents: UnitPage(timeline: timeline, context: context).html()))
            if let findings = context.findings(of: timeline.unit) {
                files.append(ReportFile(path: Self.findingsPath(of: timeline.unit),
                                        contents: FindingsPage(timeline: timeline, findings: findings, context: context).html()))
            }
        }
        return files
    }

    /// Where a unit's findings page is: `findings/<unit>.html`, named as its unit page.
    public static func findingsPath(of unit: UnitID) -> String {
        "findings/\(HTMLText.fileName(unit.key)).html"
    }

    /// Where a unit's page is, relative to the report folder: named by the unit
    /// (`units/武昌区民政局.html`), stable across runs (``HTMLText/fileName(_:)``).
    public static func pagePath(of unit: UnitID) -> String {
        "units/\(HTMLText.fileName(unit.key)).html"
    }
}

/// One file of a report: a path relative to the output folder and its UTF-8 text.
public struct ReportFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// What the corpus page says about the store as a whole: every filed document and its unit.
public struct CorpusOverview: Hashable, Sendable {
    /// A filed document as the corpus page lists it.
    public struct Document: Hashable, Sendable {
        public var contentHash: String
        public var sequence: UInt64
        public var sourceName: String
        public var printedUnit: String
        public var unit: UnitID?
        public var unitName: String
        public var year: Int
        public var kind: DisclosureKind

        public init(contentHash: String, sequence: UInt64, sourceName: String, printedUnit: String,
                    unit: UnitID?, unitName: String, year: Int, kind: DisclosureKind) {
            self.contentHash = contentHash
            self.sequence = sequence
            self.sourceName = sourceName
            self.printedUnit = printedUnit
            self.unit = unit
            self.unitName = unitName
            self.year = year
            self.kind = kind
        }
    }

    /// Ordered by unit name, year, filing sequence.
    public private(set) var documents: [Document]
    /// Units the directory knows, with or without documents of their own.
    public var unitCount: Int
    /// Position of each document by content hash: every cited snippet looks its file up.
    private var positions: [String: Int] = [:]

    public init(documents: [Document], unitCount: Int) {
        self.documents = documents.sorted { ($0.unitName, $0.year, $0.sequence) < ($1.unitName, $1.year, $1.sequence) }
        self.unitCount = unitCount
        for (index, document) in self.documents.enumerated() where positions[document.contentHash] == nil {
            positions[document.contentHash] = index
        }
    }

    /// The overview of everything a directory holds (no facts needed: the cards suffice).
    public init(directory: UnitDirectory) {
        let units = directory.units
        self.init(documents: units.flatMap { record in
            record.documents.map { card in
                Document(contentHash: card.contentHash, sequence: card.sequence, sourceName: card.sourceName,
                         printedUnit: card.identity.unit, unit: record.id, unitName: record.name,
                         year: card.identity.year, kind: card.identity.kind)
            }
        }, unitCount: units.count)
    }

    public func document(_ contentHash: String) -> Document? { positions[contentHash].map { documents[$0] } }
}

/// What every page needs: the shown timelines, the diffs between their consecutive years, and
/// which units have pages.
struct ReportContext {
    let report: HTMLReport
    /// Cut to the requested years, ordered by name; units left without a year are dropped.
    let timelines: [UnitTimeline]
    let kind: DisclosureKind
    private let diffs: [String: YearDiff]
    /// The diffs' units by pair and unit, so a page finds its own in constant time.
    private let unitDiffs: [String: [UnitID: UnitDiff]]
    private let pages: Set<UnitID>
    /// Each unit's findings in the shown years, when the report was checked.
    private let findingsByUnit: [UnitID: [CheckFinding]]?

    init(report: HTMLReport) {
        self.report = report
        let shown = report.timelines.map { timeline in
            var cut = timeline
            if let years = report.years { cut.years = timeline.years.filter { years.contains($0.year) } }
            return cut
        }
        timelines = shown.filter { !$0.years.isEmpty }.sorted { ($0.name, $0.unit) < ($1.name, $1.unit) }
        kind = timelines.first?.kind ?? .finalAccount
        pages = Set(timelines.map(\.unit))
        findingsByUnit = report.findings.map { findings in
            Dictionary(grouping: findings.filter { report.years?.contains($0.year) ?? true }, by: \.unit)
        }
        var diffs: [String: YearDiff] = [:]
        for timeline in timelines {
            for (a, b) in Self.consecutive(timeline) where diffs["\(a)-\(b)"] == nil {
                diffs["\(a)-\(b)"] = YearDiff(from: a, to: b, timelines: timelines)
            }
        }
        self.diffs = diffs
        unitDiffs = diffs.mapValues { diff in Dictionary(diff.units.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first }) }
    }

    /// Pairs of consecutive years of a timeline (2022→2023, 2023→2024), oldest first.
    static func consecutive(_ timeline: UnitTimeline) -> [(Int, Int)] {
        let years = timeline.years.map(\.year)
        return zip(years, years.dropFirst()).map { ($0, $1) }
    }

    func diff(_ from: Int, _ to: Int) -> YearDiff? { diffs["\(from)-\(to)"] }

    /// The unit's findings in the shown years, in check's order; nil when the report was not checked.
    func findings(of unit: UnitID) -> [CheckFinding]? { findingsByUnit.map { $0[unit] ?? [] } }

    /// One unit's change between two consecutive years of its timeline.
    func unitDiff(_ unit: UnitID, _ from: Int, _ to: Int) -> UnitDiff? { unitDiffs["\(from)-\(to)"]?[unit] }

    /// Years any shown timeline holds, ascending.
    var years: [Int] { Array(Set(timelines.flatMap { $0.years.map(\.year) })).sorted() }

    var documents: [CorpusOverview.Document] {
        guard let years = report.years else { return report.overview.documents }
        return report.overview.documents.filter { years.contains($0.year) }
    }

    /// A link to the unit's page from a page `depth` folders down, or nil when it has none.
    func href(_ unit: UnitID, depth: Int) -> String? {
        guard pages.contains(unit) else { return nil }
        return String(repeating: "../", count: depth) + HTMLReport.pagePath(of: unit)
    }

    /// The unit's name, linked to its page when it has one.
    func unitLink(_ unit: UnitID, name: String, depth: Int) -> String {
        guard let href = href(unit, depth: depth) else { return HTMLText.escape(name) }
        return "<a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(name))</a>"
    }

    /// The total a unit's charts follow: 收支总计 when the timeline states it, else the first
    /// total it does state.
    static func chartKey(_ timeline: UnitTimeline) -> FactKey {
        UnitTimeline.totalKeys.first { key in timeline.years.contains { $0.total(key) != nil } } ?? .grandTotal
    }
}
