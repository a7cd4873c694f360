import ArgumentParser
import Foundation
import History

/// The `--store` option every subcommand shares.
struct StoreOptions: ParsableArguments {
    static let defaultPath = "./.history-store"

    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The store directory. Default: $HISTORY_STORE, else ./.history-store.",
            valueName: "DIR"))
    var store: String?

    /// The directory chosen by the option, the environment or the default, made absolute.
    var path: String {
        let chosen = store ?? ProcessInfo.processInfo.environment["HISTORY_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPath
        return URL(fileURLWithPath: chosen).standardizedFileURL.path
    }

    /// Opens the store; `create` makes a new one when the directory is missing or empty.
    func open(create: Bool = false) throws -> Store {
        do {
            return try Store(path: path, create: create)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        }
    }
}

/// An error whose message is the whole story, printed as `Error: <message>`.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
