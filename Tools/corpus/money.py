"""Exact amounts as integers and the ways a document prints them.

Amounts are integers: hundredths of 万元 for 决算, whole 元 for 预算 tables. No float ever
touches an amount; rounding is integer division, half away from zero.
"""


def round_div(n, d):
    """n / d rounded half away from zero, in integers."""
    if d < 0:
        n, d = -n, -d
    q, r = divmod(abs(n), d)
    if 2 * r >= d:
        q += 1
    return q if n >= 0 else -q


def dec(h):
    """Hundredths as the shortest exact decimal: 226386 -> 2263.86, 220 -> 2.2, 500 -> 5."""
    sign = "-" if h < 0 else ""
    whole, frac = divmod(abs(h), 100)
    if frac == 0:
        return f"{sign}{whole}"
    if frac % 10 == 0:
        return f"{sign}{whole}.{frac // 10}"
    return f"{sign}{whole}.{frac:02d}"


def yuan_to_wan(yuan):
    """Whole 元 as hundredths of 万元, rounded as a narrative prints 156,211,123 元: 15621.11."""
    return round_div(yuan, 100)


def pct(n, d, digits):
    """n / d as a percent in hundredths, rounded to `digits` decimals (0, 1 or 2)."""
    step = 10 ** (2 - digits)
    return round_div(n * 10000, d * step) * step


def scale(amount, permille):
    """amount * permille / 1000, rounded: how the ledger grows and shrinks amounts."""
    return round_div(amount * permille, 1000)


def split(total, parts, rng, floor=0):
    """Splits an integer total into `parts` non-negative integers that sum to it exactly."""
    if parts <= 1:
        return [total]
    weights = [rng.randint(1, 100) for _ in range(parts)]
    s = sum(weights)
    out = [max(floor, total * w // s) for w in weights]
    out[out.index(max(out))] += total - sum(out)
    return out


class Style:
    """How one document prints numbers and punctuation: each document draws its own."""

    def __init__(self, rng, layout):
        self.group = rng.random() < (0.7 if layout == "tabs" else 0.25)   # 2,345.22
        self.fixed = rng.random() < (0.6 if layout == "layout" else 0.2)  # 2.20 rather than 2.2
        self.space = rng.random() < 0.4                                   # "2,345.22 万元"
        self.halfwidth = rng.choice((0.0, 0.0, 0.3, 0.7, 1.0))            # share of (类) over （类）
        self.percent_digits = rng.choice((1, 1, 1, 2, 0))
        self.fullwidth_digits = rng.random() < 0.03                       # ２０２４年 in headings

    def amount(self, h, group=None, fixed=None):
        group = self.group if group is None else group
        fixed = self.fixed if fixed is None else fixed
        whole, frac = divmod(abs(h), 100)
        text = f"{whole:,}" if group else str(whole)
        if fixed:
            text += f".{frac:02d}"
        elif frac:
            text += f".{frac // 10}" if frac % 10 == 0 else f".{frac:02d}"
        return ("-" if h < 0 else "") + text

    def wan(self, h):
        """An amount in a sentence: '2,345.22 万元' or '2345.22万元'."""
        return f" {self.amount(h)} 万元" if self.space else f"{self.amount(h)}万元"

    def pct_text(self, hp):
        text = dec(abs(hp))
        return f" {text}%" if self.space else f"{text}%"

    def yuan(self, y):
        return f"{y:,}" if y else "0"


HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "％": "%", "；": ";"})
FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def punctuate(text, style, rng):
    """Folds a paragraph to half-width punctuation with the document's probability."""
    if style.halfwidth and rng.random() < style.halfwidth:
        return text.translate(HALF)
    return text
