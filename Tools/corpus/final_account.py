"""Writes one 部门决算 (final account) the way published ones read, with its facts.

Shape follows the real samples: 第一部分 概况, 第二部分 the 公开01–09表 (tab columns, space-aligned
layout columns with split 类/款/项 codes, or lost with only their titles), 第三部分 the narrative
sections 一 to 十三, 第四部分 重点工作, 第五部分 名词解释, 第六部分 附件.
"""

from money import dec, pct, punctuate
from page import Fact, amount_fact
from tables import FunctionTables
import texts

ORDINAL = ["一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
           "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出",
           "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
           "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出",
           "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "债务还本支出", "债务付息支出",
           "抗疫特别国债安排的支出"]
ORDINAL_CODE = ["201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
                "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234"]


class FinalAccount:
    """One document: call write(), then read page.lines and page.facts."""

    def __init__(self, ctx, books, prev, page):
        self.ctx, self.b, self.prev, self.page = ctx, books, prev, page
        self.y = books.year
        self.s = ctx.style
        self.rng = ctx.rng
        self.names = {}

    # -- helpers ---------------------------------------------------------------------------
    def name(self, code):
        if code not in self.names:
            self.names[code] = self.ctx.cat.name("function", code, self.y, self.rng)
        return self.names[code]

    def w(self, h):
        return self.s.wan(h)

    def para(self, text, facts=()):
        self.page.para(punctuate(text, self.s, self.rng), facts)

    def F(self, key, h, **kw):
        return amount_fact(key, self.y, h, **kw)

    def change(self, of, now, before, reason, with_pct=True, anomaly=None):
        """The words and facts of a stated change of `of` against last year."""
        d = now - before
        if anomaly is not None:
            d += anomaly
        p = pct(d, before, self.s.percent_digits) if before else None
        if d == 0:
            words = "持平"
        else:
            words = ("增加" if d > 0 else "减少") + self.w(abs(d))
            if with_pct and p is not None:
                words += "，" + ("增长" if d > 0 else "下降") + self.s.pct_text(p)
        extra = {"of": of, "base_year": self.y - 1, "delta": dec(d), "reason": reason}
        if with_pct and p is not None and d != 0:
            extra["pct"] = dec(p)
        elif d == 0:
            extra["pct"] = "0"
        facts = [Fact("change.stated", self.y, dec(d), "万元", "narrative", **extra),
                 Fact(of, self.y - 1, dec(now - d), "万元", "implied")]
        return words, facts

    # -- the document -----------------------------------------------------------------------
    def write(self):
        ctx, page, y = self.ctx, self.page, self.y
        printed = ctx.printed
        if ctx.layout != "lost" or self.rng.random() < 0.3:
            page.line(f"{y} 年度{printed}部门决算公开" if self.rng.random() < 0.5 else f"{printed}{y}年度部门决算")
            page.blank()
            page.line(f"{y + 1} 年 {ctx.published[0]} 月 {ctx.published[1]} 日")
            page.blank()
        if ctx.layout != "lost":
            self.contents()
        self.part_one()
        page.line(f"第二部分 {printed} {y} 年度部门决算表")
        page.blank()
        FunctionTables(self).write()
        self.part_three()
        self.part_four()
        self.glossary()
        self.attachments()

    def contents(self):
        page, printed, y = self.page, self.ctx.printed, self.y
        page.line("目 录")
        page.blank()
        entries = [f"第一部分 {printed}概况", "一、部门主要职责", "二、机构设置情况",
                   f"第二部分 {printed} {y} 年度部门决算表"]
        entries += [f"{texts.cn(i + 1)}、{t}" for i, t in enumerate(TABLE_TITLES)]
        entries += [f"第三部分 {printed} {y} 年度部门决算情况说明"]
        entries += [f"{texts.cn(i + 1)}、{t}" for i, t in enumerate(SECTION_TITLES)]
        entries += [f"第四部分 {y}年度重点工作完成情况", "第五部分 名词解释", "第六部分 附件"]
        for number, entry in enumerate(entries):
            page.line(f"{entry}.....\t{1 + number // 3}" if self.ctx.layout == "tabs" else f"{entry}    {'…' * 20}")
        page.blank()

    def part_one(self):
        unit, rng = self.ctx.unit, self.rng
        self.page.line(f"第一部分 {self.ctx.printed}概况")
        self.page.blank()
        self.page.line("一、部门主要职责")
        self.page.blank()
        duties = texts.DUTIES[: rng.randint(4, len(texts.DUTIES))]
        for i, duty in enumerate(duties):
            self.para(f"{i + 1}{rng.choice(('、', '. ', '.'))}{duty.format(d=unit.domain)}。")
        self.para(f"{len(duties) + 1}、咨询电话：0{rng.randint(10, 99)}-{rng.randint(80000000, 89999999)}。")
        self.page.line("二、机构设置情况")
        self.page.blank()
        n = rng.choice((0, 0, 0, 1, 2, 5))
        self.para(f"从单位构成看，{self.ctx.printed}部门决算由实行独立核算的{self.ctx.printed}本级决算和{n}个下属单位决算组成。")

    def part_three(self):
        page, y, b, prev = self.page, self.y, self.b, self.prev
        page.line(f"第三部分 {self.ctx.printed} {y} 年度部门决算情况说明")
        page.blank()
        reason, reason_facts = self.ctx.change_reason(b.expense - prev.expense)
        off = self.ctx.anomaly("stated_delta_off", lambda: self.rng.choice((1, -1)))
        both = "均为" if self.rng.random() < 0.5 else ""
        # 一
        page.line("一、收入支出决算总体情况说明")
        page.blank()
        words, facts = self.change("grand.total", b.grand, prev.grand, reason)
        self.para(f"{y}年度收、支总计{both}{self.w(b.grand)}。与{y - 1}年度相比，收、支总计各{words}，主要原因是{reason}。",
                  [self.F("grand.total", b.grand)] + facts + reason_facts)
        # 二
        page.line("二、收入决算情况说明")
        page.blank()
        words, facts = self.change("income.total", b.income, prev.income, reason, anomaly=off)
        extra = [self.F("income.appropriation", b.appropriation)]
        tail = f"其中：财政拨款收入{self.w(b.appropriation)}，占本年收入{self.s.pct_text(pct(b.appropriation, b.income, 1))}"
        if b.other:
            extra.append(self.F("income.other", b.other))
            tail += f"；其他收入{self.w(b.other)}，占本年收入{self.s.pct_text(pct(b.other, b.income, 1))}"
        self.para(f"{y}年度收入合计{self.w(b.income)}，与{y - 1}年度相比，收入合计{words}，主要原因是{reason}。{tail}。",
                  [self.F("income.total", b.income)] + facts + extra + reason_facts)
        # 三
        page.line("三、支出决算情况说明")
        page.blank()
        words, facts = self.change("expense.total", b.expense, prev.expense, reason)
        self.para(f"{y}年度支出合计{self.w(b.expense)}，与{y - 1}年度相比，支出合计{words}，主要原因是{reason}。"
                  f"其中：基本支出{self.w(b.basic)}，占本年支出{self.s.pct_text(pct(b.basic, b.expense, 1))}；"
                  f"项目支出{self.w(b.project)}，占本年支出{self.s.pct_text(pct(b.project, b.expense, 1))}。",
                  [self.F("expense.total", b.expense), self.F("expense.basic", b.basic),
                   self.F("expense.project", b.project)] + facts + reason_facts)
        # 四
        page.line("四、财政拨款收入支出决算总体情况说明")
        page.blank()
        if b.opening == 0 and b.closing == 0 and prev.opening == 0 and prev.closing == 0:
            words, facts = self.change("income.appropriation", b.appropriation, prev.appropriation, reason)
            self.para(f"{y}年度财政拨款收、支总计{both}{self.w(b.appropriation)}。与{y - 1}年度相比，财政拨款收、支总计各{words}。主要原因是{reason}。",
                      [self.F("income.appropriation", b.appropriation)] + facts + reason_facts)
        else:
            self.para(f"{y}年度财政拨款收、支总计{self.w(b.appropriation + b.opening)}。")
        words, facts = self.change("income.appropriation.general", b.appropriation, prev.appropriation, reason,
                                   with_pct=self.rng.random() < 0.5)
        verb = "增加" if b.appropriation >= prev.appropriation else "减少"
        fund = [self.F("income.appropriation.fund", 0), self.F("income.appropriation.capital", 0)]
        self.para(f"{y}年度财政拨款收入中，一般公共预算财政拨款收入{self.w(b.appropriation)}，比{y - 1}年度决算数{words}。"
                  f"{verb}主要原因是{reason}。政府性基金预算财政拨款收入0万元。国有资本经营预算财政拨款收入0万元。",
                  [self.F("income.appropriation.general", b.appropriation)] + facts + fund + reason_facts)
        self.section_five(reason)
        self.section_six()
        page.line("七、政府性基金预算财政拨款收入支出决算情况说明")
        page.blank()
        self.para("本部门当年无政府性基金预算财政拨款收入支出。")
        page.line("八、国有资本经营预算财政拨款支出决算情况说明")
        page.blank()
        self.para("本部门当年无国有资本经营预算财政拨款支出。")
        self.section_nine()
        self.sections_ten_to_twelve()
        self.section_thirteen()

    def section_five(self, reason):
        page, y, b, prev, rng = self.page, self.y, self.b, self.prev, self.rng
        page.line("五、一般公共预算财政拨款支出决算情况说明")
        page.blank()
        page.line("(一)一般公共预算财政拨款支出决算总体情况")
        page.blank()
        d = b.general - prev.general
        self.para(f"{y}年度一般公共预算财政拨款支出{self.w(b.general)}，占本年支出合计的{self.s.pct_text(pct(b.general, b.expense, 1))}。"
                  f"与{y - 1}年度相比，一般公共预算财政拨款支出{'增加' if d >= 0 else '减少'}{self.w(abs(d))}。主要原因是{reason}。")
        page.line("(二)一般公共预算财政拨款支出决算结构情况")
        page.blank()
        self.para(f"{y}年度一般公共预算财政拨款支出{self.w(b.general)}，主要用于以下方面：")
        classes = {}
        for item in b.sorted_items():
            classes[item.code[:3]] = classes.get(item.code[:3], 0) + item.general
        suffix = "类支出" if rng.random() < 0.5 else ""
        for i, (code, amount) in enumerate(sorted(classes.items())):
            if amount == 0:
                continue
            self.para(f"{i + 1}. {self.name(code)}{suffix}{self.w(amount)}，占{self.s.pct_text(pct(amount, b.general, 1))}。主要是用于{self.name(code)}相关工作。",
                      [self.F("function.general.total", amount, code=code, name=self.name(code))])
        page.line("(三)一般公共预算财政拨款支出决算具体情况")
        page.blank()
        budget = sum(i.budget for i in b.items.values())
        rate = pct(b.general, budget, self.s.percent_digits) if budget else 0
        facts = [self.F("budget.initial", budget), Fact("budget.execution_rate", y, dec(rate), "%"),
                 self.F("expense.basic", b.basic)]
        basic_project = sum(i.project for i in b.items.values())
        if not b.other:
            facts.append(self.F("expense.project", basic_project))
        projects = [(i.project_name, i.project) for i in b.sorted_items() if i.project and i.project_name]
        used = "；".join(f"{n}{self.w(a)}，主要成效是{rng.choice(texts.OUTCOMES)}" for n, a in projects)
        facts += [Fact("project.amount", y, dec(a), "万元", "narrative", name=n) for n, a in projects]
        self.para(f"{y}年度一般公共预算财政拨款支出年初预算为{self.w(budget)}，支出决算为{self.w(b.general)}，完成年初预算的{self.s.pct_text(rate)}。"
                  f"其中：基本支出{self.w(b.basic)}，项目支出{self.w(basic_project)}。" + (f"项目支出主要用于{used}。" if used else ""), facts)
        grouped = rng.random() < 0.5
        current, n = None, 0
        for item in b.sorted_items():
            if item.general == 0 and item.budget == 0:
                continue
            if grouped and item.code[:3] != current:
                current, n = item.code[:3], 0
                self.para(f"{len(set(c[:3] for c in b.items if c[:3] <= current))}.{self.name(current)}具体包括：")
            n += 1
            self.item_sentence(item, f"({n}) " if grouped else f"{n}. ")

    def item_sentence(self, item, label):
        y, ctx, code = self.y, self.ctx, item.code
        path = f"{self.name(code[:3])}（类）{self.name(code[:5])}（款）{self.name(code)}（项）"
        actual = item.general
        printed_actual = actual + ctx.anomaly("items_not_summing", lambda: self.rng.choice((1, -1, 10, -10)), code=code)
        budget_unit = "万元"
        if ctx.anomaly("stray_unit", lambda: 1, code=code) and item.budget:
            budget_unit = "元"
        facts = [Fact("function.budget", y, dec(item.budget), budget_unit, "narrative", code, self.name(code)),
                 self.F("function.actual", printed_actual, code=code, name=self.name(code))]
        text = f"{label}{path}。年初预算为{self.s.amount(item.budget)}{budget_unit}，支出决算为{self.w(printed_actual)}"
        reason = None
        transfer = ctx.transfer_for(code)
        if item.budget:
            rate = pct(printed_actual, item.budget, self.s.percent_digits)
            facts.append(Fact("function.execution_rate", y, dec(rate), "%", "narrative", code, self.name(code)))
            text += f"，完成年初预算的{self.s.pct_text(rate)}"
            if transfer is not None or abs(rate - 10000) >= 300:
                over = printed_actual > item.budget
                pool = texts.VARIANCE_OVER if over else texts.VARIANCE_UNDER
                reason = self.rng.choice(pool).format(p=item.project_name or "专项经费")
        else:
            over = True
            reason = self.rng.choice(texts.VARIANCE_OVER).format(p=item.project_name or "专项经费")
        if transfer is not None:
            reason, tfacts = transfer
            facts += tfacts
        if reason:
            text += f"，支出决算数{'大于' if over else '小于'}年初预算数的主要原因：{reason}"
            facts.append(Fact("reason.variance", y, None, "", "narrative", code, self.name(code), reason=reason))
        self.para(text + "。", facts)

    def section_six(self):
        b, y = self.b, self.y
        self.page.line("六、一般公共预算财政拨款基本支出决算情况说明")
        self.page.blank()
        self.para(f"{y}年度一般公共预算财政拨款基本支出{self.w(b.basic)}，其中：", [self.F("expense.basic", b.basic)])
        self.para(f"人员经费{self.w(b.personnel)}，主要包括：{'、'.join(texts.PERSONNEL_NAMES[:self.rng.randint(3, 8)])}。",
                  [self.F("expense.basic.personnel", b.personnel)])
        self.para(f"公用经费{self.w(b.public)}，主要包括：{'、'.join(texts.PUBLIC_NAMES[:self.rng.randint(2, 10)])}。",
                  [self.F("expense.basic.public", b.public)])

    def section_nine(self):
        y, b, rng = self.y, self.b, self.rng
        self.page.line("九、财政拨款“三公”经费支出决算情况说明")
        self.page.blank()
        bo, bp, bv, br = b.three_public["budget"]
        ao, ap, av, ar = b.three_public["actual"]
        bt, at = bo + bp + bv + br, ao + ap + av + ar
        k = "three_public."
        self.page.line("(一) “三公”经费财政拨款支出决算总体情况说明。")
        self.page.blank()
        self.para(f"{y}年度“三公”经费财政拨款支出全年预算为{self.w(bt)}，支出决算为{self.w(at)}。",
                  [self.F(k + "budget.total", bt), self.F(k + "actual.total", at)])
        self.page.line("(二) “三公”经费财政拨款支出决算具体情况说明。")
        self.page.blank()
        teams = 0 if ao == 0 else rng.randint(1, 3)
        self.para(f"1.因公出国(境)费全年预算为{self.w(bo)}，支出决算为{self.w(ao)}。全年支出涉及出国(境)团组{teams}个，累计{teams * rng.randint(2, 5) if teams else 0}人次。",
                  [self.F(k + "budget.outbound", bo), self.F(k + "actual.outbound", ao)])
        self.para(f"2.公务用车购置及运行费全年预算为{self.w(bp + bv)}，支出决算为{self.w(ap + av)}。其中：",
                  [self.F(k + "budget.vehicle", bp + bv), self.F(k + "actual.vehicle", ap + av)])
        self.para(f"(1)公务用车购置费全年预算为{self.w(bp)}，支出决算为{self.w(ap)}，本年度购置(更新)公务用车{1 if ap else 0}辆。",
                  [self.F(k + "budget.vehicle_purchase", bp), self.F(k + "actual.vehicle_purchase", ap)])
        self.para(f"(2)公务用车运行费全年预算为{self.w(bv)}，支出决算为{self.w(av)}，截至{y}年12月31日，开支财政拨款的公务用车保有量为{b.vehicles}辆。",
                  [self.F(k + "budget.vehicle_operation", bv), self.F(k + "actual.vehicle_operation", av)])
        self.para(f"3.公务接待费全年预算为{self.w(br)}，支出决算为{self.w(ar)}。{y}年共接待国内来访团组{rng.randint(0, 30) if ar else 0}个。",
                  [self.F(k + "budget.reception", br), self.F(k + "actual.reception", ar)])

    def sections_ten_to_twelve(self):
        y, b, rng, short = self.y, self.b, self.rng, self.ctx.unit.short
        self.page.line("十、机关运行经费支出说明")
        self.page.blank()
        d = b.public - b.operating_budget
        facts = [self.F("operating_cost.actual", b.public)]
        stated = ""
        if rng.random() < 0.5:
            stated = self.w(b.operating_budget)
            facts.append(self.F("operating_cost.budget", b.operating_budget))
        change = f"{'增加' if d >= 0 else '减少'}{self.w(abs(d))}"
        self.para(f"{y}年度{short}机关运行经费支出{self.w(b.public)}，比年初预算数{stated}{change}。主要原因是：{rng.choice(texts.CHANGE_DOWN if d < 0 else texts.CHANGE_UP).format(p='办公经费')}。", facts)
        self.page.line("十一、政府采购支出说明")
        self.page.blank()
        total, goods, works, services, sme, small = b.procurement
        k = "procurement."
        facts = [self.F(k + "total", total), self.F(k + "goods", goods), self.F(k + "works", works),
                 self.F(k + "services", services)]
        text = (f"{y}年度{short}政府采购支出总额{self.w(total)}，其中：政府采购货物支出{self.w(goods)}、"
                f"政府采购工程支出{self.w(works)}、政府采购服务支出{self.w(services)}。")
        if total:
            facts += [self.F(k + "sme", sme), self.F(k + "small_micro", small)]
            text += (f"授予中小企业合同金额{self.w(sme)}，占政府采购支出总额的{self.s.pct_text(pct(sme, total, 0))}，"
                     f"其中：授予小微企业合同金额{self.w(small)}，占授予中小企业合同金额的{self.s.pct_text(pct(small, sme, 0) if sme else 0)}。")
        self.para(text, facts)
        self.page.line("十二、国有资产占用情况说明")
        self.page.blank()
        self.para(f"截至{y}年12月31日，{self.ctx.printed}共有车辆{b.vehicles}辆，其中，主要负责人用车0辆、机要通信用车0辆、"
                  f"应急保障用车0辆、执法执勤用车0辆、其他用车{b.vehicles}辆。单价100万元(含)以上设备(不含车辆){b.equipment}台(套)。",
                  [Fact("assets.vehicles", y, str(b.vehicles), "辆"), Fact("assets.equipment_over_1m", y, str(b.equipment), "台(套)")])

    def section_thirteen(self):
        y, b, rng = self.y, self.b, self.rng
        self.page.line("十三、预算绩效情况说明")
        self.page.blank()
        projects = [i for i in b.sorted_items() if i.project and i.project_name]
        amount = sum(i.project for i in projects)
        self.para(f"(一)预算绩效管理工作开展情况。根据预算绩效管理要求，我部门组织对{y}年度一般公共预算项目支出全面开展绩效自评，"
                  f"共涉及项目{len(projects)}个，资金{self.w(amount)}，占一般公共预算项目支出总额的100%。")
        self.para(f"(二)部门整体支出自评结果。我部门组织开展整体支出绩效自评，资金{self.w(b.general)}，从评价情况来看，资金使用情况总体良好。")
        self.para(f"(三)项目支出自评结果。我部门在{y}年度部门决算中反映所有项目绩效自评结果(不包括涉密项目)，共涉及{len(projects)}个一级项目。")
        self.evaluations = []
        for n, item in enumerate(projects):
            budget = item.project if rng.random() < 0.6 else item.project + rng.randint(0, item.project // 5 + 1)
            rate = pct(item.project, budget, self.s.percent_digits)
            self.evaluations.append((item.project_name, budget, item.project, rate))
            nm = item.project_name
            self.para(f"{n + 1}.{nm}项目绩效自评综述：项目全年预算数为{self.w(budget)}，执行数为{self.w(item.project)}，"
                      f"完成预算的{self.s.pct_text(rate)}。主要产出和效益是：{rng.choice(texts.OUTCOMES)}。",
                      [Fact("project.budget", y, dec(budget), "万元", "narrative", name=nm),
                       Fact("project.executed", y, dec(item.project), "万元", "narrative", name=nm),
                       Fact("project.execution_rate", y, dec(rate), "%", "narrative", name=nm)])
        self.para("(四)绩效自评结果应用情况。通过绩效自评，将绩效结果与预算安排、政策调整挂钩，达到加强项目管理的目的。")

    def part_four(self):
        self.page.line(f"第四部分 {self.y}年重点工作完成情况")
        self.page.blank()
        for n, text in enumerate(self.rng.sample(texts.WORK, self.rng.randint(2, len(texts.WORK)))):
            self.para(f"{texts.cn(n + 1)}、{text}")

    def glossary(self):
        self.page.line("第五部分 名词解释")
        self.page.blank()
        level = "区" if self.ctx.unit.district else "市"
        for n, entry in enumerate(texts.GLOSSARY):
            if entry is None:
                self.para(f"({texts.cn(n + 1)})本部门使用的支出功能分类科目(到项级)")
                for m, item in enumerate(self.b.sorted_items()):
                    c = item.code
                    self.para(f"{m + 1}.{self.name(c[:3])}(类){self.name(c[:5])}(款){self.name(c)}(项)：反映{self.name(c)}方面的支出。")
            else:
                self.para(f"({texts.cn(n + 1)}){entry.format(level=level)}")

    def attachments(self):
        page, y = self.page, self.y
        page.line("第六部分 附件")
        page.blank()
        if self.ctx.layout != "tabs":
            self.para(f"一、{y}年度{self.ctx.printed}整体绩效自评表")
            return
        for n, (name, budget, executed, rate) in enumerate(self.evaluations):
            page.line(f"{texts.cn(n + 1)}、{y} 年度{name}项目绩效自评表")
            page.blank()
            page.line(f"项目名称\t\t{name}\t\t\t")
            page.line("预算执行情况 (万元)\t\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)")
            page.line(f"\t\t年度财政资金总额\t{dec(budget)}\t{dec(executed)}\t{dec(rate)}%",
                      [Fact("project.budget", y, dec(budget), "万元", "table", name=name),
                       Fact("project.executed", y, dec(executed), "万元", "table", name=name),
                       Fact("project.execution_rate", y, dec(rate), "%", "table", name=name)])
            page.blank()


TABLE_TITLES = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
                "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算明细表",
                "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表",
                "财政拨款“三公”经费支出决算表"]
SECTION_TITLES = ["收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "财政拨款收入支出决算总体情况说明",
                  "一般公共预算财政拨款支出决算情况说明", "一般公共预算财政拨款基本支出决算情况说明",
                  "政府性基金预算财政拨款收入支出决算情况说明", "国有资本经营预算财政拨款支出决算情况说明",
                  "财政拨款“三公”经费支出决算情况说明", "机关运行经费支出说明", "政府采购支出说明",
                  "国有资产占用情况说明", "预算绩效情况说明"]
