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
