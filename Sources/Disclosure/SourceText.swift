/// A document's decoded text split into lines, numbered from 1 as every fact's provenance is.
public struct SourceText: Sendable {
    /// The lines without their terminators; `lines[0]` is line 1.
    public let lines: [Substring]

    public init(_ text: String) {
        // Split on \n, \r\n and lone \r so line numbers match what an editor shows.
        var result: [Substring] = []
        result.reserveCapacity(text.utf8.count / 40)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(Substring(text[start..<index]))
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if start != utf8.endIndex { result.append(Substring(text[start..<utf8.endIndex])) }
        lines = result
    }

    /// The text of a 1-based line number.
    public subscript(lineNumber: Int) -> Substring { lines[lineNumber - 1] }

    public var lineCount: Int { lines.count }
}
