#!/usr/bin/env python3
"""Writes a synthetic corpus of Chinese 部门决算/部门预算 disclosures with their ground-truth facts.

    python3 Tools/corpus/generate.py --seed 1 --count 1000 --out /tmp/corpus-1k
    python3 Tools/corpus/generate.py --self-test

Deterministic: the same seed, count and catalogue give the same bytes. Streaming: units are
generated a pair at a time and every document is written as soon as it is made, so memory
stays flat at any count. See README.md for the layout of DIR and the truth conventions.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # keep Tools/corpus free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import catalogue as catalogue_module  # noqa: E402
from budget import BudgetDocument  # noqa: E402
from final_account import FinalAccount  # noqa: E402
from ledger import Ledger, Transfer  # noqa: E402
from money import Style, dec, scale  # noqa: E402
from page import Fact, Page  # noqa: E402
import texts  # noqa: E402
from units import plan_pairs  # noqa: E402

ANOMALY_RATE = {"stated_delta_off": 0.03, "items_not_summing": 0.03, "stray_unit": 0.02}
ENCODINGS = [("utf-8", 0.88), ("utf-8-sig", 0.04), ("gb18030", 0.05), ("utf-16", 0.03)]


def derive(seed, *parts):
    digest = hashlib.sha256("/".join(map(str, (seed,) + parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


class DocContext:
    """What one document's writer needs: unit, style, layout, transfers, anomalies to plant."""

    def __init__(self, unit, books, cat, rng, kind, layout, plain):
        self.unit, self.books, self.cat, self.rng = unit, books, cat, rng
        self.kind, self.layout = kind, layout
        self.style = Style(rng, layout)
        self.printed = unit.name if rng.random() < 0.65 else unit.short
        self.published = (rng.randint(1, 12), rng.randint(1, 28))
        self.encoding = "utf-8" if plain else _weighted(rng, ENCODINGS)
        self.transfers = []          # (direction, Transfer, counterparty Unit)
        self.anomalies = []
        codes = sorted(c for c, i in books.items.items() if i.general > 0)
        self.anomaly_target = rng.choice(codes) if codes else None
        self.active = {k for k, p in ANOMALY_RATE.items() if rng.random() < p}

    def anomaly(self, kind, value, code=None):
        """The planted error of `kind` here (0 when none): at most once per document and kind."""
        if kind not in self.active or (code is not None and code != self.anomaly_target):
            return 0
        self.active.discard(kind)
        amount = value()
        self.anomalies.append({"kind": kind, "code": code, "offset": dec(amount) if kind != "stray_unit" else None})
        return amount

    def _transfer_facts(self, direction, t, other):
        amount = self.style.wan(t.amount)
        cp = other.local
        template = self.rng.choice(texts.TRANSFER_OUT if direction == "out" else texts.TRANSFER_IN)
        sentence = template.format(name=t.name, cp=cp, amount=amount)
        fact = Fact(f"transfer.{direction}", t.year, dec(t.amount), "万元", "narrative", name=t.name,
                    counterparty=cp, counterparty_unit=other.name)
        return sentence, [fact]

    def change_reason(self, delta):
        if self.transfers:
            sentences, facts = [], []
            for direction, t, other in self.transfers:
                s, f = self._transfer_facts(direction, t, other)
                sentences.append(s)
                facts += f
            return "；".join(sentences), facts
        project = next((i.project_name for i in self.books.sorted_items() if i.project_name), "专项经费")
        pool = texts.CHANGE_UP if delta >= 0 else texts.CHANGE_DOWN
        return self.rng.choice(pool).format(p=project), []

    def transfer_for(self, code):
        for direction, t, other in self.transfers:
            if t.code == code:
                return self._transfer_facts(direction, t, other)
        return None


def _weighted(rng, choices):
    roll, acc = rng.random(), 0.0
    for value, weight in choices:
        acc += weight
        if roll < acc:
            return value
    return choices[0][0]


class Writer:
    """Streams documents, truth, manifest and anomalies into DIR."""

    def __init__(self, out):
        self.out = out
        os.makedirs(os.path.join(out, "docs"), exist_ok=True)
        self.truth = open(os.path.join(out, "truth.ndjson"), "w", encoding="utf-8", buffering=1 << 20)
        self.manifest = open(os.path.join(out, "manifest.ndjson"), "w", encoding="utf-8", buffering=1 << 16)
        self.anomalies = open(os.path.join(out, "anomalies.ndjson"), "w", encoding="utf-8", buffering=1 << 16)
        self.count = 0
        self.bytes = 0
        self.facts = 0
        self.names = {}

    def write(self, ctx, page, year):
        index = self.count
        shard = f"d{index // 1000:03d}"
        if index % 1000 == 0:
            os.makedirs(os.path.join(self.out, "docs", shard), exist_ok=True)
        name = f"docs/{shard}/{index:06d}-u{ctx.unit.index:05d}-{year}-{'final' if ctx.kind == 'final' else 'budget'}.txt"
        data = page.text().encode(ctx.encoding)
        with open(os.path.join(self.out, name), "wb") as handle:
            handle.write(data)
        self.count += 1
        self.bytes += len(data)
        unit = ctx.unit.name
        seen = set()
        lines = []
        q = json.dumps
        names = self.names
        head = f'{{"doc":{q(name)}'
        for fact in page.facts:
            ident = fact.identity()
            if ident in seen:
                continue
            seen.add(ident)
            parts = [head, f',"year":{fact.year},"key":"{fact.key}"']
            if fact.code is not None:
                parts.append(f',"code":"{fact.code}"')
            if fact.name is not None:
                quoted = names.get(fact.name)
                if quoted is None:
                    quoted = names[fact.name] = q(fact.name, ensure_ascii=False)
                parts.append(f',"name":{quoted}')
            value = fact.value
            if value is None:
                parts.append(',"value":null')
            elif fact.measure in ("", None):
                parts.append(f',"value":{q(value, ensure_ascii=False)}')
            else:
                parts.append(f',"value":{value}')
            parts.append(f',"measure":"{fact.measure}","origin":"{fact.origin}","lines":[{fact.lines[0]},{fact.lines[1]}]')
            for field, raw in fact.extra.items():
                if raw is None:
                    continue
                if field in ("delta", "pct"):
                    parts.append(f',"{field}":{raw}')
                elif field == "base_year":
                    parts.append(f',"base_year":{raw}')
                else:
                    parts.append(f',"{field}":{q(raw, ensure_ascii=False)}')
            parts.append("}\n")
            lines.append("".join(parts))
        self.truth.write("".join(lines))
        self.facts += len(lines)
        record = {"file": name, "unit": unit, "printed": ctx.printed, "year": year,
                  "kind": "决算" if ctx.kind == "final" else "预算", "layout": ctx.layout,
                  "encoding": ctx.encoding, "size": len(data), "facts": len(lines),
                  "published": f"{year + 1}-{ctx.published[0]:02d}-{ctx.published[1]:02d}",
                  "anomalies": [a["kind"] for a in ctx.anomalies]}
        self.manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
        for anomaly in ctx.anomalies:
            self.anomalies.write(json.dumps(dict(doc=name, unit=unit, year=year, **anomaly), ensure_ascii=False) + "\n")

    def close(self):
        for handle in (self.truth, self.manifest, self.anomalies):
            handle.close()


def page_for(rng, layout):
    if layout == "tabs":
        return Page()
    if layout == "lost":
        return Page(wrap=rng.randint(22, 34), blank_between=rng.random() < 0.8, page_every=rng.randint(30, 60))
    return Page(wrap=rng.randint(56, 72), blank_between=False, indent=rng.choice(("", "  ", "   ", "    ")))


def generate(seed, count, out, cat, plain=False, progress=False):
    """Writes `count` documents; returns the Writer with its totals."""
    writer = Writer(out)
    pairs = plan_pairs(seed)
    started = time.time()
    round_number = 0
    while writer.count < count:
        for number, pair in enumerate(pairs):
            if writer.count >= count:
                break
            write_group(seed, round_number, number, pair, cat, writer, count, plain)
            if progress and number % 200 == 0:
                rate = writer.count / max(1e-9, time.time() - started)
                print(f"\r{writer.count}/{count} documents, {rate:.0f}/s", end="", file=sys.stderr)
        round_number += 1
    if progress:
        print(file=sys.stderr)
    writer.close()
    return writer


def write_group(seed, round_number, number, pair, cat, writer, count, plain):
    """One pair of units over a run of years: ledgers in step, transfers between them."""
    rng = derive(seed, "group", round_number, number)
    kind = "budget" if (rng.random() < 0.15) != (round_number % 2 == 1) else "final"
    remaining = count - writer.count
    span = min(rng.randint(2, 11), max(1, remaining // len(pair)))
    first = rng.randint(2015, 2026 - span)
    ledgers = [Ledger(u, cat, derive(seed, "ledger", round_number, number, i), kind == "budget") for i, u in enumerate(pair)]
    layouts = [_layout(rng, kind) for _ in pair]
    prev = []
    for ledger in ledgers:
        books = ledger.snapshot(first - 1)
        prev.append(ledger.finish(books))
    transfer_year = rng.randint(first, first + span - 1) if len(pair) == 2 and kind == "final" and rng.random() < 0.35 else None
    for year in range(first, first + span):
        for ledger in ledgers:
            ledger.grow()
        moved = []
        if year == transfer_year:
            source = rng.randrange(2)
            item = ledgers[source].movable()
            if item is not None:
                amount = scale(item.project, rng.randint(300, 700))
                taken = ledgers[source].take(item.code, amount)
                ledgers[1 - source].give(item.code, taken, item.project_name)
                moved.append(Transfer(year, item.project_name, item.code, taken, pair[source], pair[1 - source]))
        current = []
        for i, (unit, ledger) in enumerate(zip(pair, ledgers)):
            books = ledger.snapshot(year)
            books.transfers_out = [t for t in moved if t.source is unit]
            books.transfers_in = [t for t in moved if t.target is unit]
            current.append(ledger.finish(books))
        for i, unit in enumerate(pair):
            if writer.count >= count:
                return
            drng = derive(seed, "doc", round_number, number, i, year)
            ctx = DocContext(unit, current[i], cat, drng, kind, layouts[i], plain)
            for t in moved:
                if t.source is unit:
                    ctx.transfers.append(("out", t, t.target))
                elif t.target is unit:
                    ctx.transfers.append(("in", t, t.source))
            page = page_for(drng, layouts[i])
            if kind == "final":
                FinalAccount(ctx, current[i], prev[i], page).write()
            else:
                BudgetDocument(ctx, current[i], prev[i], page).write()
            writer.write(ctx, page, year)
        prev = current


def _layout(rng, kind):
    roll = rng.random()
    if kind == "budget":
        return "layout" if roll < 0.8 else "tabs"
    return "tabs" if roll < 0.45 else "layout" if roll < 0.75 else "lost"


def self_test():
    """Same seed, same bytes; and the truth agrees with itself."""
    cat = catalogue_module.load()
    base = tempfile.mkdtemp(prefix="corpus-selftest-")
    try:
        digests = []
        for run in ("a", "b"):
            out = os.path.join(base, run)
            generate(7, 120, out, cat)
            digests.append(_tree_digest(out))
        assert digests[0] == digests[1], "two runs with seed 7 wrote different bytes"
        generate(8, 40, os.path.join(base, "c"), cat)
        assert _tree_digest(os.path.join(base, "c")) != digests[0], "seeds 7 and 8 wrote the same corpus"
        problems = check_truth(os.path.join(base, "a"))
        assert not problems, "\n".join(problems[:20])
        _check_recall(os.path.join(base, "a"))
        print(f"self-test passed: 120 documents deterministic ({digests[0][:12]}), truth consistent, recall.py scores it")
    finally:
        shutil.rmtree(base)


def _check_recall(out):
    """recall.py scores a parser that prints the truth back 100%, and one that drops facts lower."""
    import recall
    hashes = {}
    with open(os.path.join(out, "manifest.ndjson"), encoding="utf-8") as handle:
        for line in handle:
            name = json.loads(line)["file"]
            with open(os.path.join(out, name), "rb") as doc:
                hashes[name] = hashlib.sha256(doc.read()).hexdigest()
    perfect, lossy = os.path.join(out, "perfect.ndjson"), os.path.join(out, "lossy.ndjson")
    with open(os.path.join(out, "truth.ndjson"), encoding="utf-8") as truth, \
            open(perfect, "w", encoding="utf-8") as good, open(lossy, "w", encoding="utf-8") as bad:
        for n, line in enumerate(truth):
            fact = json.loads(line)
            fact["doc"] = hashes[fact["doc"]][: 8 if n % 2 else 64]
            good.write(json.dumps(fact, ensure_ascii=False) + "\n")
            if fact["key"] != "function.budget":
                bad.write(json.dumps(fact, ensure_ascii=False) + "\n")
    for path, expect_full in ((perfect, True), (lossy, False)):
        result = recall.score(out, path)
        totals = [sum(v[i] for v in result["per_key"].values()) for i in range(4)]
        assert (totals[0] == totals[1] and totals[2] == totals[3]) == expect_full, f"recall on {path}: {totals}"
        assert result["per_key"]["function.budget"][1] == (result["per_key"]["function.budget"][0] if expect_full else 0)
    os.remove(perfect)
    os.remove(lossy)


def _tree_digest(out):
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(out):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            digest.update(os.path.relpath(path, out).encode())
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def check_truth(out):
    """Internal consistency of a generated corpus (see README: what the self-test checks)."""
    from consistency import check
    return check(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a synthetic corpus of 部门决算/部门预算 disclosures with ground truth.")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (same seed, same bytes)")
    parser.add_argument("--count", type=int, default=1000, help="number of documents to write")
    parser.add_argument("--out", help="output directory (created; must be empty or absent)")
    parser.add_argument("--catalogue", default=catalogue_module.DEFAULT_TSV, help="classification.tsv to draw codes from")
    parser.add_argument("--corpus", default=catalogue_module.DEFAULT_CORPUS, help="real disclosures to complete the catalogue from")
    parser.add_argument("--plain-utf8", action="store_true", help="write every document as UTF-8 (no BOM, GB18030, UTF-16)")
    parser.add_argument("--check", action="store_true", help="after writing, verify the truth's internal consistency")
    parser.add_argument("--self-test", action="store_true", help="check determinism and truth consistency, then exit")
    args = parser.parse_args(argv)
    if args.self_test:
        self_test()
        return 0
    if not args.out:
        parser.error("--out DIR is required")
    if os.path.isdir(args.out) and os.listdir(args.out):
        parser.error(f"{args.out} is not empty: choose a new directory so old and new documents never mix")
    cat = catalogue_module.load(args.catalogue, args.corpus)
    started = time.time()
    writer = generate(args.seed, args.count, args.out, cat, args.plain_utf8, progress=sys.stderr.isatty())
    elapsed = time.time() - started
    info = {"seed": args.seed, "count": writer.count, "bytes": writer.bytes, "facts": writer.facts,
            "catalogue": cat.fingerprint(), "function_codes": len(cat.names["function"]),
            "economic_codes": len(cat.names["economic"]), "seconds": round(elapsed, 2)}
    with open(os.path.join(args.out, "corpus.json"), "w", encoding="utf-8") as handle:
        json.dump({k: v for k, v in info.items() if k != "seconds"}, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    print(json.dumps(info, ensure_ascii=False))
    if args.check:
        problems = check_truth(args.out)
        for problem in problems[:50]:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
