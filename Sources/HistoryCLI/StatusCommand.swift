import ArgumentParser
import Foundation
import History

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where the store is, what it holds, and how far each projection has read the log.",
        discussion: """
            Examples:
              history status
              HISTORY_STORE=~/budgets history status
            """)

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let documents = store.projection(DocumentsProjection.self)
        try store.read { txn in
            let events = try store.log.count(in: txn)
            let last = try store.log.lastSequence(in: txn)
            let records = try documents?.records(in: txn) ?? []
            let info = store.environment.info
            let fileSize = (try? FileManager.default.attributesOfItem(atPath: store.path + "/data.mdb")[.size] as? Int) ?? 0
            print("Store        \(store.path)")
            print("Format       \(Store.formatVersion)")
            print("Events       \(events) (last sequence \(last))")
            print("Documents    \(records.count) (\(records.filter(\.retracted).count) retracted, "
                  + "\(records.filter(\.parseFailed).count) without facts), \(try store.log.blobCount(in: txn)) blobs")
            print("Size         \(megabytes(fileSize)) on disk (data.mdb), \(megabytes((info.lastPageNumber + 1) * info.pageSize)) in use, map \(megabytes(info.mapSize))")
            print("Projections")
            let checkpoints = try store.log.checkpoints(in: txn)
            for projection in store.projections {
                let kind = type(of: projection)
                let checkpoint = checkpoints[kind.name]
                let state = checkpoint.map { $0.lastFoldedSequence == last ? "up to date" : "behind by \(last - $0.lastFoldedSequence)" } ?? "never folded"
                print("  \(kind.name.padding(toLength: 12, withPad: " ", startingAt: 0)) v\(kind.version)  folded to \(checkpoint?.lastFoldedSequence ?? 0)  (\(state))")
            }
        }
    }

    private func megabytes(_ bytes: Int) -> String {
        bytes < 1 << 20 ? String(format: "%.1f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
