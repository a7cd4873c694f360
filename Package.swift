// swift-tools-version:6.0
//
// Layers, lower never imports higher (see README "Architecture"):
//   HistoryCLI → History → (PDFLayout → Disclosure, EventLog) ; EventLog → LMDB → CLMDB
// Benchmarks are a package of their own (Tools/Benchmarks): the product needs liblmdb-dev alone.
import PackageDescription

let package = Package(
    name: "history",
    products: [
        .executable(name: "history", targets: ["HistoryCLI"]),
        .library(name: "HistoryKit", targets: ["History", "Disclosure", "PDFLayout", "EventLog", "LMDB"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(
            name: "EventLog",
            dependencies: ["LMDB", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "Disclosure",
            resources: [.embedInCode("Resources/classification.tsv")]
        ),
        // Word boxes of a PDF (pdftotext -bbox-layout) → tables and narrative; FoundationXML only here.
        .target(name: "PDFLayout", dependencies: ["Disclosure"]),
        .target(name: "History", dependencies: ["EventLog", "LMDB", "Disclosure", "PDFLayout"]),
        .executableTarget(
            name: "HistoryCLI",
            dependencies: ["History", "Disclosure", "EventLog", "LMDB", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What the test targets share (golden files), as swift-collections keeps one test-support module.
        .target(name: "HistoryTestSupport", path: "Tests/HistoryTestSupport"),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB", "CLMDB"]),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "LMDB", "HistoryTestSupport"]),
        .testTarget(name: "DisclosureTests", dependencies: ["Disclosure"]),
        .testTarget(name: "PDFLayoutTests", dependencies: ["PDFLayout"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Disclosure", "EventLog", "LMDB", "HistoryTestSupport"]),
        .testTarget(name: "HistoryCLITests", dependencies: ["History", "Disclosure", "EventLog", "HistoryTestSupport"]),
    ]
)
