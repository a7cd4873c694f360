import Disclosure

/// `history check`: every disagreement among the filed documents' facts, pure over them.
///
/// Parser warnings about the document are surfaced as they are (those about the reader's
/// coverage are not findings: see ``DocumentCoverage``); the engine's own rules (`ConsistencyRule`) look
/// within a document and across a unit's consecutive years and across the two sides of a
/// transfer. An engine finding the parser already reported on the same lines is not repeated.
public enum ConsistencyCheck {
    /// Runs every rule over `documents` (all of one unit, or the whole store).
    public static func run(documents: [FiledDocument], directory: UnitDirectory) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        var byUnit: [UnitID: [FiledDocument]] = [:]
        for document in documents {
            guard let unit = directory.unit(ofDocument: document.contentHash) else { continue }
            byUnit[unit, default: []].append(document)
            let name = directory.record(unit)?.name ?? document.identity.unit
            // What the reader could not read is coverage (`history coverage`), not a finding.
            for warning in document.disclosure.warnings where warning.rule.concern == .document {
                findings.append(CheckFinding(
                    rule: .parser(warning.rule), unit: unit, unitName: name, year: document.year, message: warning.message,
                    values: [],
                    citations: warning.source.map {
                        [Citation(document: document.contentHash, documentYear: document.year, firstLine: $0.firstLine,
                                  lastLine: $0.lastLine, text: $0.text, page: $0.page)]
                    } ?? []))
            }
        }
        for (unit, owned) in byUnit {
            let name = directory.record(unit)?.name ?? unit.key
            // A disclosure published as a narrative and its tables is checked as one: its
            // narrative against its tables across the two files.
            for document in DisclosureJoin.apply(directory.record(unit)?.joined ?? [], to: owned) {
                let parts = [document.contentHash] + document.joined.map(\.contentHash)
                let originals = owned.filter { parts.contains($0.contentHash) }
                findings += DocumentRules(document: document, unit: unit, unitName: name).findings
                    .filter { finding in !originals.contains { alreadyWarned(finding, in: $0) } }
            }
            findings += statedChangeVsDocument(unit: unit, name: directory.record(unit)?.name ?? unit.key, documents: owned)
        }
        findings += transferSidesDisagree(documents: documents, directory: directory)
        return findings.sorted {
            ($0.unitName, $0.year, $0.rule.id, $0.citations.first?.firstLine ?? 0, $0.message)
                < ($1.unitName, $1.year, $1.rule.id, $1.citations.first?.firstLine ?? 0, $1.message)
        }
    }

    private static func alreadyWarned(_ finding: CheckFinding, in document: FiledDocument) -> Bool {
        guard case .engine(let rule) = finding.rule, let counterpart = rule.parserCounterpart else { return false }
        return document.disclosure.warnings.contains { warning in
            guard warning.rule == counterpart, let span = warning.source else { return false }
            return finding.citations.contains {
                $0.document == document.contentHash && $0.firstLine <= span.lastLine && span.firstLine <= $0.lastLine
            }
        }
    }

    /// Year Y+1's stated change implies a Y figure; Y's own document states another.
    private static func statedChangeVsDocument(unit: UnitID, name: String, documents: [FiledDocument]) -> [CheckFinding] {
        var latest: [String: FiledDocument] = [:]
        for document in documents {
            // A unit's 部门预算 and 单位预算 of one year are two documents, each its own series.
            let slot = "\(document.identity.title)|\(document.year)"
            if latest[slot].map({ $0.sequence < document.sequence }) ?? true { latest[slot] = document }
        }
        var findings: [CheckFinding] = []
        for later in latest.values.sorted(by: { $0.year < $1.year }) {
            for entry in FactReading(later).implied(keys: Set(UnitTimeline.totalKeys)) {
                guard let earlier = latest["\(later.identity.title)|\(entry.year)"],
                      let documented = FactReading(earlier).own(entry.key).first,
                      !documented.printed.agrees(with: entry.source.printed) else { continue }
                findings.append(CheckFinding(
                    rule: .engine(.statedChangeVsDocument), unit: unit, unitName: name, year: entry.year,
                    message: "\(entry.key.rawValue) \(entry.year): the \(later.year) \(later.kind.rawValue) implies \(Self.shown(entry.source.value))"
                        + (entry.source.evidence.statedDelta.map { " (stated change \(Self.shown($0)))" } ?? "")
                        + ", the \(entry.year) \(earlier.kind.rawValue) states \(Self.shown(documented.value))",
                    values: [entry.source.printedAmount, documented.printedAmount],
                    citations: [Citation(entry.source.evidence), Citation(documented.evidence)]))
            }
        }
        return findings
    }

    private static func transferSidesDisagree(documents: [FiledDocument], directory: UnitDirectory) -> [CheckFinding] {
        TransferLedger.transfers(in: documents, directory: directory).compactMap { transfer in
            guard let value = transfer.value, let other = transfer.otherValues.first else { return nil }
            return CheckFinding(
                rule: .engine(.transferSidesDisagree), unit: transfer.from, unitName: transfer.fromName, year: transfer.year,
                message: "\(transfer.name) \(transfer.fromName) → \(transfer.toName): one side states \(Self.shown(value)), the other \(Self.shown(other))",
                values: [value, other].map { $0.amount(in: .wanYuan) ?? $0.yuan }, citations: transfer.evidence.map { Citation($0) })
        }
    }

    /// Money in a message: in 万元, exact, labelled ("16,497.864万元").
    static func shown(_ money: Money) -> String { (money.decimal(in: .wanYuan, grouped: true) ?? money.description) + "万元" }
}
