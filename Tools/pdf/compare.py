#!/usr/bin/env python3
"""Per-document PDF import time: PDFLayout's path (pdftotext -bbox-layout subprocess + the Swift
parse, timed inside Tools/Benchmarks/.build/release/pdf-layout-bench) against pdfplumber extracting the tables of
the same PDFs, side by side. Median of --repeat runs; also counts non-empty table cells each
path recovered.

    swift build --package-path Tools/Benchmarks -c release --product pdf-layout-bench
    pip install pdfplumber
    python3 Tools/pdf/compare.py [--repeat 7] [PDF…]     # default: Tests/Fixtures/pdf/*.pdf with text
"""
import argparse
import glob
import os
import statistics
import subprocess
import time

import pdfplumber

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BENCH = os.path.join(ROOT, "Tools", "Benchmarks", ".build", "release", "pdf-layout-bench")


def plumber(path):
    start = time.perf_counter()
    cells = tables = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                tables += 1
                cells += sum(1 for row in table for cell in row if cell not in (None, ""))
    return (time.perf_counter() - start) * 1000, tables, cells


def layout(path, repeat):
    out = subprocess.run([BENCH, "--repeat", str(repeat), path], capture_output=True, text=True, check=True).stdout
    fields = out.strip().split("\n")[-1].split("\t")
    return float(fields[1]), float(fields[2]), float(fields[3]), int(fields[4]), int(fields[5])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("pdfs", nargs="*")
    args = parser.parse_args()
    pdfs = args.pdfs or [p for p in sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "pdf", "*.pdf"))) if "scanned" not in p]
    print(f"{'document':34} {'pages':>5} | {'pdftotext ms':>12} {'parse ms':>9} {'total ms':>9} {'tables':>6} {'cells':>6} | "
          f"{'pdfplumber ms':>13} {'tables':>6} {'cells':>6} | {'speed-up':>8}")
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        extract, parse, total, tables, cells = layout(path, args.repeat)
        runs = [plumber(path) for _ in range(args.repeat)]
        p_ms = statistics.median(r[0] for r in runs)
        print(f"{os.path.basename(path):34} {pages:>5} | {extract:>12.1f} {parse:>9.1f} {total:>9.1f} {tables:>6} {cells:>6} | "
              f"{p_ms:>13.1f} {runs[0][1]:>6} {runs[0][2]:>6} | {p_ms / total:>7.1f}x")


if __name__ == "__main__":
    main()
