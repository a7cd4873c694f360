/// A document's lines decoded once into one buffer of scalars, as printed (nothing folded or
/// dropped): the identity reader and `NormalisedText` both read them, and decoding the UTF-8
/// twice showed in profiles.
struct DecodedLines {
    /// Every line's scalars, back to back.
    let scalars: [Unicode.Scalar]
    /// Where each line starts in `scalars` (index 0 is line 1), and one past the last line.
    private let starts: [Int]

    init(_ source: SourceText) {
        // A line has no more scalars than UTF-8 bytes, so the buffer is sized once and written
        // through a pointer (appending checked capacity and uniqueness per scalar).
        var starts: [Int] = []
        starts.reserveCapacity(source.lineCount + 1)
        let byteCount = source.lines.reduce(0) { $0 + $1.utf8.count }
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: byteCount) { buffer, count in
            for line in source.lines {
                starts.append(count)
                count = ScalarFolding.decode(line, into: buffer, at: count)
            }
        }
        starts.append(scalars.count)
        self.starts = starts
    }

    var lineCount: Int { starts.count - 1 }

    /// The scalars of the line at 0-based `index`.
    subscript(index: Int) -> ArraySlice<Unicode.Scalar> { scalars[starts[index]..<starts[index + 1]] }
}
