import Foundation

/// A fresh directory under the system's temporary directory, removed when the value is dropped.
final class StoreDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "history-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to a file named `name` in the directory and returns its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = self.path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The bundled sample disclosures.
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus").standardized

    static var paths: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { directory.path + "/" + $0 }
    }
}
