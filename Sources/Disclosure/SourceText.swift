/// A document's decoded text split into lines, numbered from 1 as every fact's provenance is.
public struct SourceText: Sendable {
    /// The lines without their terminators; `lines[0]` is line 1.
    public let lines: [Substring]

    public init(_ text: String) {
        // Split on \n, \r\n and lone \r so line numbers match what an editor shows.
        var text = text
        text.makeContiguousUTF8()
        let utf8 = text.utf8
        // Byte offsets on the contiguous UTF-8 (stepping String indices byte by byte showed in
        // profiles); native UTF-8 indices are made from offsets in constant time.
        let found: [Substring]? = utf8.withContiguousStorageIfAvailable { buffer in
            var result: [Substring] = []
            result.reserveCapacity(buffer.count / 40)
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            var start = 0, offset = 0
            let count = buffer.count
            while offset < count {
                let byte = buffer[offset]
                if byte == 0x0A || byte == 0x0D {
                    result.append(Substring(text[index(start)..<index(offset)]))
                    var next = offset + 1
                    if byte == 0x0D, next < count, buffer[next] == 0x0A { next += 1 }
                    start = next
                    offset = next
                } else {
                    offset += 1
                }
            }
            if start < count { result.append(Substring(text[index(start)..<index(count)])) }
            return result
        }
        if let found {
            lines = found
            return
        }
        var result: [Substring] = []
        result.reserveCapacity(text.utf8.count / 40)
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
