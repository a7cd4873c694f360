import Foundation
import History

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the commands that print reports share: colour only for a person at a terminal, and
/// the queries over the chosen store.
enum Terminal {
    /// ANSI colour when standard output is a terminal and NO_COLOR is not set (https://no-color.org).
    static var style: TextStyle {
        TextStyle(colour: isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    /// Writes `text` to standard output as it is (it carries its own final newline).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension StoreOptions {
    /// The queries over the store the options choose.
    func queries() throws -> HistoryQueries {
        try HistoryQueries(store: open())
    }
}

/// Standard output written in large pieces: a dump of millions of lines costs one system call
/// per megabyte, not per line, and never holds more than that megabyte.
struct BufferedOutput {
    private var buffer: [UInt8] = []
    private let limit = 1 << 20

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
