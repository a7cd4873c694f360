import Foundation
import History

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a report is written to, replaced whole or not at all.
///
/// Files go to a fresh folder beside the target (same file system, so the final rename is
/// atomic); only when every file is written does it take the target's place. A run that fails
/// half-way removes its folder and leaves the target as it was.
struct ReportFolder {
    let url: URL

    func replace(with files: [ReportFile]) throws {
        let manager = FileManager.default
        let parent = url.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        try refuseToReplaceSomethingElse()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).writing-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: target)
            }
            try moveIntoPlace(staging)
        } catch {
            try? manager.removeItem(at: staging)
            throw CommandFailure("could not write the report to \(url.path): \(error.localizedDescription)")
        }
    }

    /// A folder with files but no index.html is not a report: refuse rather than delete it.
    private func refuseToReplaceSomethingElse() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw CommandFailure("\(url.path) is a file; give --out a folder (new, empty, or an earlier report)")
        }
        let contents = try manager.contentsOfDirectory(atPath: url.path)
        if !contents.isEmpty && !contents.contains("index.html") {
            throw CommandFailure("\(url.path) holds other files and no index.html, so it is not an earlier report; "
                                 + "give --out a new or empty folder")
        }
    }

    /// Renames `staging` to the target; an earlier report is swapped out first and removed after.
    private func moveIntoPlace(_ staging: URL) throws {
        if rename(staging.path, url.path) == 0 { return }
        guard errno == ENOTEMPTY || errno == EEXIST else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let previous = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).previous-\(UUID().uuidString)")
        guard rename(url.path, previous.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard rename(staging.path, url.path) == 0 else {
            let code = errno
            _ = rename(previous.path, url.path)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        try? FileManager.default.removeItem(at: previous)
    }
}
