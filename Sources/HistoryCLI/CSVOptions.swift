import ArgumentParser
import History

/// The `--bom` flag of every command that writes CSV: the byte-order mark Excel needs to open a
/// UTF-8 file as UTF-8.
struct CSVOptions: ParsableArguments {
    @Flag(help: "Begin CSV output with a UTF-8 byte-order mark, so Excel opens it as UTF-8 (needs --format csv).")
    var bom = false

    /// What to write before the CSV: the mark when asked for.
    var opening: String { bom ? CSV.byteOrderMark : "" }

    /// Refuses --bom with a format that is not CSV (the mark would corrupt JSON and text).
    func validate(isCSV: Bool) throws {
        if bom && !isCSV { throw ValidationError("--bom applies to CSV output; add --format csv or leave --bom out.") }
    }
}
