#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one file given to `history import`, read only when it can be a disclosure.
///
/// The file is opened without blocking and checked on the open descriptor (`fstat`), so a
/// named pipe or device is refused instead of hanging the import, and a file over the size
/// limit is refused before a byte of it is read: memory stays bounded whatever the input.
enum DocumentFile {
    static func read(_ path: String, limit: Int) throws(ImportRefusal) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw refusal(opening: path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .directory
        case S_IFIFO: throw .notRegular(kind: "a named pipe (FIFO)")
        case S_IFSOCK: throw .notRegular(kind: "a socket")
        case S_IFCHR, S_IFBLK: throw .notRegular(kind: "a device")
        default: throw .notRegular(kind: "not a regular file")
        }
        guard status.st_size > 0 else { throw .empty }
        guard status.st_size <= limit else { throw .tooLarge(size: Int(status.st_size), limit: limit) }

        // Read at most one byte past the limit: a file that grew since fstat is refused too.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { throw .tooLarge(size: count, limit: limit) }
                bytes.append(contentsOf: repeatElement(0, count: min(1 << 20, limit + 1 - count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            count += got
        }
        guard count > 0 else { throw .empty }
        guard count <= limit else { throw .tooLarge(size: count, limit: limit) }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func refusal(opening path: String, errno code: Int32) -> ImportRefusal {
        guard code == ENOENT else { return .unreadable(reason: String(cString: strerror(code))) }
        // A symbolic link whose target is gone: say where it points, not just "no such file".
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length > 0 else { return .missing }
        return .danglingLink(target: String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}

/// Why a file given to `history import` was not read at all; the store is left unchanged.
public enum ImportRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case missing
    case danglingLink(target: String)
    case directory
    case notRegular(kind: String)
    case empty
    case tooLarge(size: Int, limit: Int)
    case unreadable(reason: String)

    public var description: String {
        switch self {
        case .missing:
            "no such file"
        case .danglingLink(let target):
            "is a symbolic link to \(target), which does not exist; import the file it should point to"
        case .directory:
            "is a directory, not a file; give the files in it (e.g. DIR/*.txt DIR/*.pdf)"
        case .notRegular(let kind):
            "is \(kind), not a regular file; save the disclosure to a file and import that"
        case .empty:
            "is empty (0 bytes); download the disclosure again"
        case .tooLarge(let size, let limit):
            "is \(megabytes(size)), over the \(megabytes(limit)) limit for one document (disclosures are rarely over 10 MB); "
                + "check it is the right file, or raise the limit with --max-document-megabytes"
        case .unreadable(let reason):
            "cannot be read (\(reason)); make it readable for you (chmod u+r) or copy it somewhere you can read it"
        }
    }

    private func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\((Double(bytes) / 1_048_576 * 10).rounded() / 10) MB"
    }
}
