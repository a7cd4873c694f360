#!/usr/bin/env python3
"""Summarise `history log --format ndjson` per document: identity, facts by origin, warnings.

usage: history log --store S --format ndjson | real_summary.py
"""
import collections
import json
import sys

latest, names = {}, {}
for line in sys.stdin:
    event = json.loads(line)
    payload = event["payload"]
    if event["type"] == "DocumentImported":
        names[payload["contentHash"]] = payload["sourceName"]
    elif event["type"] == "DocumentParsed":
        latest[payload["contentHash"]] = payload["parsed"]

totals = collections.Counter()
for digest, name in sorted(names.items(), key=lambda item: item[1]):
    parsed = latest.get(digest)
    if parsed is None:
        print(f"{name}: not parsed")
        continue
    identity = parsed.get("identity", {})
    facts = parsed.get("facts", [])
    origins = collections.Counter(fact["origin"] for fact in facts)
    rules = collections.Counter(warning["rule"] for warning in parsed.get("warnings", []))
    table, unmapped = origins["table"], rules["unmapped-cell"]
    coverage = f"{100 * table / (table + unmapped):.1f}%" if table + unmapped else "-"
    totals.update(table=table, unmapped=unmapped, narrative=origins["narrative"], warnings=sum(rules.values()))
    if identity.get("unit") and identity.get("year"):
        totals["identified"] += 1
    unit, year = identity.get("unit"), identity.get("year")
    kind = identity.get("scope", "") + identity.get("kind", "")
    print(name)
    print(f"  identity: {unit} / {year} / {kind}")
    print(f"  facts: table {table}, narrative {origins['narrative']}, implied {origins['implied']}; table cells read {coverage}")
    print("  warnings: " + ", ".join(f"{rule} {count}" for rule, count in rules.most_common()))

cells = totals["table"] + totals["unmapped"]
share = 100 * totals["table"] / cells if cells else 0
print(f"\n{len(names)} files, {totals['identified']} with unit and year; table facts {totals['table']}, "
      f"unmapped cells {totals['unmapped']} ({share:.1f}% of cells mapped); narrative facts {totals['narrative']}; "
      f"warnings {totals['warnings']}")
