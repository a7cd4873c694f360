// Reads PDFs the way `history import` would with PDFLayout: `pdftotext -bbox-layout` as a
// subprocess, then the pure parse. Prints, per document, the wall time of each step and what
// was recovered, as tab-separated lines for Tools/pdf/compare.py. `--print` dumps the
// interchange text instead; `--repeat N` times N runs and reports the median.
import Foundation
import PDFLayout

var arguments = Array(CommandLine.arguments.dropFirst())
let dump = arguments.contains("--print")
arguments.removeAll { $0 == "--print" }
var repeats = 1
if let flag = arguments.firstIndex(of: "--repeat"), flag + 1 < arguments.count {
    repeats = Int(arguments[flag + 1]) ?? 1
    arguments.removeSubrange(flag...(flag + 1))
}

func bboxXHTML(of path: String) throws -> String {
    if path.hasSuffix(".xhtml") { return try String(contentsOfFile: path, encoding: .utf8) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    process.arguments = ["-bbox-layout", path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

print("document\tpdftotext_ms\tparse_ms\ttotal_ms\ttables\tcells")
for path in arguments {
    var extractTimes: [Double] = [], parseTimes: [Double] = []
    var summary = ""
    for _ in 0..<repeats {
        let start = Date()
        let xhtml = try bboxXHTML(of: path)
        let extracted = Date()
        do {
            let document = try LaidOutDocument(bboxXHTML: xhtml)
            let interchange = InterchangeText(document)
            let done = Date()
            extractTimes.append(extracted.timeIntervalSince(start) * 1000)
            parseTimes.append(done.timeIntervalSince(extracted) * 1000)
            let cells = document.tables.reduce(0) { total, table in
                total + table.headerRows.reduce(0) { $0 + $1.cells.compactMap { $0 }.count }
                    + table.sections.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.cells.compactMap { $0 }.count } }
            }
            summary = "\(document.tables.count)\t\(cells)"
            if dump { print(interchange.text) }
            if ProcessInfo.processInfo.environment["PDF_LAYOUT_COLUMNS"] != nil {
                for table in document.tables {
                    print(table.title.text, table.columns.map { String(format: "%.1f-%.1f %@", $0.xMin, $0.xMax, $0.role.rawValue) })
                }
            }
        } catch {
            print("\(path): \(error)")
            break
        }
    }
    guard !parseTimes.isEmpty else { continue }
    let e = median(extractTimes), p = median(parseTimes)
    print(String(format: "%@\t%.2f\t%.2f\t%.2f\t%@", (path as NSString).lastPathComponent, e, p, e + p, summary))
}
