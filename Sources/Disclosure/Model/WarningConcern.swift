/// Whom a parser warning is about: the document's own figures and words, or the reader.
///
/// `history check` reports what a document gets wrong, and an auditor acts on it; a cell the
/// reader could not map or a table it lost says nothing about the document. The two are kept
/// apart so that findings are only ever the document's, and the reader's gaps go to the
/// coverage view (`history coverage`).
public enum WarningConcern: String, Hashable, Sendable {
    /// The document contradicts itself or prints something wrong: a finding.
    case document
    /// The reader could not read, place or resolve something: coverage, never a finding.
    case reader
}

extension WarningRule {
    /// Whether the warning describes the document or the reader's coverage of it.
    public var concern: WarningConcern {
        switch self {
        case .sumMismatch, .roundingGap, .identityMismatch, .conflictingValues, .suspiciousMeasure, .narrativeTableMismatch, .shareMismatch,
             .percentMismatch, .directionMismatch, .missingPercentSign, .templateText, .repeatedPunctuation,
             .unbalancedBrackets, .dateYearMismatch, .tableAbsent, .tableUnlisted, .emptyTableUnexplained,
             .comparisonYearMismatch, .titleYearMismatch:
            .document
        // A code or name the shipped catalogue lacks is the catalogue's gap until the catalogue is
        // complete (none is published); a lost table, an unplaced row, an unmapped cell, a missing
        // identity and the two PDF texts disagreeing are all the reader's.
        case .unknownCode, .nameMismatch, .unresolvedName, .tableMissing, .unreadableRow, .unmappedCell,
             .identityMissing, .pdfPathsDisagree:
            .reader
        }
    }
}
