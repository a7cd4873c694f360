import EventLog

/// The value of one document in `projection/documents`: a ``DocumentRecord`` in the compact
/// binary form of the other projections (``ByteWriter``).
///
/// Why not JSON: replay reads every record to choose its documents and rereads each one it
/// appends for, and every event folded rewrites one; JSONDecoder cost more than the fold.
///
/// Layout (README "On-disk format"): format byte `1`; the 32-byte hash; source names (count,
/// strings); media type; size; import sequence; a presence byte (bit 0 latest parse sequence,
/// 1 parser version, 2 parse failed, 3 unit, 4 year, 5 retracted, 6 retraction reason); then
/// the present values in that order (sequence varint, version and year zig-zag, texts).
enum DocumentRecordCoding {
    static let format: UInt8 = 1
    static let database = "projection/documents"

    private static let hasLatestParse: UInt8 = 1, hasParserVersion: UInt8 = 2, parseFailed: UInt8 = 4
    private static let hasUnit: UInt8 = 8, hasYear: UInt8 = 16, retracted: UInt8 = 32, hasReason: UInt8 = 64

    static func encode(_ record: DocumentRecord) -> [UInt8] {
        var writer = ByteWriter(capacity: 128)
        writer.byte(format)
        writer.raw(ContentHash.bytes(record.contentHash))
        writer.varint(record.sourceNames.count)
        for name in record.sourceNames { writer.string(name) }
        writer.string(record.mediaType)
        writer.varint(record.size)
        writer.varint(record.importedSequence)
        var flags: UInt8 = 0
        if record.latestParseSequence != nil { flags |= hasLatestParse }
        if record.parserVersion != nil { flags |= hasParserVersion }
        if record.parseFailed { flags |= parseFailed }
        if record.unit != nil { flags |= hasUnit }
        if record.year != nil { flags |= hasYear }
        if record.retracted { flags |= retracted }
        if record.retractionReason != nil { flags |= hasReason }
        writer.byte(flags)
        if let sequence = record.latestParseSequence { writer.varint(sequence) }
        if let version = record.parserVersion { writer.signed(Int64(version)) }
        if let unit = record.unit { writer.string(unit) }
        if let year = record.year { writer.signed(Int64(year)) }
        if let reason = record.retractionReason { writer.string(reason) }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> DocumentRecord {
        var reader = ByteReader(bytes, origin: database)
        guard try reader.byte() == format else { throw reader.corrupt("has a format this build does not know") }
        let hash = ContentHash.hex(try reader.raw(32))
        let sourceNames = try (0..<reader.int()).map { _ in try reader.string() }
        let mediaType = try reader.string()
        let size = try reader.int()
        let importedSequence = try reader.varint()
        let flags = try reader.byte()
        let latestParseSequence = flags & hasLatestParse != 0 ? try reader.varint() : nil
        let parserVersion = flags & hasParserVersion != 0 ? Int(try reader.signed()) : nil
        let unit = flags & hasUnit != 0 ? try reader.string() : nil
        let year = flags & hasYear != 0 ? Int(try reader.signed()) : nil
        let reason = flags & hasReason != 0 ? try reader.string() : nil
        guard reader.isAtEnd else { throw reader.corrupt("has bytes after its end") }
        return DocumentRecord(
            contentHash: hash, sourceNames: sourceNames, mediaType: mediaType, size: size, importedSequence: importedSequence,
            latestParseSequence: latestParseSequence, parserVersion: parserVersion, parseFailed: flags & parseFailed != 0,
            unit: unit, year: year, retracted: flags & retracted != 0, retractionReason: reason)
    }
}
