#!/usr/bin/env python3
"""Writes the test PDFs of the PDFLayout module into Tests/Fixtures/pdf/, with their
`pdftotext -bbox-layout` XHTML beside them, so the tests need neither reportlab nor poppler.

Run once after changing this file (needs `pip install reportlab` and poppler-utils):

    python3 Tools/pdf/make-test-pdfs.py

The documents:
  synthetic-final-account.pdf  公开03表 with split 类/款/项 codes, wrapped names (top-aligned and
                               vertically centred), figures a little above or below the name's
                               baseline, running over two pages with its header repeated; 公开06表
                               with three side-by-side column groups; a 预算 table in 元; running
                               page headers and page numbers interrupting the narrative.
  scanned.pdf                  two pages that are only pictures: no text layer.
  sample-2024.pdf              the tab-separated tables and narrative of the real 2024 sample
                               (Tests/Corpus/wuchang-medical-security-committee-office-2024-final-account.txt)
                               laid out as ruled tables, to prove every cell comes back.
"""
import io
import os
import subprocess
import sys

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "pdf")
SAMPLE = os.path.join(ROOT, "Tests", "Corpus", "wuchang-medical-security-committee-office-2024-final-account.txt")
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def width(text, size):
    return pdfmetrics.stringWidth(text, FONT, size)


class Document:
    """A canvas that knows its page number, prints a running header and a page number on every
    page, and flows paragraphs (wrapped by width, CJK-style: anywhere) down the page."""

    def __init__(self, path, pagesize, header, footer_style, size=10):
        self.c = canvas.Canvas(path, pagesize=pagesize, invariant=1)
        self.c.setTitle(os.path.basename(path))
        self.w, self.h = pagesize
        self.header, self.footer_style, self.size = header, footer_style, size
        self.margin = 50
        self.page = 0
        self.new_page()

    def new_page(self):
        if self.page:
            self.c.showPage()
        self.page += 1
        self.c.setFont(FONT, 8)
        self.c.drawCentredString(self.w / 2, self.h - 30, self.header)
        self.c.line(self.margin, self.h - 34, self.w - self.margin, self.h - 34)
        footer = {"dash": f"- {self.page} -", "chinese": f"第 {self.page} 页", "bare": f"{self.page}"}[self.footer_style]
        self.c.drawCentredString(self.w / 2, 25, footer)
        self.y = self.h - 60

    def room(self, needed):
        if self.y - needed < 50:
            self.new_page()

    def paragraph(self, text, size=None, indent=True):
        size = size or self.size
        lead = size * 1.6
        lines, line = [], ("\u3000\u3000" if indent else "")
        limit = self.w - 2 * self.margin
        for ch in text:
            if width(line + ch, size) > limit:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
        for line in lines:
            self.room(lead)
            self.c.setFont(FONT, size)
            self.c.drawString(self.margin, self.y - size, line.replace("\u3000", "  "))
            self.y -= lead
        self.y -= size * 0.4

    def heading(self, text, size=14):
        self.room(size * 2)
        self.c.setFont(FONT, size)
        self.c.drawCentredString(self.w / 2, self.y - size, text)
        self.y -= size * 1.8

    def caption(self, left, right, size=9):
        self.room(size * 2)
        self.c.setFont(FONT, size)
        if left:
            self.c.drawString(self.margin, self.y - size, left)
        if right:
            self.c.drawRightString(self.w - self.margin, self.y - size, right)
        self.y -= size * 1.7

    def table(self, widths, rows, size=8, header_rows=0, repeat_header=True):
        """Draws ruled rows. A row is a list of cells; a cell is a string, or a dict with
        `lines` (wrapped text), `align` (l/r/c), `valign` (top/middle), `dy` (points to move the
        text up (+) or down (-) from where it belongs) and `span` (columns it covers)."""
        lead = size * 1.35
        header = rows[:header_rows]
        for index, row in enumerate(rows):
            height = max(len(self._lines(cell)) for cell in row) * lead + size * 0.6
            if self.y - height < 50 and index >= header_rows:
                self.new_page()
                if repeat_header:
                    for h in header:
                        self._row(widths, h, size, lead)
            self._row(widths, row, size, lead)
        self.y -= size

    @staticmethod
    def _lines(cell):
        if isinstance(cell, dict):
            return cell.get("lines") or [cell.get("text", "")]
        return [cell]

    def _row(self, widths, row, size, lead):
        height = max(len(self._lines(cell)) for cell in row) * lead + size * 0.6
        x = self.margin
        top = self.y
        column = 0
        self.c.setLineWidth(0.4)
        for cell in row:
            span = cell.get("span", 1) if isinstance(cell, dict) else 1
            w = sum(widths[column:column + span])
            self.c.rect(x, top - height, w, height)
            lines = self._lines(cell)
            align = cell.get("align") if isinstance(cell, dict) else None
            text0 = lines[0] if lines else ""
            if align is None:
                align = "r" if _is_number(text0) else "l"
            valign = cell.get("valign", "top") if isinstance(cell, dict) else "top"
            dy = cell.get("dy", 0) if isinstance(cell, dict) else 0
            block = len(lines) * lead
            first = top - size * 0.3 - size if valign == "top" else top - (height - block) / 2 - size
            self.c.setFont(FONT, size)
            for i, text in enumerate(lines):
                ty = first - i * lead + dy
                if align == "r":
                    self.c.drawRightString(x + w - 2, ty, text)
                elif align == "c":
                    self.c.drawCentredString(x + w / 2, ty, text)
                else:
                    self.c.drawString(x + 2, ty, text)
            x += w
            column += span
        self.y -= height

    def save(self):
        self.c.showPage()
        self.c.save()


def _is_number(text):
    t = text.replace(",", "").replace(".", "", 1)
    return t.isdigit() and len(t) > 0


# ---------------------------------------------------------------------------------------------
# synthetic-final-account.pdf

def synthetic():
    d = Document(os.path.join(OUT, "synthetic-final-account.pdf"), A4, "某市某区测试局 2024 年度部门决算公开", "dash")
    d.heading("第一部分 某市某区测试局概况")
    d.paragraph("一、部门主要职责")
    d.paragraph("负责全区测试工作的组织实施，承办区委、区政府交办的其他事项。" * 3)
    d.paragraph("2024 年度收、支总计均为 1,234.56 万元。与 2023 年度相比，收、支总计各增加 12.34 万元，增长 1%，主要原因是测试任务增加。")
    # 公开03表: split codes, wrapped names, figures off the baseline, runs onto the next page.
    d.new_page()
    d.y -= 380  # start low, so the table must break across the page
    d.heading("2024 年度支出决算表", 13)
    d.caption("公开 03 表", "")
    d.caption("单位：某市某区测试局", "单位：万元")
    widths = [28, 24, 24, 150, 62, 62, 62]
    hdr = [
        [{"text": "功能分类科目编码", "span": 3, "align": "c"}, {"text": "科目名称", "align": "c"},
         {"text": "本年支出合计", "align": "c"}, {"text": "基本支出", "align": "c"}, {"text": "项目支出", "align": "c"}],
        [{"text": "类", "align": "c"}, {"text": "款", "align": "c"}, {"text": "项", "align": "c"},
         {"text": "栏次", "align": "c"}, {"text": "1", "align": "c"}, {"text": "2", "align": "c"}, {"text": "3", "align": "c"}],
    ]
    body = [
        ["", "", "", {"text": "合计", "align": "c"}, "1,234.56", "234.56", "1,000.00"],
        ["201", "", "", "一般公共服务支出", "100.00", "100.00", ""],
        ["201", "06", "", "财政事务", "100.00", "100.00", ""],
        ["201", "06", "01", "行政运行", "100.00", "100.00", ""],
        ["208", "", "", "社会保障和就业支出", "34.56", "34.56", ""],
        ["208", "05", "", "行政事业单位养老支出", "34.56", "34.56", ""],
        # a long name wrapped top-aligned: the figures sit on its first line
        ["208", "05", "05", {"lines": ["机关事业单位基本养老保险缴费", "支出（测试换行）"]}, "30.00", "30.00", ""],
        # a long name wrapped, figures and code centred between its two lines
        [{"text": "208", "valign": "middle"}, {"text": "05", "valign": "middle"}, {"text": "06", "valign": "middle"},
         {"lines": ["机关事业单位职业年金缴费", "支出"]},
         {"text": "4.56", "valign": "middle"}, {"text": "4.56", "valign": "middle"}, {"text": "", "valign": "middle"}],
        ["210", "", "", "卫生健康支出", "1,000.00", "100.00", "900.00"],
        ["210", "01", "", "卫生健康管理事务", "1,000.00", "100.00", "900.00"],
        # figures printed 2.5 points above the name's baseline
        ["210", "01", "01", "行政运行", {"text": "100.00", "dy": 2.5}, {"text": "100.00", "dy": 2.5}, ""],
        # figures printed 2.5 points below
        ["210", "01", "02", "一般行政管理事务", {"text": "900.00", "dy": -2.5}, "", {"text": "900.00", "dy": -2.5}],
        ["221", "", "", "住房保障支出", "100.00", "100.00", ""],
        ["221", "02", "", "住房改革支出", "100.00", "100.00", ""],
        ["221", "02", "01", "住房公积金", "60.00", "60.00", ""],
        ["221", "02", "02", "提租补贴", "40.00", "40.00", ""],
    ]
    d.table(widths, hdr + body, header_rows=2)
    d.paragraph("注：本表反映部门本年度各项支出情况。", 8, indent=False)
    # 公开06表: three side-by-side groups under 人员经费 / 公用经费.
    d.new_page()
    d.heading("2024 年度一般公共预算财政拨款基本支出决算明细表", 13)
    d.caption("公开 06 表", "单位：万元")
    widths = [34, 92, 40, 36, 92, 40, 36, 84, 40]
    hdr = [
        [{"text": "人员经费", "span": 3, "align": "c"}, {"text": "公用经费", "span": 6, "align": "c"}],
        [{"text": t, "align": "c"} for t in ["经济分类", "科目名称", "决算数", "经济分类", "科目名称", "决算数", "经济分类", "科目名称", "决算数"]],
    ]
    body = [
        ["301", "工资福利支出", "150.00", "302", "商品和服务支出", "80.50", "310", "资本性支出", "4.06"],
        ["30101", "基本工资", "50.00", "30201", "办公费", "10.50", "31002", "办公设备购置", "4.06"],
        ["30102", "津贴补贴", "40.00", "30207", "邮电费", "", "31003", "专用设备购置", ""],
        ["30103", "奖金", "30.00", "30211", "差旅费", "5.00", "", "", ""],
        ["30108", {"lines": ["机关事业单位基本养老", "保险缴费"]}, "20.00",
         "30231", {"lines": ["公务用车运行维护费", "（测试换行）"]}, "60.00", "", "", ""],
        ["30113", "住房公积金", "10.00", "30299", "其他商品和服务支出", "5.00", "", "", ""],
        ["人员经费合计", "", "150.00", "公用经费合计", "", "", "", "", "84.56"],
    ]
    d.table(widths, hdr + body, header_rows=2)
    d.paragraph("注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。", 8, indent=False)
    # A 预算 table in 元, no rules between the halves of its codes.
    d.heading("2024年部门支出预算总表", 13)
    d.caption("编制部门：某市某区测试局", "单位：元")
    widths = [28, 24, 24, 150, 70, 70, 70]
    hdr = [[{"text": "类", "align": "c"}, {"text": "款", "align": "c"}, {"text": "项", "align": "c"},
            {"text": "功能分类科目名称", "align": "c"}, {"text": "合计", "align": "c"},
            {"text": "基本支出", "align": "c"}, {"text": "项目支出", "align": "c"}]]
    body = [
        ["201", "", "", "一般公共服务支出", "2,932,700", "0", "2,932,700"],
        ["201", "05", "", "统计信息事务", "257,700", "0", "257,700"],
        ["201", "05", "07", "专项普查活动", "257,700", "0", "257,700"],
        ["合计", "", "", "", "2,932,700", "0", "2,932,700"],
    ]
    d.table(widths, hdr + body, header_rows=1)
    d.paragraph("第三部分 情况说明", 12, indent=False)
    # A sentence long enough to be interrupted by a page break (header and number in between).
    d.y = 90
    d.paragraph("2024 年度一般公共预算财政拨款支出年初预算为 1,300.00 万元，支出决算为 1,234.56 万元，完成年初预算的 95%。"
                "主要原因是项目按进度支付，部分测试工作顺延至下一年度实施，相关经费未在本年度支出，结转下年继续使用。"
                "其中：基本支出 234.56 万元，项目支出 1,000.00 万元。")
    d.save()


# ---------------------------------------------------------------------------------------------
# scanned.pdf: pictures of pages, no text layer

def scanned():
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    c = canvas.Canvas(os.path.join(OUT, "scanned.pdf"), pagesize=A4, invariant=1)
    for page in range(2):
        img = Image.new("L", (300, 420), 255)
        draw = ImageDraw.Draw(img)
        for row in range(12):
            draw.rectangle([20, 40 + row * 28, 280, 60 + row * 28], outline=0)
            draw.text((26, 44 + row * 28), f"scan {page + 1}.{row + 1}  1,234.56", fill=0)
        buffer = io.BytesIO()
        img.save(buffer, format="PNG")
        buffer.seek(0)
        c.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()


# ---------------------------------------------------------------------------------------------
# sample-2024.pdf: the real sample, its tab tables laid out as ruled tables

def sample():
    lines = open(SAMPLE, encoding="utf-8").read().split("\n")
    d = Document(os.path.join(OUT, "sample-2024.pdf"), landscape(A4),
                 "武汉市武昌区医疗保障管理委员会办公室 2024 年度部门决算", "chinese", size=9)
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" in line and not _is_toc(line):
            block = []
            while index < len(lines) and "\t" in lines[index]:
                block.append(lines[index].split("\t"))
                index += 1
            _sample_table(d, block)
            continue
        text = line.strip()
        if text:
            d.paragraph(text, indent=False)
        index += 1
    d.save()


def _is_toc(line):
    return "....." in line


def _sample_table(d, block):
    columns = max(len(r) for r in block)
    rows = [r + [""] * (columns - len(r)) for r in block]
    size = 7
    widths = [max(width(r[c], size) for r in rows) + 6 for c in range(columns)]
    widths = [max(w, 14) for w in widths]
    limit = d.w - 2 * d.margin
    while sum(widths) > limit and size > 4:
        size -= 0.5
        widths = [max(max(width(r[c], size) for r in rows) + 6, 14) for c in range(columns)]
    if len(rows) * size * 1.35 + 20 < d.y - 50:
        pass
    else:
        d.new_page()
    # As the published tables print them: names and codes left, amounts right, 行次 and 栏次
    # numbers centred.
    def cell(text):
        if text.isdigit() and len(text) <= 2:
            return {"text": text, "align": "c"}
        if text.isdigit():
            return {"text": text, "align": "l"}
        return text
    d.table(widths, [[cell(t) for t in r] for r in rows], size=size, header_rows=0, repeat_header=False)


def bbox(pdf):
    xhtml = pdf[:-4] + ".bbox.xhtml"
    subprocess.run(["pdftotext", "-bbox-layout", pdf, xhtml], check=True)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    synthetic()
    scanned()
    sample()
    for name in ["synthetic-final-account.pdf", "scanned.pdf", "sample-2024.pdf"]:
        bbox(os.path.join(OUT, name))
        print("wrote", os.path.join("Tests/Fixtures/pdf", name), os.path.getsize(os.path.join(OUT, name)), "bytes")
    sys.exit(0)
