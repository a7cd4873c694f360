#!/usr/bin/env python3
"""Scores the parser against a generated corpus: recall and precision per key and overall.

    history facts --format ndjson > /tmp/facts.ndjson
    python3 Tools/corpus/recall.py --corpus /tmp/corpus-1k --facts /tmp/facts.ndjson

A parsed fact matches a truth fact of the same document when these agree (README: matching):
  default           key, year, code, value
  change.stated     key, year, code, of, delta (or pct when no delta is stated)
  reason.variance   key, year, code
  transfer.*        key, year, value
Values compare as exact decimals; a value in 元 also matches the same amount in 万元 (x 10000),
so a parser may keep a 元 table as printed or convert it. The parsed `doc` is the SHA-256 of the
document bytes (a prefix of at least 8 hex digits is enough); it is mapped to the corpus file by
hashing the files listed in manifest.ndjson. Both sides are compared as sets per document.
Keys the truth never contains (indicator.*, …) are counted apart and not scored.
"""

import argparse
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict
from decimal import Decimal

sys.dont_write_bytecode = True
TEN_THOUSAND = Decimal(10000)


def number(value):
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value)).normalize()
    except ArithmeticError:
        return None


def signatures(fact):
    """The match signatures of one fact (two when a 元 amount can also be read as 万元)."""
    key, year, code = fact.get("key"), fact.get("year"), fact.get("code") or None
    if key == "change.stated":
        delta = number(fact.get("delta"))
        measure = ("d", delta) if delta is not None else ("p", number(fact.get("pct")))
        return [(key, year, code, fact.get("of"), measure)]
    if key == "reason.variance":
        return [(key, year, code)]
    value = number(fact.get("value"))
    if key.startswith("transfer."):
        return [(key, year, value)]
    if value is None:
        value = fact.get("value")
    sigs = [(key, year, code, value)]
    if isinstance(value, Decimal):
        if fact.get("measure") == "元":
            sigs.append((key, year, code, (value / TEN_THOUSAND).normalize()))
        elif fact.get("measure") == "万元":
            sigs.append((key, year, code, (value * TEN_THOUSAND).normalize()))
    return sigs


def load_manifest(corpus, every):
    files = {}
    with open(os.path.join(corpus, "manifest.ndjson"), encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n % every == 0:
                record = json.loads(line)
                files[record["file"]] = record
    return files


def hash_files(corpus, files):
    by_hash = {}
    for name in files:
        with open(os.path.join(corpus, name), "rb") as handle:
            by_hash[hashlib.sha256(handle.read()).hexdigest()] = name
    return by_hash


def resolve(doc, by_hash, prefixes):
    """The corpus file of a parsed `doc` hash (full, or a prefix of at least 8 hex digits)."""
    if doc in by_hash:
        return by_hash[doc]
    doc = (doc or "").rstrip("…").lower()
    full = prefixes.get("#" + doc[:8]) if len(doc) >= 8 else None
    return prefixes[doc[:8]] if full and full.startswith(doc) else None


def score(corpus, facts_path, every=1, ignore_zero=False, missed=0):
    files = load_manifest(corpus, every)
    by_hash = hash_files(corpus, files)
    prefixes = {}
    for full, name in by_hash.items():
        prefixes[full[:8]] = name
        prefixes["#" + full[:8]] = full
    truth = defaultdict(dict)          # doc -> sig -> fact
    covered = set()
    with open(os.path.join(corpus, "truth.ndjson"), encoding="utf-8") as handle:
        for line in handle:
            fact = json.loads(line)
            if fact["doc"] not in files:
                continue
            covered.add(fact["key"])
            if ignore_zero and number(fact.get("value")) == 0:
                continue
            sig = hash(signatures(fact)[0])     # a 64-bit hash per fact keeps 10k documents in memory
            truth[fact["doc"]].setdefault(sig, (fact["key"], fact["origin"], line.rstrip() if missed else None))
    parsed = defaultdict(set)           # doc -> set of (key, tuple of sigs)
    unknown_docs, unscored = Counter(), Counter()
    source = sys.stdin if facts_path == "-" else open(facts_path, encoding="utf-8")
    with source:
        for line in source:
            if not line.strip():
                continue
            fact = json.loads(line)
            name = resolve(fact.get("doc"), by_hash, prefixes)
            if name is None:
                unknown_docs[fact.get("doc")] += 1
                continue
            if fact.get("key") not in covered:
                unscored[fact.get("key")] += 1
                continue
            if ignore_zero and number(fact.get("value")) == 0:
                continue
            parsed[name].add((fact["key"], tuple(hash(s) for s in signatures(fact))))
    per_key = defaultdict(lambda: [0, 0, 0, 0])   # truth, found, parsed, correct
    per_layout = defaultdict(lambda: [0, 0])
    per_origin = defaultdict(lambda: [0, 0])
    misses = []
    for doc in files:
        wanted = truth.get(doc, {})
        got = parsed.get(doc, set())
        found = set()
        for key, sigs in got:
            per_key[key][2] += 1
            hit = [s for s in sigs if s in wanted]
            if hit:
                per_key[key][3] += 1
                found.update(hit)
        layout = f"{files[doc]['kind']}/{files[doc]['layout']}"
        for sig, (key, origin, line) in wanted.items():
            ok = sig in found
            per_key[key][0] += 1
            per_key[key][1] += ok
            per_layout[layout][0] += 1
            per_layout[layout][1] += ok
            per_origin[origin][0] += 1
            per_origin[origin][1] += ok
            if not ok and len(misses) < missed:
                misses.append(line)
    return {"documents": len(files), "per_key": per_key, "per_layout": per_layout, "per_origin": per_origin,
            "unknown_docs": unknown_docs, "unscored": unscored, "misses": misses}


def ratio(a, b):
    return a / b if b else 0.0


def report(result, out=sys.stdout):
    per_key = result["per_key"]
    total = [sum(v[i] for v in per_key.values()) for i in range(4)]
    print(f"documents scored: {result['documents']}", file=out)
    print(f"{'key':40} {'truth':>8} {'found':>8} {'recall':>7} {'parsed':>8} {'correct':>8} {'precision':>9}", file=out)
    for key in sorted(per_key):
        t, f, p, c = per_key[key]
        print(f"{key:40} {t:8} {f:8} {ratio(f, t):7.1%} {p:8} {c:8} {ratio(c, p):9.1%}", file=out)
    t, f, p, c = total
    print(f"{'overall':40} {t:8} {f:8} {ratio(f, t):7.1%} {p:8} {c:8} {ratio(c, p):9.1%}", file=out)
    for title, table in (("by layout", result["per_layout"]), ("by origin", result["per_origin"])):
        print(f"\nrecall {title}:", file=out)
        for name in sorted(table):
            t, f = table[name]
            print(f"  {name:24} {f:8}/{t:<8} {ratio(f, t):7.1%}", file=out)
    if result["unscored"]:
        print("\nparsed keys the truth never contains (not scored): " +
              ", ".join(f"{k} {n}" for k, n in result["unscored"].most_common()), file=out)
    if result["unknown_docs"]:
        print(f"\nfacts of documents not in this corpus (or not sampled): {sum(result['unknown_docs'].values())}"
              f" in {len(result['unknown_docs'])} documents", file=out)
    for line in result["misses"]:
        print("missed: " + line, file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Recall and precision of `history facts` against a generated corpus.")
    parser.add_argument("--corpus", required=True, help="directory written by generate.py")
    parser.add_argument("--facts", required=True, help="NDJSON from `history facts --format ndjson` ('-' for stdin)")
    parser.add_argument("--every", type=int, default=1, help="score every Nth document only (bounds memory on 100k corpora)")
    parser.add_argument("--ignore-zero", action="store_true", help="leave out facts whose value is 0 on both sides")
    parser.add_argument("--missed", type=int, default=0, help="print up to N truth facts the parser missed")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    result = score(args.corpus, args.facts, args.every, args.ignore_zero, args.missed)
    if args.format == "json":
        per_key = {k: dict(zip(("truth", "found", "parsed", "correct"), v)) for k, v in result["per_key"].items()}
        totals = [sum(v[i] for v in result["per_key"].values()) for i in range(4)]
        print(json.dumps({"documents": result["documents"], "per_key": per_key,
                          "overall": dict(zip(("truth", "found", "parsed", "correct"), totals)),
                          "recall": ratio(totals[1], totals[0]), "precision": ratio(totals[3], totals[2])},
                         ensure_ascii=False))
    else:
        report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
