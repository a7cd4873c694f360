"""Checks that a generated corpus agrees with itself, except where it was told not to.

- every fact's lines exist and show its value (wrapping, separators and spaces removed);
- within a document: implied = value of `of` − delta; 类 rows of a table sum their 项 rows;
  the narrative items sum to the narrative classes unless `items_not_summing` was planted;
- across documents of one unit and kind: a stated change's implied prior-year figure equals
  the figure the previous year's document states, unless `stated_delta_off` was planted;
- every transfer.out has the matching transfer.in in the counterparty's document of that year.
"""

import json
import os
from decimal import Decimal


def _num(value):
    return Decimal(str(value))


def check(out, text_check=True):
    problems = []
    manifest = {}
    with open(os.path.join(out, "manifest.ndjson"), encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            manifest[record["file"]] = record
    by_unit_year = {}
    transfers = []
    current_doc, facts = None, []

    def finish(doc, facts):
        if doc is None:
            return
        record = manifest[doc]
        problems.extend(_check_document(out, record, facts, text_check))
        values = {}
        for f in facts:
            if f["origin"] != "implied" and f["key"] in TOTALS and "code" not in f:
                values.setdefault(f["key"], _num(f["value"]))
        implied = {f["key"]: _num(f["value"]) for f in facts if f["origin"] == "implied"}
        by_unit_year[(record["unit"], record["kind"], record["year"])] = (doc, values, implied, record["anomalies"])
        for f in facts:
            if f["key"].startswith("transfer."):
                transfers.append((doc, record["unit"], record["year"], f))

    with open(os.path.join(out, "truth.ndjson"), encoding="utf-8") as handle:
        for line in handle:
            fact = json.loads(line)
            if fact["doc"] != current_doc:
                finish(current_doc, facts)
                current_doc, facts = fact["doc"], []
            facts.append(fact)
    finish(current_doc, facts)

    for (unit, kind, year), (doc, values, implied, anomalies) in by_unit_year.items():
        before = by_unit_year.get((unit, kind, year - 1))
        if before is None:
            continue
        for key, value in implied.items():
            if key in before[1] and before[1][key] != value and "stated_delta_off" not in anomalies:
                problems.append(f"{doc}: implied {key} {year - 1} = {value}, but {before[0]} states {before[1][key]}")
    documents = {(r["unit"], r["year"]) for r in manifest.values()}
    seen = {(u, y, f["key"], f.get("counterparty_unit"), f["value"], f.get("name")) for _, u, y, f in transfers}
    for doc, unit, year, f in transfers:
        other = f.get("counterparty_unit")
        if (other, year) not in documents:
            continue
        mirror = "transfer.in" if f["key"] == "transfer.out" else "transfer.out"
        if (other, year, mirror, unit, f["value"], f.get("name")) not in seen:
            problems.append(f"{doc}: {f['key']} {f['value']} with {other} has no mirror in that unit's {year} document")
    return problems


TOTALS = {"grand.total", "income.total", "expense.total", "income.appropriation", "income.appropriation.general",
          "three_public.budget.total"}


def _check_document(out, record, facts, text_check):
    problems = []
    doc = record["file"]
    lines = None
    if text_check:
        with open(os.path.join(out, doc), "rb") as handle:
            lines = handle.read().decode(record["encoding"]).split("\n")
    values = {}
    for f in facts:
        if f["origin"] != "implied" and "code" not in f:
            values.setdefault(f["key"], _num(f["value"])) if f["value"] is not None and f["measure"] == "万元" else None
    for f in facts:
        if f["key"] == "change.stated" and f.get("delta") is not None and "code" not in f:
            base = values.get(f["of"])
            implied = [g for g in facts if g["origin"] == "implied" and g["key"] == f["of"] and _num(g["value"]) == base - _num(f["delta"]) if base is not None]
            if base is not None and not implied:
                problems.append(f"{doc}: change of {f['of']} by {f['delta']} has no implied {base - _num(f['delta'])}")
        if lines is not None and f["origin"] != "implied" and isinstance(f["value"], (int, float)) and "lines" in f:
            first, last = f["lines"]
            if not (1 <= first <= last <= len(lines)):
                problems.append(f"{doc}: {f['key']} lines {first}-{last} outside the document")
                continue
            span = "".join(l for l in lines[first - 1:last] if not l.strip().isdigit()).replace(",", "").replace(" ", "").translate(_FOLD)
            if not any(form in span for form in _forms(f["value"])):
                problems.append(f"{doc}:{first}-{last}: {f['key']} {f['value']} not in {span[:120]!r}")
    tables = {}
    for f in facts:
        if f["origin"] == "table" and f["key"].startswith("function.") and "code" in f and f["measure"] in ("万元", "元"):
            tables.setdefault(f["key"], {})[f["code"]] = _num(f["value"])
    for key, rows in tables.items():
        for code, value in rows.items():
            children = [v for c, v in rows.items() if len(c) == len(code) + 2 and c.startswith(code)]
            if len(code) < 7 and children and sum(children) != value:
                problems.append(f"{doc}: {key} {code} is {value} but its rows sum to {sum(children)}")
    if record["kind"] == "决算":
        actual = sum(_num(f["value"]) for f in facts if f["key"] == "function.actual" and f["origin"] == "narrative")
        classes = sum(_num(f["value"]) for f in facts if f["key"] == "function.general.total" and f["origin"] == "narrative")
        if (actual != classes) != ("items_not_summing" in record["anomalies"]):
            problems.append(f"{doc}: narrative items sum to {actual}, classes to {classes}, anomalies {record['anomalies']}")
    return problems


_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


def _forms(value):
    text = str(value).lstrip("-")
    if isinstance(value, float) or "." in text:
        whole, _, frac = text.partition(".")
        return [f"{whole}.{frac}", f"{whole}.{frac}0" if len(frac) == 1 else f"{whole}.{frac}"]
    return [text, f"{text}.00", f"{text}.0"]
