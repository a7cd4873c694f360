"""A document being written: physical lines as a PDF extraction leaves them, and the facts on them.

Paragraphs are hard-wrapped at the document's width (anywhere, also inside numbers and
units, as pdftotext does), optionally with a blank line after every wrapped line, and a page
number interrupts the text every so many lines. Each fact records the 1-based lines of the
paragraph or row it was written in.
"""

from money import dec


class Fact:
    """One ground-truth fact, in the FACTS.md vocabulary."""

    __slots__ = ("key", "year", "code", "name", "value", "measure", "origin", "extra", "lines")

    def __init__(self, key, year, value, measure="万元", origin="narrative", code=None, name=None, **extra):
        self.key, self.year, self.value, self.measure = key, year, value, measure
        self.origin, self.code, self.name, self.extra = origin, code, name, extra
        self.lines = None

    def identity(self):
        e = self.extra
        return (self.key, self.year, self.code, self.value, self.origin,
                e.get("of"), e.get("delta"), e.get("pct"), self.name if self.key.startswith("project") else None)


def amount_fact(key, year, h, origin="narrative", code=None, name=None, measure="万元"):
    return Fact(key, year, dec(h), measure, origin, code, name)


class Page:
    """The lines of one document, with page numbers and wrapping as the style says."""

    def __init__(self, wrap=0, blank_between=False, page_every=0, indent=""):
        self.lines = []
        self.facts = []
        self.wrap = wrap
        self.blank_between = blank_between
        self.page_every = page_every
        self.indent = indent
        self.page = 1
        self._since_page = 0
        self._lead_space = False

    def _emit(self, line):
        if self._lead_space and line:
            line = " " + line
            self._lead_space = False
        self.lines.append(line)
        position = len(self.lines)
        self._since_page += 1
        if self.page_every and self._since_page >= self.page_every:
            self.page += 1
            self.lines.extend(("", "", "", str(self.page), ""))
            self._since_page = 0
            self._lead_space = True
        return position

    def blank(self):
        self._emit("")

    def line(self, text, facts=()):
        """One physical line (a heading or a table row), never wrapped."""
        at = self._emit(text)
        self._attach(facts, at, at)

    def rows(self, texts, facts=()):
        """Several physical lines that together carry the facts (a wrapped row)."""
        first = last = None
        for text in texts:
            last = self._emit(text)
            first = first or last
        self._attach(facts, first, last)

    def para(self, text, facts=()):
        """A paragraph of narrative, wrapped as the document's extraction wraps text."""
        width = self.wrap
        text = self.indent + text
        if width <= 0 or len(text) <= width:
            first = last = self._emit(text)
        else:
            first = None
            for start in range(0, len(text), width):
                last = self._emit(text[start:start + width])
                first = first or last
                if self.blank_between and start + width < len(text):
                    self._emit("")
        self._attach(facts, first, last)
        if self.blank_between or self.wrap <= 0:
            self._emit("")

    def _attach(self, facts, first, last):
        for fact in facts:
            fact.lines = (first, last)
            self.facts.append(fact)

    def text(self):
        return "\n".join(self.lines) + "\n"
