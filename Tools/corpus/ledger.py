"""The books of a unit, year after year: what its disclosures print, exactly.

A unit's spending is a set of 项 (7-digit function codes), each with a basic and a project
part; projects carry names. Year Y is derived from year Y-1 by integer growth factors, items
coming and going, and transfers (划转) of a project to the paired unit, so that the change a
document states against the previous year is exactly this year's total minus last year's.
Amounts are integers in the unit's base (hundredths of 万元 for 决算, 元 for 预算).
"""

from functools import cached_property

from money import scale, split

PERSONNEL_ITEMS = {  # 项 of personnel spending and the 部门经济分类 款 they are paid under
    "2080505": "30108", "2080506": "30109", "2101101": "30110", "2101102": "30110",
    "2101103": "30111", "2210201": "30113", "2210202": "30199", "2210203": "30199",
}


class Item:
    __slots__ = ("code", "basic", "project", "other", "budget", "project_name")

    def __init__(self, code, basic=0, project=0, other=0, project_name=None):
        self.code, self.basic, self.project, self.other = code, basic, project, other
        self.project_name = project_name
        self.budget = 0

    @property
    def general(self):
        return self.basic + self.project

    @property
    def total(self):
        return self.basic + self.project + self.other

    def copy(self):
        item = Item(self.code, self.basic, self.project, self.other, self.project_name)
        item.budget = self.budget
        return item


class Transfer:
    """A project moved from one unit to its pair in one year."""

    __slots__ = ("year", "name", "code", "amount", "source", "target")

    def __init__(self, year, name, code, amount, source, target):
        self.year, self.name, self.code, self.amount = year, name, code, amount
        self.source, self.target = source, target


class YearBooks:
    """Everything one year's disclosure of one unit can state."""

    def __init__(self, year, items):
        self.year = year
        self.items = items               # code -> Item
        self.opening = 0                 # 年初结转和结余 (财政拨款)
        self.closing = 0
        self.three_public = {}           # budget/actual -> (outbound, purchase, operation, reception)
        self.operating_budget = 0
        self.procurement = (0, 0, 0, 0, 0)
        self.vehicles = 0
        self.equipment = 0
        self.economic = []               # (code, amount) 款 rows of basic spending
        self.personnel = 0
        self.public = 0
        self.transfers_out = []
        self.transfers_in = []
        self.prior_execution = {}        # 预算: code -> last year's execution

    def sorted_items(self):
        return [self.items[c] for c in sorted(self.items)]

    @cached_property
    def general(self):
        return sum(i.general for i in self.items.values())

    @cached_property
    def other(self):
        return sum(i.other for i in self.items.values())

    @cached_property
    def expense(self):
        return self.general + self.other

    @cached_property
    def basic(self):
        return sum(i.basic for i in self.items.values())

    @cached_property
    def project(self):
        return sum(i.project + i.other for i in self.items.values())

    @cached_property
    def appropriation(self):
        return self.general + self.closing - self.opening

    @cached_property
    def income(self):
        return self.appropriation + self.other

    @cached_property
    def grand(self):
        return self.income + self.opening


class Ledger:
    """Evolves one unit's books; `unit`'s department decides which codes it spends on."""

    def __init__(self, unit, catalogue, rng, yuan=False):
        self.unit, self.cat, self.rng, self.yuan, self.g = unit, catalogue, rng, yuan, 1
        self.has_other = rng.random() < 0.15
        self.has_carryover = not yuan and rng.random() < 0.2
        self.three_public = rng.random() < 0.55
        self.size = rng.choice((80, 200, 500, 1500, 3000, 8000, 20000))   # 万元 scale
        self.items = self._first_items()

    def _amount(self, permille):
        """A random amount around `permille`/1000 of the unit's size, in the ledger's base."""
        h = max(1, self.size * permille * self.rng.randint(40, 160) // 1000)   # hundredths of 万元
        if self.yuan:                                            # whole 元
            return h * 100 + self.rng.randint(0, 99)
        return h

    def _codes_under(self, prefixes):
        found = []
        for prefix in prefixes:
            found.extend(c for c in self.cat.items if c.startswith(prefix) and c not in found)
            if len(found) >= 4:
                break
        return found

    def _first_items(self):
        rng, dept = self.rng, self.unit.dept
        items = {}
        admin = [c for c in self.cat.items if c.startswith(dept[2]) and c.endswith("01")]
        admin = admin or [c for c in self.cat.items if c.endswith("01") and c[:3] == dept[2][:3]] or ["2010301"]
        items[admin[0]] = Item(admin[0], basic=self._amount(300))
        for code in ("2080505", "2080506", "2101101", "2101103", "2210201", "2210202", "2210203"):
            if code in self.cat.names["function"] and rng.random() < (0.95 if code in ("2080505", "2210201") else 0.5):
                items[code] = Item(code, basic=self._amount(30))
        domain = self._codes_under(dept[1]) or self.cat.items
        projects = self.unit.projects()
        for code in rng.sample(domain, min(len(domain), rng.randint(1, 4))):
            if code in items:
                continue
            item = Item(code, project=self._amount(rng.choice((50, 200, 600))))
            item.project_name = rng.choice(projects)
            if self.has_other and rng.random() < 0.4:
                item.other = self._amount(50)
            items[code] = item
        return items

    def grow(self):
        """Moves the running state on by one year: growth, new items, items that ended."""
        rng = self.rng
        trend = rng.randint(-120, 160)
        for item in self.items.values():
            item.basic = max(0, scale(item.basic, 1000 + trend + rng.randint(-60, 60)))
            item.project = max(0, scale(item.project, 1000 + trend + rng.randint(-250, 300)))
            item.other = max(0, scale(item.other, 1000 + rng.randint(-200, 200)))
        if rng.random() < 0.2:
            domain = self._codes_under(self.unit.dept[1]) or self.cat.items
            code = rng.choice(domain)
            if code not in self.items:
                self.items[code] = Item(code, project=self._amount(100),
                                        project_name=rng.choice(self.unit.projects()))
        dropped = [c for c, i in self.items.items() if i.basic == 0 and i.project == 0 and i.other == 0]
        for code in dropped:
            del self.items[code]

    def snapshot(self, year):
        return YearBooks(year, {c: i.copy() for c, i in self.items.items()})

    def movable(self):
        """A project item a transfer could move part of, or None."""
        candidates = [i for c, i in sorted(self.items.items()) if i.project >= 100 * self.g and i.project_name]
        return self.rng.choice(candidates) if candidates else None

    def finish(self, books):
        """Budgets, carry-overs, 三公, procurement and the economic split of the finished year."""
        rng, g = self.rng, self.g
        for item in books.items.values():
            roll = rng.random()
            if roll < 0.08 and item.project:
                item.budget = 0                                   # added during the year
            elif roll < 0.35:
                item.budget = item.general                        # spent as budgeted
            else:
                item.budget = max(g, scale(item.general, rng.randint(700, 1400)))
        for t in books.transfers_in:                              # arrived during the year
            if t.code in books.items:
                books.items[t.code].budget = max(0, books.items[t.code].general - t.amount)
        for t in books.transfers_out:                             # budgeted before it moved
            if t.code in books.items:
                books.items[t.code].budget = books.items[t.code].general + t.amount
        if self.has_carryover:
            books.opening = scale(books.general, rng.randint(0, 80)) // g * g
            books.closing = scale(books.general, rng.randint(0, 80)) // g * g
        if self.three_public:
            actual = [rng.choice((0, 0, self._small(3))), self._small(rng.choice((0, 0, 0, 25))),
                      self._small(rng.choice((3, 8, 20))), self._small(rng.choice((0, 1, 3)))]
            budget = [a if rng.random() < 0.4 else scale(a, rng.randint(1000, 1300)) for a in actual]
            books.three_public = {"budget": budget, "actual": actual}
        else:
            books.three_public = {"budget": [0, 0, 0, 0], "actual": [0, 0, 0, 0]}
        # Economic split of basic spending: social insurance items map to their own 款.
        basic = books.basic
        econ = {}
        for item in books.items.values():
            if item.code in PERSONNEL_ITEMS and item.basic:
                code = PERSONNEL_ITEMS[item.code]
                econ[code] = econ.get(code, 0) + item.basic
        rest = basic - sum(econ.values())
        public = scale(rest, rng.randint(80, 350))
        wages = rest - public
        wage_codes = [c for c in ("30101", "30102", "30103", "30107", "30199") if c in self.cat.econ]
        public_codes = [c for c in self.cat.econ if c.startswith("302")]
        public_codes = rng.sample(public_codes, min(len(public_codes), rng.randint(3, 8))) if public_codes else []
        for code, part in zip(wage_codes, split(wages, len(wage_codes), rng)):
            econ[code] = econ.get(code, 0) + part
        if public_codes:
            for code, part in zip(public_codes, split(public, len(public_codes), rng)):
                econ[code] = econ.get(code, 0) + part
        else:
            wages += public
            public = 0
        books.economic = sorted((c, a) for c, a in econ.items() if c in self.cat.names["economic"] and a)
        books.personnel = sum(a for c, a in books.economic if c[:3] in ("301", "303"))
        books.public = sum(a for c, a in books.economic if c[:3] in ("302", "310"))
        books.operating_budget = scale(books.public, rng.randint(950, 1150))
        total_p = scale(books.project, rng.choice((0, 20, 60, 150)))
        goods = scale(total_p, rng.randint(0, 400))
        works = scale(total_p - goods, rng.choice((0, 0, 300)))
        services = total_p - goods - works
        sme = scale(total_p, rng.choice((1000, 1000, 800, 600)))
        books.procurement = (total_p, goods, works, services, sme, scale(sme, rng.choice((1000, 700))))
        books.vehicles = rng.choice((0, 0, 0, 1, 2, 3, 7))
        books.equipment = rng.choice((0, 0, 0, 0, 1))
        return books

    def _small(self, wan):
        """三公 amounts are always printed in 万元: hundredths of 万元 regardless of the base."""
        if wan == 0:
            return 0
        return max(1, wan * self.rng.randint(30, 170))

    def take(self, code, amount):
        """Removes `amount` of project spending from `code` (a transfer out) in the running state."""
        item = self.items.get(code)
        if item is None:
            return 0
        moved = min(amount, item.project)
        item.project -= moved
        return moved

    def give(self, code, amount, name):
        item = self.items.get(code)
        if item is None:
            item = self.items[code] = Item(code, project_name=name)
        item.project += amount
        if not item.project_name:
            item.project_name = name
