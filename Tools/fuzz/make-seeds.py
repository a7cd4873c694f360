#!/usr/bin/env python3
"""Writes the seed corpus of Tools/fuzz/run.sh into Tools/fuzz/seeds/ (committed; re-run to refresh).

Seeds are slices of the real documents (each table with its title, runs of narrative, the
layout pages of the 预算) plus hand-made nasty inputs the parser must survive.
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
out = root / "Tools/fuzz/seeds"
out.mkdir(exist_ok=True)
for old in out.glob("*"):
    old.unlink()

def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    (out / name).write_bytes(data[:65536])

corpus = sorted((root / "Tests/Corpus").glob("*.txt")) + sorted((root / "Tests/Fixtures/budget").glob("*.txt"))
for path in corpus:
    stem = path.stem.replace(".layout", "")[:40]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # Table slices: from each title (…表 with a year or 公开NN表) to 60 lines on.
    count = 0
    for number, line in enumerate(lines):
        if re.search(r"(公开\s*\d+\s*表|\d{4}\s*年.*表\s*$)", line) and count < 12:
            start = max(0, number - 3)
            write(f"{stem}-table-{count:02}.txt", "".join(lines[start:start + 60]))
            count += 1
    # Narrative slices: 40-line windows every 120 lines.
    for index, start in enumerate(range(0, len(lines), 120)):
        write(f"{stem}-window-{index:02}.txt", "".join(lines[start:start + 40]))

header = "2024 年度一般公共预算财政拨款支出决算表\n公开05表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
nasty = {
    "lone-paren.txt": "（",
    "lone-paren-line.txt": "（\n（类）\n（款）（项）\n",
    "bad-grouping.txt": header + "210\t卫生健康支出\t1,2345.6\t—\t-\n",
    "dash-only.txt": header + "合计\t—\t—\t—\n",
    "huge-digits.txt": header + "210\t卫生健康支出\t" + "9" * 4000 + "\t" + "1," * 1000 + "0\t0\n",
    "huge-digits-narrative.txt": "2024年度收入合计" + "9" * 30000 + "万元。与2023年度相比，减少" + "9" * 30 + "万元，下降" + "9" * 25 + "%。主要原因是",
    "ten-thousand-rows.txt": header + "".join(f"{i % 10}\t{i}\n" for i in range(10000)),
    "unterminated.txt": "2024年度一般公共预算财政拨款支出年初预算为1,234.56万元，支出决算为",
    "mixed-newlines.txt": header.replace("\n", "\r\n") + "210\t卫生健康支出\t1.00\r1.00\t0\r\n\r\r\n21015\t医疗保障管理事务\t1.00\n",
    "nul-bytes.txt": header + "210\x00\t卫生\x00健康支出\t1\x00.00\t\x00\n\x00\x00",
    "rtl-marks.txt": "\u202e2024\u200f年度\u200e收入\u2066合计\u2069 12.00 万元\u202c\n" + header + "\u200f210\t\u202e卫生健康支出\t1.00\n",
    "wide-spaces.txt": "2024年部门收入预算总表\n" + " " * 20000 + "合计" + " " * 20000 + "1.00\n",
    "invalid-utf8.bin": header.encode() + b"\xe5\xae\t\xff\xfe\xc0\x80\t1.00\n\xe6\n",
    "empty.txt": "",
    "only-newlines.txt": "\n" * 5000 + "\r" * 5000,
    "titles-only.txt": "".join(f"公开{i:02}表\n2024 年度收入决算表\n" for i in range(1, 200)),
    "full-width.txt": header + "２１０\t卫生健康支出\t１，２３４．５６\t０．５\t－３\n",
}
for name, data in nasty.items():
    write(name, data)
print(f"{len(list(out.iterdir()))} seeds in {out}")
