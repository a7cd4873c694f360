"""The 公开01–09表 of a 决算, as tab columns, as `pdftotext -layout` columns, or lost.

Tab form follows the 2024 sample (empty cells for zero, codes whole). Layout form follows the
Shanghai files: codes split into 类/款/项 columns, names padded to a display width, zero cells
printed as 0, column headers repeated at page breaks, and now and then a long name wrapped
onto the next line or a row's numbers drifted onto the line above. Lost form keeps titles only.
"""

from money import dec
from page import Fact, amount_fact


def width(text):
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def pad(text, cols):
    return text + " " * max(1, cols - width(text))


def split_code(code):
    parts = [code[:3], code[3:5], code[5:7]]
    return f"{parts[0]:<6}{parts[1]:<5}{parts[2]:<5}"


class FunctionTables:
    def __init__(self, doc):
        self.doc, self.page, self.ctx = doc, doc.page, doc.ctx
        self.b, self.y, self.s, self.rng = doc.b, doc.y, doc.s, doc.rng
        self.layout = doc.ctx.layout
        self.yuan = doc.ctx.kind == "budget"

    def fact(self, key, v, code=None, name=None):
        if self.yuan:
            return Fact(key, self.y, str(v), "元", "table", code, name)
        return amount_fact(key, self.y, v, "table", code, name)

    def write(self):
        from final_account import TABLE_TITLES
        for number, title in enumerate(TABLE_TITLES):
            if self.layout == "lost":
                self.lost(number, title)
                continue
            self.title(number, title)
            getattr(self, f"table_{number + 1}")()
            self.page.blank()

    # -- shared ------------------------------------------------------------------------------
    def title(self, number, title):
        page, y = self.page, self.y
        page.line(f"{y} 年度{title}" if self.layout == "tabs" else f"{' ' * 20}{y}年度{title}")
        page.blank()
        if self.layout == "tabs":
            page.line(f"公开 {number + 1:02d} 表")
            page.line("单位：万元")
            page.blank()
            page.line(f"单位：{self.ctx.printed}")
            page.blank()
        else:
            page.line(pad(f"编制部门：{self.ctx.printed}", 90) + f"公开{number + 1:02d}表  单位：万元")
            page.blank()

    def lost(self, number, title):
        page, y = self.page, self.y
        page.line(f"{' ' if number else ''}{y}年度{title}")
        if number in (6, 7):
            page.blank()
            page.line("说明：我部门没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。" if number == 6
                      else "说明：我部门没有国有资本经营收入，也没有使用国有资本经营安排的支出，故本表无数据。")
        elif number == 8:
            page.blank()
            page.line(f"部门：{self.ctx.printed} 单位：万元")
            page.blank()
            page.line("预算数 决算数")
            page.line("1 2 3 4 5 6 7 8 9 10 11 12")
        if number in (0, 5):
            page.blank()

    def cell(self, h, zero_blank=None):
        if zero_blank is None:
            zero_blank = self.layout == "tabs"
        if h == 0 and zero_blank:
            return ""
        if self.yuan:
            return f"{h:,}" if self.s.group or self.layout == "layout" else str(h)
        return self.s.amount(h, group=self.s.group or self.layout == "tabs")

    def code_rows(self, values_of, keys):
        """Rows of a function-classification table: every 类, 款 and 项 with the columns of values_of."""
        by_code = {}
        for item in self.b.sorted_items():
            vals = values_of(item)
            for code in (item.code[:3], item.code[:5], item.code):
                acc = by_code.setdefault(code, [0] * len(vals))
                for i, v in enumerate(vals):
                    acc[i] += v
        rows = []
        for code in sorted(by_code):
            name = self.doc.name(code)
            vals = by_code[code]
            facts = [self.fact(k, v, code, name) for k, v in zip(keys, vals)
                     if k and (v or not self.layout == "tabs")]
            rows.append((code, name, vals, facts))
        return rows

    def emit_code_rows(self, rows, extra_cols, header):
        page, rng = self.page, self.rng
        for n, (code, name, vals, facts) in enumerate(rows):
            if self.layout == "tabs":
                cells = [self.cell(v) for v in vals] + [""] * extra_cols
                page.line(f"{code}\t{name}\t\t" + "\t".join(cells), facts)
                continue
            if n and n % 25 == 0:
                for line in header:
                    page.line(line)
                page.blank()
            numbers = "".join(f"{self.cell(v):>14}" for v in vals)
            roll = rng.random()
            if roll < 0.04 and width(name) > 16:
                cut = len(name) // 2
                page.rows([split_code(code) + pad(name[:cut], 34) + numbers, " " * 16 + name[cut:]], facts)
            elif roll < 0.07:
                page.rows([" " * 50 + numbers, split_code(code) + name], facts)
            else:
                page.line(split_code(code) + pad(name, 34) + numbers, facts)
            if self.rng.random() < 0.5:
                page.blank()

    # -- 公开01表 ----------------------------------------------------------------------------
    def table_1(self):
        from final_account import ORDINAL, ORDINAL_CODE
        b, y, page = self.b, self.y, self.page
        classes = {}
        for item in b.items.values():
            classes[item.code[:3]] = classes.get(item.code[:3], 0) + item.total
        left = [("一、一般公共预算财政拨款收入", b.appropriation, "income.appropriation.general"),
                ("二、政府性基金预算财政拨款收入", 0, None), ("三、国有资本经营预算财政拨款收入", 0, None),
                ("四、上级补助收入", 0, None), ("五、事业收入", 0, None), ("六、经营收入", 0, None),
                ("七、附属单位上缴收入", 0, None), ("八、其他收入", b.other, "income.other")]
        right = []
        for i, (label, code) in enumerate(zip(ORDINAL, ORDINAL_CODE)):
            v = classes.get(code, 0)
            facts = [amount_fact("function.expense.total", y, v, "table", code, label)] if v else []
            right.append((f"{_cn_ordinal(i + 1)}、{label}", v, facts))
        def lf(key, v):
            return [amount_fact(key, y, v, "table")] if key and (v or self.layout != "tabs") else []
        closing = [("本年收入合计", b.income, "income.total", "本年支出合计", b.expense, "expense.total"),
                   ("使用非财政拨款结余（含专用结余）", 0, None, "结余分配", 0, None),
                   ("年初结转和结余", b.opening, "carryover.opening", "年末结转和结余", b.closing, "carryover.closing"),
                   ("总计", b.grand, "grand.total", "总计", b.grand, "grand.total")]
        if self.layout == "tabs":
            page.line("收入\t\t\t支出\t\t")
            page.line("项目\t行\t金额\t项目\t行\t金额")
            page.line("栏次\t\t1\t栏次\t\t2")
            for row in range(26):
                l_label, l_v, l_key = left[row] if row < len(left) else ("", 0, None)
                r_label, r_v, r_facts = right[row]
                page.line(f"{l_label}\t{row + 1}\t{self.cell(l_v)}\t{r_label}\t{row + 31}\t{self.cell(r_v)}",
                          (lf(l_key, l_v) if l_v else []) + r_facts)
            for n, (ll, lv, lk, rl, rv, rk) in enumerate(closing):
                page.line(f"{ll}\t{27 + n}\t{self.cell(lv)}\t{rl}\t{57 + n}\t{self.cell(rv)}", lf(lk, lv) + lf(rk, rv))
            page.blank()
            page.line("注：1. 本表反映部门本年度的总收支和年末结转结余情况。")
            return
        page.line(" " * 18 + "收入" + " " * 35 + "支出")
        page.line(" " * 11 + "项目" + " " * 13 + "决算数" + " " * 23 + "项目" + " " * 10 + "决算数")
        page.blank()
        right = [r for r in right if r[1]]
        for row in range(max(len(left), len(right))):
            l_label, l_v, l_key = left[row] if row < len(left) else ("", 0, None)
            r_label, r_v, r_facts = right[row] if row < len(right) else ("", 0, [])
            l_cell = self.cell(l_v, zero_blank=True)
            text = pad(l_label, 34) + f"{l_cell:>14} " + (pad(r_label, 30) + f"{self.cell(r_v):>14}" if r_label else "")
            page.line(text.rstrip(), (lf(l_key, l_v) if l_v else []) + r_facts)
            page.blank()
        for ll, lv, lk, rl, rv, rk in closing:
            if lv == 0 and rv == 0 and lk != "income.total":
                continue
            page.line(pad(ll, 34) + f"{self.cell(lv):>14} " + pad(rl, 30) + f"{self.cell(rv):>14}", lf(lk, lv) + lf(rk, rv))

    # -- 公开02, 03, 05表 --------------------------------------------------------------------
    def _header(self, columns):
        if self.layout == "tabs":
            return ["项目\t\t\t" + "\t".join(columns), "功能分类 科目编码\t科目名称", "类\t款\t项\t栏次\t" +
                    "\t".join(str(i + 1) for i in range(len(columns)))]
        return [" " * 20 + "项目" + " " * 28 + "决算数", "功能分类科目编码",
                " " * 24 + pad("功能分类科目名称", 26) + "".join(f"{c:>12}" for c in columns[:3]), "类     款    项"]

    def table_2(self):
        b = self.b
        adjust = b.closing - b.opening
        largest = max(b.items.values(), key=lambda i: (i.general, i.code)) if b.items else None
        if largest is not None and largest.general + adjust < 0:
            adjust = 0

        def values(item):
            appr = item.general + (adjust if item is largest else 0)
            return [appr + item.other, appr, item.other]
        columns = ["本年收入合计", "财政拨款收入", "其他收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入"]
        header = self._header(columns)
        for line in header:
            self.page.line(line)
        total = [b.income, b.appropriation, b.other]
        self.total_row(total, ["income.total", None, None], 4)
        self.emit_code_rows(self.code_rows(values, ["function.income.total", None, None]), 4, header)
        self.page.blank()
        self.page.line("注：本表反映部门本年度取得的各项收入情况。")

    def table_3(self):
        b = self.b
        columns = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
        header = self._header(columns)
        for line in header:
            self.page.line(line)
        self.total_row([b.expense, b.basic, b.project], ["expense.total", "expense.basic", "expense.project"], 3)
        self.emit_code_rows(self.code_rows(lambda i: [i.total, i.basic, i.project + i.other],
                                           ["function.expense.total", "function.expense.basic", "function.expense.project"]),
                            3, header)
        self.page.blank()
        self.page.line("注：本表反映部门本年度各项支出情况。")

    def table_5(self):
        b = self.b
        header = self._header(["小计", "基本支出", "项目支出"])
        for line in header:
            self.page.line(line)
        self.total_row([b.general, b.basic, b.general - b.basic], [None, None, None], 0)
        self.emit_code_rows(self.code_rows(lambda i: [i.general, i.basic, i.project],
                                           ["function.general.total", "function.general.basic", "function.general.project"]),
                            0, header)
        self.page.blank()
        self.page.line("注：本表反映部门本年度一般公共预算财政拨款支出情况。")

    def total_row(self, values, keys, extra_cols):
        facts = [self.fact(k, v) for k, v in zip(keys, values) if k and (v or self.layout != "tabs")]
        if self.layout == "tabs":
            self.page.line("\t\t\t合计\t" + "\t".join(self.cell(v) for v in values) + "\t" * extra_cols, facts)
        else:
            self.page.line(pad(" " * 24 + "合计", 40) + "".join(f"{self.cell(v):>14}" for v in values), facts)
        self.page.blank()

    # -- 公开04表 ----------------------------------------------------------------------------
    def table_4(self):
        from final_account import ORDINAL, ORDINAL_CODE
        b, y, page = self.b, self.y, self.page
        classes = {}
        for item in b.items.values():
            classes[item.code[:3]] = classes.get(item.code[:3], 0) + item.general
        head = [("一、一般公共预算财政拨款", b.appropriation, "income.appropriation.general"),
                ("二、政府性基金预算财政拨款", 0, None), ("三、国有资本经营预算财政拨款", 0, None)]
        rows = []
        for i, (label, code) in enumerate(zip(ORDINAL, ORDINAL_CODE)):
            v = classes.get(code, 0)
            if v or self.layout == "tabs":
                rows.append((f"{_cn_ordinal(i + 1)}、{label}", v,
                             [amount_fact("function.general.total", y, v, "table", code, label)] if v else []))
        if self.layout == "tabs":
            page.line("收 入\t\t\t支 出\t\t\t\t\t")
            page.line("项目\t行次\t决算数\t项目\t行次\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算")
        else:
            page.line(" " * 9 + "财政拨款收入" + " " * 40 + "财政拨款支出")
            page.line("    项目            决算数                    项目      合计           一般公共预算")
        page.blank()
        for n in range(max(len(head), len(rows))):
            l_label, l_v, l_key = head[n] if n < len(head) else ("", 0, None)
            r_label, r_v, facts = rows[n] if n < len(rows) else ("", 0, [])
            facts = ([amount_fact(l_key, y, l_v, "table")] if l_key and l_v else []) + facts
            if self.layout == "tabs":
                page.line(f"{l_label}\t{n + 1}\t{self.cell(l_v)}\t{r_label}\t{n + 33}\t{self.cell(r_v)}\t{self.cell(r_v)}\t\t", facts)
            else:
                page.line((pad(l_label, 30) + f"{self.cell(l_v, True):>14} " + pad(r_label, 30) +
                           (f"{self.cell(r_v):>14}{self.cell(r_v):>14}" if r_label else "")).rstrip(), facts)
        total_facts = [amount_fact("income.appropriation", y, b.appropriation, "table")]
        if self.layout == "tabs":
            page.line(f"本年收入合计\t27\t{self.cell(b.appropriation)}\t本年支出合计\t59\t{self.cell(b.general)}\t{self.cell(b.general)}\t\t", total_facts)
            page.line(f"年初财政拨款结转和结余\t28\t{self.cell(b.opening)}\t年末财政拨款结转和结余\t60\t{self.cell(b.closing)}\t{self.cell(b.closing)}\t\t",
                      [amount_fact("carryover.opening", y, b.opening, "table")] * bool(b.opening) +
                      [amount_fact("carryover.closing", y, b.closing, "table")] * bool(b.closing))
            page.line(f"总计\t32\t{self.cell(b.appropriation + b.opening)}\t总计\t64\t{self.cell(b.general + b.closing)}\t{self.cell(b.general + b.closing)}\t\t")
        else:
            page.line(pad("本年收入合计", 30) + f"{self.cell(b.appropriation):>14} " + pad("本年支出合计", 30) + f"{self.cell(b.general):>14}", total_facts)
        page.blank()
        page.line("注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总支出和年末结转结余情况。")

    # -- 公开06表 ----------------------------------------------------------------------------
    def table_6(self):
        b, y, page, cat = self.b, self.y, self.page, self.ctx.cat
        econ = {}
        for code, amount in b.economic:
            econ[code] = econ.get(code, 0) + amount
            econ[code[:3]] = econ.get(code[:3], 0) + amount
        name = lambda c: cat.names["economic"][c]
        personnel_total = sum(a for c, a in b.economic if c[:3] in ("301", "303"))
        public_total = sum(a for c, a in b.economic if c[:3] in ("302", "310"))
        fact = lambda c: [self.fact("economic.basic", econ[c], c, name(c))] if econ.get(c) else []
        if self.layout == "tabs":
            groups = [[], [], []]
            for c in sorted(cat.econ + [k for k in cat.names["economic"] if len(k) == 3]):
                g = 0 if c[:3] in ("301", "303") else 1 if c[:3] == "302" else 2 if c[:3] == "310" else None
                if g is None or (not econ.get(c) and self.rng.random() < 0.6):
                    continue
                groups[g].append(c)
            page.line("人员经费\t\t\t公用经费\t\t\t\t\t\t")
            page.line("经济分类\t科目名称\t决算数\t经济分类科目\t科目名称\t决算数\t经济分类科目\t科目名称\t决算数\t")
            for n in range(max(len(g) for g in groups)):
                cells, facts = [], []
                for g in groups:
                    if n < len(g):
                        c = g[n]
                        cells += [c, name(c), self.cell(econ.get(c, 0))]
                        facts += fact(c)
                    else:
                        cells += ["", "", ""]
                page.line("\t".join(cells) + "\t", facts)
            page.line(f"人员经费合计\t\t{self.cell(personnel_total)}\t公用经费合计\t\t\t\t\t\t{self.cell(public_total)}",
                      [self.fact("expense.basic.personnel", personnel_total),
                       self.fact("expense.basic.public", public_total)])
        else:
            page.line(" " * 22 + "项目" + " " * 23 + "一般公共预算基本支出")
            page.line("部门经济分类科目")
            page.line("    编码" + " " * 21 + "经济分类科目名称   合计           人员经费         公用经费")
            page.line(" 类     款")
            page.blank()
            for c in sorted(econ):
                personnel = c[:3] in ("301", "303")
                v = econ[c]
                code = f" {c[:3]:<6}{c[3:]:<6}" if len(c) == 5 else f" {c:<12}"
                page.line(code + pad(name(c), 28) + f"{self.cell(v):>12}{self.cell(v if personnel else 0):>14}{self.cell(0 if personnel else v):>14}",
                          fact(c))
                page.blank()
            page.line(pad(" " * 20 + "合计", 40) + f"{self.cell(personnel_total + public_total):>12}{self.cell(personnel_total):>14}{self.cell(public_total):>14}",
                      [self.fact("expense.basic", personnel_total + public_total),
                       self.fact("expense.basic.personnel", personnel_total),
                       self.fact("expense.basic.public", public_total)])
        page.blank()
        page.line("注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。")

    # -- 公开07, 08, 09表 --------------------------------------------------------------------
    def table_7(self):
        self.page.line("项目\t\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余" if self.layout == "tabs" else
                       " " * 15 + "项目" + " " * 26 + "政府性基金预算支出")
        self.page.blank()
        self.page.line(f"{self.ctx.printed} {self.y} 年度无政府性基金预算财政拨款收入支出。")

    def table_8(self):
        self.page.line("项目\t\t\t本年支出\t\t" if self.layout == "tabs" else " " * 15 + "项目" + " " * 26 + "国有资本经营预算支出")
        self.page.blank()
        self.page.line(f"{self.ctx.printed} {self.y} 年度无国有资本经营预算财政拨款支出。")

    def table_9(self):
        b, y, page = self.b, self.y, self.page
        tabs = self.layout == "tabs"
        page.line("预算数\t\t\t\t\t\t决算数\t\t\t\t\t" if tabs else " " * 30 + "预算数" + " " * 50 + "决算数")
        page.line("合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费"
                  if tabs else "   合计    因公出国(境)费   小计   购置费   运行费   公务接待费   合计    因公出国(境)费   小计   购置费   运行费   公务接待费")
        page.line("1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12" if tabs else "   " + "        ".join(str(i) for i in range(1, 13)))
        budget, actual = b.three_public["budget"], b.three_public["actual"]
        if not any(budget) and not any(actual):
            page.blank()
            page.line(f"{self.ctx.printed} {y} 年度无财政拨款三公经费支出。")
            return
        values, facts = [], []
        for kind, (o, p, v, r) in (("budget", budget), ("actual", actual)):
            for suffix, amount in (("total", o + p + v + r), ("outbound", o), ("vehicle", p + v),
                                   ("vehicle_purchase", p), ("vehicle_operation", v), ("reception", r)):
                values.append(amount)
                facts.append(amount_fact(f"three_public.{kind}.{suffix}", y, amount, "table"))
        cells = [self.s.amount(v, fixed=self.s.fixed) for v in values]
        page.line("\t".join(cells) if tabs else "".join(f"{c:>10}" for c in cells), facts)
        page.blank()
        page.line("注：本表反映部门本年度财政拨款“三公”经费支出预算决算情况。")


def _cn_ordinal(n):
    from texts import cn
    return cn(n)
