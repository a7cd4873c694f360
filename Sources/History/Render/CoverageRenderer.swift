import Disclosure

/// `history coverage`: how much of each document the reader read, as text, JSON or CSV. Pure.
public struct CoverageRenderer: Sendable {
    public init() {}

    /// A row per document, columns aligned (CJK two columns), a legend, then the summary line.
    public func text(_ coverages: [DocumentCoverage], style: TextStyle = .plain) -> String {
        if coverages.isEmpty { return "no documents\n" }
        var table = TextTable([
            .init("document"), .init("unit"), .init("year", .right), .init("kind"), .init("facts", .right),
            .init("read", .right), .init("unmapped", .right), .init("rows", .right), .init("tables", .right),
            .init("names", .right),
        ])
        for coverage in coverages {
            let identity = coverage.identity
            let unit = coverage.parseFailed ? "(parse failed)" : (identity?.unit.isEmpty ?? true) ? "(no unit)" : identity!.unit
            table.append([
                DisplayWidth.clip(coverage.sourceName, to: 39), DisplayWidth.clip(unit, to: 23),
                (identity?.year ?? 0) > 0 ? String(identity!.year) : "?", identity?.title ?? "",
                String(coverage.tableFacts), Self.percent(coverage.tableFacts, of: coverage.tableCells),
                String(coverage.unmappedCells), String(coverage.unreadRows), String(coverage.lostTables),
                String(coverage.unresolvedNames),
            ])
        }
        let legend = [
            "facts: table facts · read: table cells with a figure that became facts · unmapped: cells that did not",
            "rows: lines of figures in no row · tables: tables whose rows were lost · names: narrative items with no code",
        ].map(style.dim)
        return (table.lines(style: style) + legend + ["", summary(CoverageSummary(coverages))]).joined(separator: "\n") + "\n"
    }

    /// Two lines: "21 document(s), 20 with a unit and a year, 0 not read; table cells read 2111 of 4439 (47.6%); …"
    public func summary(_ summary: CoverageSummary) -> String {
        "\(summary.documents) document(s), \(summary.identified) with a unit and a year, \(summary.failed) not read; "
            + "table cells read \(summary.tableFacts) of \(summary.tableCells) (\(Self.percent(summary.tableFacts, of: summary.tableCells)));\n"
            + "\(summary.unreadRows) row(s) of figures unread, \(summary.lostTables) table(s) lost, "
            + "\(summary.unresolvedNames) narrative name(s) unresolved; \(summary.narrativeFacts) narrative fact(s)"
    }

    /// `{"schema", "type": "coverage", "documents": [{"doc", "source", "unit", "year", "kind", "scope",
    /// "table_facts", "table_cells", "unmapped_cells", "unread_rows", "lost_tables",
    /// "unresolved_names", "unknown_codes", "pdf_disagreements", "sums_not_holding",
    /// "narrative_facts", "implied_facts", "notes": [{"rule", "message", "lines"}]}],
    /// "summary": {…}}`. A document whose parse failed has `unit`, `year` and `kind` null.
    public func json(_ coverages: [DocumentCoverage]) -> String {
        let summary = CoverageSummary(coverages)
        return JSONValue.object([
            ("schema", .int(JSONSchemaVersion.current)), ("type", .string("coverage")),
            ("documents", .array(coverages.map { coverage in
                let identity = coverage.identity
                return .object([
                    ("doc", .string(coverage.contentHash)), ("source", .string(coverage.sourceName)),
                    ("unit", .optional(identity?.unit)), ("year", identity.map { .int($0.year) } ?? .null),
                    ("kind", .optional(identity?.kind.rawValue)), ("scope", .optional(identity?.scope.rawValue)),
                    ("table_facts", .int(coverage.tableFacts)), ("table_cells", .int(coverage.tableCells)),
                    ("unmapped_cells", .int(coverage.unmappedCells)), ("unread_rows", .int(coverage.unreadRows)),
                    ("lost_tables", .int(coverage.lostTables)), ("unresolved_names", .int(coverage.unresolvedNames)),
                    ("unknown_codes", .int(coverage.unknownCodes)), ("pdf_disagreements", .int(coverage.pdfDisagreements)),
                    ("sums_not_holding", .int(coverage.sumsNotHolding)), ("narrative_facts", .int(coverage.narrativeFacts)),
                    ("implied_facts", .int(coverage.impliedFacts)),
                    ("notes", .array(coverage.readerNotes.map { WarningRecord($0).json })),
                ])
            })),
            ("summary", .object([
                ("documents", .int(summary.documents)), ("identified", .int(summary.identified)), ("not_read", .int(summary.failed)),
                ("table_facts", .int(summary.tableFacts)), ("table_cells", .int(summary.tableCells)),
                ("unread_rows", .int(summary.unreadRows)), ("lost_tables", .int(summary.lostTables)),
                ("unresolved_names", .int(summary.unresolvedNames)), ("narrative_facts", .int(summary.narrativeFacts)),
            ])),
        ]).serialized()
    }

    static let csvHeader = ["doc", "source", "unit", "year", "kind", "scope", "table_facts", "table_cells", "unmapped_cells", "unread_rows",
                            "lost_tables", "unresolved_names", "unknown_codes", "pdf_disagreements", "sums_not_holding",
                            "narrative_facts", "implied_facts"]

    /// A row per document (RFC 4180, as `facts --format csv`); counts only, the notes are in JSON.
    public func csv(_ coverages: [DocumentCoverage]) -> String {
        CSV.document([Self.csvHeader] + coverages.map { coverage in
            let identity = coverage.identity
            return [
                coverage.contentHash, coverage.sourceName, identity?.unit ?? "", identity.map { String($0.year) } ?? "",
                identity?.kind.rawValue ?? "", identity?.scope.rawValue ?? "", String(coverage.tableFacts), String(coverage.tableCells),
                String(coverage.unmappedCells), String(coverage.unreadRows), String(coverage.lostTables),
                String(coverage.unresolvedNames), String(coverage.unknownCodes), String(coverage.pdfDisagreements),
                String(coverage.sumsNotHolding), String(coverage.narrativeFacts), String(coverage.impliedFacts),
            ]
        })
    }

    /// A share with one decimal, computed in integers ("97.3%"; "–" of nothing).
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
