import ArgumentParser
import Foundation
import History
import LMDB

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
    /// `waitingNotice` is printed when a write waits for another process's transaction.
    func open(create: Bool = false, waitingNotice: String? = nil) throws -> Store {
        let writerWait = waitingNotice.map { notice in Environment.WriterWait { printError(notice) } }
        do {
            return try Store(path: path, create: create, writerWait: writerWait)
        } catch let error as StoreError {
            throw CommandFailure(error.description)
        } catch let error as LMDBError {
            throw CommandFailure("cannot open the store at \(path): \(error); check the disk and the directory's permissions, or choose another store with --store DIR")
        }
    }
}

/// An error whose message is the whole story, printed as `Error: <message>`.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
