// swift-tools-version:6.0
//
// The benchmarks of `history`, apart from the product: they need SQLite (the append comparison)
// and time the engine's modules from outside, so building `history` needs liblmdb-dev alone.
//
//   swift build --package-path Tools/Benchmarks -c release --product history-bench
//
// Tools/bench/run.sh, Tools/bench/compare-facts.sh, Tools/bench-append.sh and Tools/pdf/compare.py
// build and run them.
import PackageDescription

let package = Package(
    name: "history-benchmarks",
    dependencies: [
        .package(name: "history", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Parse, dump, raw LMDB and SQLite appends of the same bytes (Tools/bench/run.sh).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .executableTarget(
            name: "history-bench",
            dependencies: [
                "CSQLite",
                .product(name: "HistoryKit", package: "history"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Append throughput of the log, per-document vs batched commits (Tools/bench-append.sh).
        .executableTarget(name: "bench-append", dependencies: [.product(name: "HistoryKit", package: "history")]),
        // pdftotext -bbox-layout plus PDFLayout per document (Tools/pdf/compare.py).
        .executableTarget(name: "pdf-layout-bench", dependencies: [.product(name: "HistoryKit", package: "history")]),
    ]
)
