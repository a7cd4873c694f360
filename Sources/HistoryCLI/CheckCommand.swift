import ArgumentParser
import History

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every error the documents make: sums, stated changes, units of measure, transfers.",
        discussion: """
            Reports what the parser found wrong inside each document (items that do not add up to \
            their total, two values stated for one change, 元 where 万元 is meant, a missing % sign, …) \
            and what the engine finds across facts and documents (a stated change against the previous \
            year's own document, narrative against table, 04表 against 01表, 大于/小于 wording against \
            the figures, the two sides of a transfer). Each finding has a severity (error, warning, \
            notice), a rule id (README "Check rules"), the document, the lines, and the values that \
            disagree. Nothing is corrected: every stated value is kept. What the reader could not \
            read (cells it could not map, tables it lost) is not a finding: `history coverage` shows it.

            Exit status: 0 when nothing is found, 1 when there are findings (so scripts and CI can \
            test it), 2 when the check could not run (no store, unknown unit), 64 for a usage error.

            Examples:
              history check
              history check --unit 武昌区医疗保障局 --format json | jq '.findings[].rule'
              history check --rule conflicting-values --rule items-vs-total
              history check --severity error --format markdown > findings.md
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Only findings about this unit (any name it is known by).", valueName: "UNIT"))
    var unit: String?

    @Option(help: ArgumentHelp("Only findings of this rule id (repeatable; README \"Check rules\" lists them).", valueName: "RULE"))
    var rule: [String] = []

    @Option(help: ArgumentHelp("Only findings at least this serious: error, warning or notice.", valueName: "SEVERITY"))
    var severity: FindingSeverity = .notice

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    func validate() throws {
        for id in rule where !CheckRule.findingIDs.contains(id) {
            if CheckRule.coverageIDs.contains(id) {
                throw ValidationError("\(id) is a note about the reader, not a finding about the document: `history coverage --format json` lists them.")
            }
            let close = CheckRule.findingIDs.filter { $0.contains(id) || id.contains($0) || $0.hasPrefix(String(id.prefix(4))) }
            throw ValidationError("Unknown rule \(id)" + (close.isEmpty ? "." : "; did you mean " + close.joined(separator: ", ") + "?")
                                  + " The rules are: " + CheckRule.findingIDs.joined(separator: ", ") + ".")
        }
    }

    func run() throws {
        let found: [CheckFinding]
        do {
            found = try storeOptions.queries().check(unit: unit)
        } catch {
            // 1 means "findings": a check that could not run must say so differently.
            printError("Error: \(error)")
            throw ExitCode(2)
        }
        var findings = found
        if !rule.isEmpty { findings = findings.filter { rule.contains($0.rule.id) } }
        findings = findings.filter { $0.severity <= severity }
        switch format {
        case .text: Terminal.write(CheckRenderer().text(findings, style: Terminal.style))
        case .markdown: Terminal.write(CheckRenderer().markdown(findings))
        case .json: Terminal.write(CheckRenderer().json(findings))
        }
        if !findings.isEmpty { throw ExitCode(1) }
    }
}

extension FindingSeverity: ExpressibleByArgument {}
