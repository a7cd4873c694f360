#!/usr/bin/env python3
"""Every real PDF of the repository side by side (issue 18, "PDFs near the limit"): one
pdftotext pass alone, our `history import` of it, pdfplumber's table extraction of it, and the
ratios with their targets (import within 1.5x one pdftotext pass; pdfplumber at least 20x our
import). Wall-clock medians of --repeat runs, each a process of its own as a user runs it.

    python3 Tools/pdf/side-by-side.py [--history .build/release/history] [--repeat 3] [--skip-plumber] [PDF...]

Default PDFs: Tests/Corpus/real/*.pdf. pdfplumber is installed with pip when missing; when it
cannot be, its column says so and the rest is still measured. Prints a table, then one JSON line
(the worst ratios) that Tools/bench/run.sh keeps. On a loaded machine wall times are noisy:
say the load when quoting them (the last line prints it).
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
IMPORT_TARGET = 1.5      # our import / one pdftotext pass, at most
PLUMBER_TARGET = 20.0    # pdfplumber / our import, at least


def plumber_module():
    try:
        import pdfplumber  # noqa: F401
        return pdfplumber
    except ImportError:
        pass
    print("pdfplumber missing: pip install pdfplumber …", file=sys.stderr)
    for extra in ([], ["--break-system-packages"]):
        if subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pdfplumber"] + extra,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
            break
    try:
        import pdfplumber  # noqa: F401
        return pdfplumber
    except ImportError:
        print("pdfplumber could not be installed: its column is skipped", file=sys.stderr)
        return None


def timed(command, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_seconds(history, path, repeat):
    times = []
    for _ in range(repeat):
        store = tempfile.mkdtemp(prefix="side-by-side-")
        try:
            start = time.perf_counter()
            subprocess.run([history, "import", "--store", os.path.join(store, "s"), "--quiet", path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - start)
        finally:
            shutil.rmtree(store, ignore_errors=True)
    return statistics.median(times)


def plumber_seconds(pdfplumber, path, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*")
    parser.add_argument("--history", default=os.path.join(ROOT, ".build", "release", "history"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plumber-repeat", type=int, default=1, help="pdfplumber is slow: 1 run by default")
    parser.add_argument("--skip-plumber", action="store_true", help="time pdftotext and our import only")
    args = parser.parse_args()
    pdfs = args.pdfs or sorted(glob.glob(os.path.join(ROOT, "Tests", "Corpus", "real", "*.pdf")))
    if not os.access(args.history, os.X_OK):
        sys.exit(f"{args.history}: no history binary; build it with `swift build -c release --product history` or pass --history")
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext is missing: install poppler-utils (Tools/requirements.sh)")
    pdfplumber = None if args.skip_plumber else plumber_module()

    rows = []
    print("| file | pages | pdftotext -bbox-layout | pdftotext -layout | history import | import / pass (≤ 1.5) | pdfplumber tables | pdfplumber / import (≥ 20) |")
    print("|---|---|---|---|---|---|---|---|")
    for path in pdfs:
        try:
            info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        except FileNotFoundError:   # pdfinfo ships with pdftotext, but only the page count needs it
            info = ""
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        bbox = timed(["pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-"], args.repeat)
        layout = timed(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], args.repeat)
        ours = import_seconds(args.history, path, args.repeat)
        plumber = plumber_seconds(pdfplumber, path, args.plumber_repeat) if pdfplumber else None
        one_pass = max(bbox, layout)
        row = {"file": os.path.basename(path), "pages": pages, "bbox": bbox, "layout": layout, "import": ours,
               "import_over_pass": ours / one_pass, "plumber": plumber,
               "plumber_over_import": plumber / ours if plumber else None}
        rows.append(row)
        met = lambda ok: "" if ok else " ✗"
        plumber_cells = (f"{plumber * 1000:,.0f} ms | {row['plumber_over_import']:.1f}×{met(row['plumber_over_import'] >= PLUMBER_TARGET)}"
                         if plumber else "skipped | –")
        print(f"| {row['file']} | {pages} | {bbox * 1000:,.0f} ms | {layout * 1000:,.0f} ms | {ours * 1000:,.0f} ms | "
              f"{row['import_over_pass']:.2f}×{met(row['import_over_pass'] <= IMPORT_TARGET)} | {plumber_cells} |", flush=True)

    worst_import = max(r["import_over_pass"] for r in rows)
    leads = [r["plumber_over_import"] for r in rows if r["plumber_over_import"]]
    print()
    print(f"import within {IMPORT_TARGET}× of one pdftotext pass (the slower of the two): "
          f"{sum(r['import_over_pass'] <= IMPORT_TARGET for r in rows)} of {len(rows)} files (worst {worst_import:.2f}×)")
    if leads:
        print(f"lead over pdfplumber ≥ {PLUMBER_TARGET:.0f}×: {sum(l >= PLUMBER_TARGET for l in leads)} of {len(leads)} files "
              f"(least {min(leads):.1f}×, median {statistics.median(leads):.1f}×)")
    print(f"load: {open('/proc/loadavg').read().split()[:3]} on {os.cpu_count()} cores", file=sys.stderr)
    print(json.dumps({"measure": "pdf", "files": len(rows), "worst_import_over_pass": worst_import,
                      "median_import_over_pass": statistics.median(r["import_over_pass"] for r in rows),
                      "least_plumber_lead": min(leads) if leads else None,
                      "median_plumber_lead": statistics.median(leads) if leads else None}))


if __name__ == "__main__":
    main()
