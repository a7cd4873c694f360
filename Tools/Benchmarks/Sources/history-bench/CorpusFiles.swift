import ArgumentParser
import Foundation

/// The documents a benchmark reads: files given as such, and every `.txt` under directories,
/// in path order, so two runs read the same files in the same order.
struct CorpusFiles: ParsableArguments {
    @Argument(help: ArgumentHelp("Files, or directories searched for *.txt (a generated corpus).", valueName: "PATH"))
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Give at least one file or directory.") }
    }

    /// The files, listed once (a benchmark then streams them: no document is held for long).
    func list() throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or directory.")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            var found: [String] = []
            let walker = FileManager.default.enumerator(atPath: path)
            while let relative = walker?.nextObject() as? String {
                if relative.hasSuffix(".txt") { found.append(path + "/" + relative) }
            }
            files += found.sorted()
        }
        return files
    }
}

/// Bytes of a file, or a failure that names it.
func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("\(path): cannot read the file.")
    }
    return Array(data)
}

/// The median of `values` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Prints `fields` as one JSON object with sorted keys on standard output.
func emit(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

func note(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
