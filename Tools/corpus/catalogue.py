"""The classification codes the generator prints: the package catalogue, completed from the corpus.

The catalogue (Sources/Disclosure/Resources/classification.tsv) is read at run time, so the
generated corpus follows it as it grows. Codes it lacks are taken from the real disclosures in
Tests/Fixtures/budget (the split-code layout tables of the two Shanghai 预算); the catalogue's name wins where both know a code. A 项 is only used when its 类 and 款
are known, so every printed path is complete.
"""

import hashlib
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_TSV = os.path.join(ROOT, "Sources", "Disclosure", "Resources", "classification.tsv")
DEFAULT_CORPUS = os.path.join(ROOT, "Tests", "Fixtures", "budget")

_TAB_ROW = re.compile(r"^(\d{3}(?:\d{2}){0,2})\t([^\t\d][^\t]*)\t")
_SPLIT_ROW = re.compile(r"^\s*(\d{3})(?:\s{1,6}(\d{2}))?(?:\s{1,6}(\d{2}))?\s{2,}([^\s\d][^\s]*)\s")


class Catalogue:
    """Codes by scheme: function (类 3, 款 5, 项 7 digits) and economic (类 3, 款 5)."""

    def __init__(self):
        self.names = {"function": {}, "economic": {}}
        self.other_names = {"function": {}, "economic": {}}
        self.sources = []

    def add(self, scheme, code, name, others=(), overwrite=False):
        table = self.names[scheme]
        if code in table and not overwrite:
            return
        table[code] = name
        if others:
            self.other_names[scheme][code] = list(others)

    def name(self, scheme, code, year=None, rng=None):
        """The name to print: before 2019 an earlier edition's name, when the catalogue has one."""
        others = self.other_names[scheme].get(code)
        if others and year is not None and year <= 2018 and rng is not None and rng.random() < 0.7:
            return others[0]
        return self.names[scheme][code]

    def complete(self):
        """Drops codes whose parents are unknown, so every 项 has its 款 and 类."""
        for scheme in ("function", "economic"):
            table = self.names[scheme]
            for code in sorted(table, key=len):
                if len(code) == 5 and code[:3] not in table:
                    del table[code]
                elif len(code) == 7 and (code[:5] not in table or code[:3] not in table):
                    del table[code]
        f = self.names["function"]
        self.items = sorted(c for c in f if len(c) == 7)
        self.econ = sorted(c for c in self.names["economic"] if len(c) == 5)
        return self

    def fingerprint(self):
        digest = hashlib.sha256()
        for scheme in ("function", "economic"):
            for code in sorted(self.names[scheme]):
                digest.update(f"{scheme}\t{code}\t{self.names[scheme][code]}\n".encode())
        return digest.hexdigest()[:16]


def load(tsv_path=DEFAULT_TSV, corpus_dir=DEFAULT_CORPUS):
    cat = Catalogue()
    if tsv_path and os.path.exists(tsv_path):
        with open(tsv_path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 3 or cols[0] not in cat.names or not cols[1].isdigit():
                    continue
                others = [n for n in (cols[3].split("|") if len(cols) > 3 else []) if n]
                cat.add(cols[0], cols[1], cols[2], others, overwrite=True)
        cat.sources.append(tsv_path)
    if corpus_dir and os.path.isdir(corpus_dir):
        for entry in sorted(os.listdir(corpus_dir)):
            if entry.endswith(".txt"):
                _read_corpus_file(cat, os.path.join(corpus_dir, entry))
                cat.sources.append(entry)
    for scheme, code, name in _MINIMUM:
        cat.add(scheme, code, name)
    return cat.complete()


def _read_corpus_file(cat, path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    economic_section = False
    for line in text.split("\n"):
        if "经济分类" in line and ("明细表" in line or "预算表" in line):
            economic_section = True
        elif "表" in line and ("功能分类" in line or "收入" in line or "支出" in line) and "经济" not in line:
            economic_section = False
        m = _TAB_ROW.match(line)
        if m and "\t\t" in line[:40] + "\t\t":
            code, name = m.group(1), m.group(2).strip()
            if len(code) in (3, 5, 7) and not economic_section and code[0] == "2":
                cat.add("function", code, name)
        if "\t" in line:
            # 公开06表: code, name, value triplets side by side.
            cells = line.split("\t")
            for i in range(0, len(cells) - 1):
                if re.fullmatch(r"3\d{2}(\d{2})?", cells[i]) and cells[i + 1] and not cells[i + 1][0].isdigit():
                    cat.add("economic", cells[i], cells[i + 1].strip())
            continue
        m = _SPLIT_ROW.match(line)
        if m:
            parts = [p for p in m.group(1, 2, 3) if p]
            code, name = "".join(parts), m.group(4)
            scheme = "economic" if code[0] == "3" else "function"
            if scheme == "economic" and len(code) > 5:
                continue
            cat.add(scheme, code, name)


# Never empty: the handful of codes every unit's personnel spending needs.
_MINIMUM = [
    ("function", "201", "一般公共服务支出"), ("function", "20103", "政府办公厅（室）及相关机构事务"),
    ("function", "2010301", "行政运行"), ("function", "2010302", "一般行政管理事务"),
    ("function", "208", "社会保障和就业支出"), ("function", "20805", "行政事业单位养老支出"),
    ("function", "2080505", "机关事业单位基本养老保险缴费支出"),
    ("function", "210", "卫生健康支出"), ("function", "21011", "行政事业单位医疗"),
    ("function", "2101101", "行政单位医疗"), ("function", "221", "住房保障支出"),
    ("function", "22102", "住房改革支出"), ("function", "2210201", "住房公积金"),
    ("economic", "301", "工资福利支出"), ("economic", "30101", "基本工资"),
    ("economic", "30102", "津贴补贴"), ("economic", "302", "商品和服务支出"),
    ("economic", "30201", "办公费"),
]
