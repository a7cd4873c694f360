"""Writes one 部门预算 (budget) in the shape of the Shanghai street-office files.

Tables are in 元 (whole yuan, as those files print them), the narrative in 万元 rounded to two
decimals; changes are stated against last year's budget, items against last year's execution.
"""

from money import dec, pct, punctuate, yuan_to_wan, scale
from page import Fact, amount_fact
from tables import FunctionTables, pad
import texts

TITLES = ["部门财务收支预算总表", "部门收入预算总表", "部门支出预算总表", "部门财政拨款收支预算总表",
          "部门一般公共预算支出功能分类预算表", "部门政府性基金预算支出功能分类预算表",
          "部门国有资本经营预算支出功能分类预算表", "部门一般公共预算基本支出部门预算经济分类预算表",
          "部门“三公”经费和机关运行经费预算表"]


class BudgetDocument:
    def __init__(self, ctx, books, prev, page):
        self.ctx, self.b, self.prev, self.page = ctx, books, prev, page
        self.y, self.s, self.rng = books.year, ctx.style, ctx.rng
        self.names = {}

    def name(self, code):
        if code not in self.names:
            self.names[code] = self.ctx.cat.name("function", code, self.y, self.rng)
        return self.names[code]

    def w(self, yuan):
        return self.s.wan(yuan_to_wan(yuan))

    def para(self, text, facts=()):
        self.page.para(punctuate(text, self.s, self.rng), facts)

    def F(self, key, yuan, **kw):
        return amount_fact(key, self.y, yuan_to_wan(yuan), **kw)

    def write(self):
        page, y, printed, ctx = self.page, self.y, self.ctx.printed, self.ctx
        place = ctx.unit.district or ctx.unit.city
        page.line(f"{ctx.unit.city if ctx.unit.district else ''}{place}{y}年{'区' if ctx.unit.district else '市'}级部门预算")
        page.blank()
        page.line(f" 预算主管部门：{printed}")
        page.line(" " * 28 + "目   录")
        sections = ["部门主要职能", "部门机构设置", "名词解释", "部门预算编制说明", "部门预算表"]
        for n, title in enumerate(sections):
            page.line(f"{texts.cn(n + 1)}、{title}    {'…' * 30}")
        for n, title in enumerate(TITLES):
            page.line(f"  {n + 1}. {y}年{title}   {'…' * 20}")
        page.line(f"六、其他相关情况说明    {'…' * 30}")
        page.line(" " * 11 + f"{printed}（部门）主要职能")
        page.blank()
        for n, duty in enumerate(texts.DUTIES[: self.rng.randint(4, 8)]):
            self.para(f"{texts.cn(n + 1)}、{duty.format(d=ctx.unit.domain)}。")
        page.line(" " * 9 + f"{printed}（部门）机构设置")
        page.blank()
        self.para(f"{printed}部门预算是包括本部以及下属{self.rng.randint(0, 6)}家预算单位的综合收支计划。")
        page.line(" " * 27 + "名词解释")
        page.blank()
        for n, entry in enumerate(e for e in texts.GLOSSARY if e):
            if n in (0, 4, 6, 12, 13, 15, 16):
                self.para(f"（{texts.cn(n + 1)}）{entry.format(level='区' if ctx.unit.district else '市')}")
        self.explanation()
        self.tables()
        self.other()

    def explanation(self):
        b, prev, y, page = self.b, self.prev, self.y, self.page
        page.line(" " * 27 + f"{y}年部门预算编制说明")
        page.blank()
        now, before = yuan_to_wan(b.appropriation), yuan_to_wan(prev.appropriation)
        d = now - before + self.ctx.anomaly("stated_delta_off", lambda: self.rng.choice((1, -1)))
        words = "持平" if d == 0 else ("增加" if d > 0 else "减少") + self.w(abs(d) * 100)
        facts = [self.F("income.total", b.income), self.F("income.appropriation", b.appropriation),
                 Fact("change.stated", y, dec(d), "万元", "narrative", of="income.appropriation", base_year=y - 1,
                      delta=dec(d)),
                 Fact("income.appropriation", y - 1, dec(now - d), "万元", "implied"),
                 self.F("income.business", 0), self.F("income.operating", 0), self.F("income.other", b.other)]
        self.para(f"{y}年，{self.ctx.printed}收入预算{self.w(b.income)}，其中：财政拨款收入{self.w(b.appropriation)}，"
                  f"比{y - 1}年预算{words}；事业收入{self.w(0)}；事业单位经营收入{self.w(0)}；其他收入{self.w(b.other)}。", facts)
        self.para(f"支出预算{self.w(b.expense)}，其中：财政拨款支出预算{self.w(b.general)}，比{y - 1}年预算{words}。"
                  f"财政拨款支出预算中，一般公共预算拨款支出预算{self.w(b.general)}，比{y - 1}年预算{words}；"
                  f"政府性基金拨款支出预算{self.w(0)}，比{y - 1}年预算持平；国有资本经营预算拨款支出预算{self.w(0)}，比{y - 1}年预算持平。",
                  [self.F("expense.total", b.expense)])
        reason = self.rng.choice(texts.CHANGE_UP if d >= 0 else texts.CHANGE_DOWN).format(p="项目")
        self.para(f"财政拨款收入支出{'增加' if d >= 0 else '减少'}的主要原因是{reason}。")
        self.para("财政拨款支出主要内容如下：")
        for n, item in enumerate(self.b.sorted_items()):
            code = item.code
            amount = yuan_to_wan(item.general)
            before = yuan_to_wan(prev.items[code].general) if code in prev.items else 0
            executed = scale(before, self.rng.randint(750, 1050))
            path = f"{self.name(code[:3])}（类）{self.name(code[:5])}（款）{self.name(code)}（项）"
            if executed == 0:
                p = 10000
            else:
                p = pct(amount - executed, executed, 2)
            if amount == executed:
                change, why = "持平", f"{self.name(code)}经费保持不变"
            else:
                change = ("增加" if p > 0 else "减少") + self.s.pct_text(abs(p))
                why = f"{self.name(code)}经费{'增加' if p > 0 else '减少'}" if self.rng.random() < 0.7 else "项目调整"
            facts = [Fact("function.budget", y, dec(amount), "万元", "narrative", code, self.name(code)),
                     Fact("function.actual", y - 1, dec(executed), "万元", "narrative", code, self.name(code)),
                     Fact("change.stated", y, None, "万元", "narrative", code, self.name(code), of="function.budget",
                          base_year=y - 1, pct=dec(0 if amount == executed else p), reason=why)]
            self.para(f"{n + 1}. “{path}”{self.s.wan(amount)}，主要用于{self.name(code)}。{y - 1}年当年预算执行数为{self.s.wan(executed)}，"
                      f"{y}年预算安排{self.s.wan(amount)}，比{y - 1}年预算执行数{change}。主要原因是：{why}。", facts)

    def tables(self):
        tables = FunctionTables(self)
        tables.layout = self.ctx.layout
        page, y, b = self.page, self.y, self.b
        unit_line = pad(f"编制部门：{self.ctx.printed}", 90) + "单位：元"
        for n, title in enumerate(TITLES):
            page.line(" " * 25 + f"{y}年{title}")
            page.line(unit_line if n != 8 else pad(f"编制部门：{self.ctx.printed}", 90) + "单位:万元")
            page.blank()
            if n == 0:
                self.summary(tables)
            elif n in (1, 2, 4):
                columns = {1: ["合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
                           2: ["合计", "基本支出", "项目支出"], 4: ["合计", "基本支出", "项目支出"]}[n]
                header = [" " * 20 + "项目", "功能分类科目编码", " " * 24 + pad("功能分类科目名称", 12) +
                          "".join(f"{c:>12}" for c in columns), "类     款    项"]
                for line in header:
                    page.line(line)
                page.blank()
                if n == 1:
                    values = lambda i: [i.total, i.general, 0, 0, i.other]
                    keys = ["function.income.total", None, None, None, None]
                    totals, total_keys = [b.income, b.appropriation, 0, 0, b.other], ["income.total"]
                elif n == 2:
                    values = lambda i: [i.total, i.basic, i.project + i.other]
                    keys = ["function.expense.total", "function.expense.basic", "function.expense.project"]
                    totals, total_keys = [b.expense, b.basic, b.project], ["expense.total", "expense.basic", "expense.project"]
                else:
                    values = lambda i: [i.general, i.basic, i.project]
                    keys = ["function.general.total", "function.general.basic", "function.general.project"]
                    totals, total_keys = [b.general, b.basic, b.general - b.basic], []
                tables.emit_code_rows(tables.code_rows(values, keys), 0, header)
                facts = [tables.fact(k, v) for k, v in zip(total_keys, totals) if v or tables.layout != "tabs"]
                page.line(pad(" " * 24 + "合计", 40) + "".join(f"{tables.cell(v):>14}" for v in totals), facts)
            elif n == 3:
                page.line(f"一、一般公共预算资金        {tables.cell(b.appropriation):>14}",
                          [tables.fact("income.appropriation.general", b.appropriation)])
                page.line("二、政府性基金")
                page.line("三、国有资本经营预算")
            elif n in (5, 6):
                page.line(" " * 15 + "项目" + " " * 26 + ("政府性基金预算支出" if n == 5 else "国有资本经营预算支出"))
                page.line(" " * 15 + "合计")
                page.line(f"注:本部门{y}年无{'政府性基金' if n == 5 else '国有资本经营'}预算财政拨款安排的预算，故本表为空表。")
            elif n == 7:
                tables.table_6()
            else:
                self.three_public()
            page.blank()

    def summary(self, tables):
        b, y, page = self.b, self.y, self.page
        from final_account import ORDINAL, ORDINAL_CODE
        classes = {}
        for item in b.items.values():
            classes[item.code[:3]] = classes.get(item.code[:3], 0) + item.total
        right = [(f"{texts.cn(i + 1)}、{label}", classes[code], code) for i, (label, code) in
                 enumerate((l, c) for l, c in zip(ORDINAL, ORDINAL_CODE) if c in classes)]
        left = [("一、财政拨款收入", b.appropriation, "income.appropriation"),
                ("1. 一般公共预算资金", b.appropriation, "income.appropriation.general"),
                ("2. 政府性基金", None, None), ("3. 国有资本经营预算", None, None), ("二、事业收入", None, None),
                ("三、事业单位经营收入", None, None), ("四、其他收入", b.other or None, "income.other")]
        page.line(" " * 18 + "本年收入" + " " * 35 + "本年支出")
        page.line(" " * 11 + "项目" + " " * 13 + "预算数" + " " * 23 + "项目" + " " * 10 + "预算数")
        page.blank()
        for n in range(max(len(left), len(right))):
            l_label, l_v, l_key = left[n] if n < len(left) else ("", None, None)
            r_label, r_v, code = right[n] if n < len(right) else ("", None, None)
            facts = []
            if l_v is not None:
                facts.append(tables.fact(l_key, l_v))
            if r_v is not None:
                facts.append(tables.fact("function.expense.total", r_v, code, ORDINAL[ORDINAL_CODE.index(code)]))
            cell_l = tables.cell(l_v) if l_v is not None else ""
            cell_r = tables.cell(r_v) if r_v is not None else ""
            page.line((pad(l_label, 30) + f"{cell_l:>14} " + pad(r_label, 30) + f"{cell_r:>14}").rstrip(), facts)
            page.blank()
        page.line(" " * 11 + f"收入总计{tables.cell(b.income):>20}" + " " * 12 + f"支出总计{tables.cell(b.expense):>20}",
                  [tables.fact("income.total", b.income), tables.fact("expense.total", b.expense)])

    def three_public(self):
        b, y, page = self.b, self.y, self.page
        o, p, v, r = b.three_public["budget"]
        op = yuan_to_wan(b.operating_budget)
        page.line(" " * 31 + f"{y}年“三公”经费预算数" + " " * 20 + f"{y}年机关运行经费预算数")
        page.line("   合计           因公出国(境)费       公务接待费       小计           购置费        运行费")
        values = [o + p + v + r, o, r, p + v, p, v, op]
        keys = ["total", "outbound", "reception", "vehicle", "vehicle_purchase", "vehicle_operation"]
        facts = [amount_fact(f"three_public.budget.{k}", y, val, "table") for k, val in zip(keys, values)]
        facts.append(amount_fact("operating_cost.budget", y, op, "table"))
        page.line("".join(f"{self.s.amount(val, group=False):>14}" for val in values), facts)

    def other(self):
        b, prev, y, page, rng = self.b, self.prev, self.y, self.page, self.rng
        page.line(" " * 29 + "其他相关情况说明")
        page.blank()
        o, p, v, r = b.three_public["budget"]
        total = o + p + v + r
        last = sum(prev.three_public["budget"])
        d = total - last
        words = "持平" if d == 0 else ("增加" if d > 0 else "减少") + self.s.wan(abs(d))
        k = "three_public.budget."
        self.para(f"一、{y}年“三公”经费预算情况说明")
        self.para(f"{y}年“三公”经费预算数为{self.s.wan(total)}，比{y - 1}年预算{words}。其中：",
                  [amount_fact(k + "total", y, total),
                   Fact("change.stated", y, dec(d), "万元", "narrative", of=k + "total", base_year=y - 1, delta=dec(d)),
                   Fact(k + "total", y - 1, dec(total - d), "万元", "implied")])
        self.para(f"（一）因公出国（境）费{self.s.wan(o)}。（二）公务用车购置及运行费{self.s.wan(p + v)}，其中：公务用车购置费{self.s.wan(p)}；"
                  f"公务用车运行费{self.s.wan(v)}。（三）公务接待费{self.s.wan(r)}。",
                  [amount_fact(k + "outbound", y, o), amount_fact(k + "vehicle", y, p + v),
                   amount_fact(k + "vehicle_purchase", y, p), amount_fact(k + "vehicle_operation", y, v),
                   amount_fact(k + "reception", y, r)])
        self.para("二、机关运行经费预算")
        self.para(f"{y}年{self.ctx.printed}（部门）财政拨款的机关运行经费预算为{self.w(b.operating_budget)}。",
                  [self.F("operating_cost.budget", b.operating_budget)])
        total_p, goods, works, services, sme, small = b.procurement
        self.para("三、政府采购预算情况")
        self.para(f"{y}年本部门政府采购预算{self.w(total_p)}，其中：政府采购货物预算{self.w(goods)}、政府采购工程预算{self.w(works)}、"
                  f"政府采购服务预算{self.w(services)}。",
                  [self.F("procurement.total", total_p), self.F("procurement.goods", goods),
                   self.F("procurement.works", works), self.F("procurement.services", services)])
        self.para(f"{y}年本部门面向中小企业预留政府采购项目预算金额{self.w(sme)}，其中，预留给小型和微型企业的政府采购项目预算为{self.w(small)}。",
                  [self.F("procurement.sme", sme), self.F("procurement.small_micro", small)])
        self.para("四、国有资产占有使用情况")
        self.para(f"截至{y - 1}年8月31日，{self.ctx.printed}（部门）共有车辆{b.vehicles}辆，其中：主要领导干部用车0辆、"
                  f"机要通信用车0辆、其他用车{b.vehicles}辆；单价100万元（含）以上设备（不含车辆）{b.equipment}台（套）。",
                  [Fact("assets.vehicles", y, str(b.vehicles), "辆"), Fact("assets.equipment_over_1m", y, str(b.equipment), "台(套)")])
