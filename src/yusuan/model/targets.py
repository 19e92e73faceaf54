"""Performance targets (目标值): the printed form parsed into operator, value, unit or deadline.

Every form is one entry of a table below. A text that matches no form stays unmeasurable
(operator "", measurable False); the printed text is always kept.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from decimal import Decimal

from yusuan.model.disclosure import Target
from yusuan.model.text import CN_DIGITS as _CN_DIGITS
from yusuan.model.text import cn_number

# Printed symbols and spellings, after NFKC, mapped to one spelling.
_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("\\geqslant", "≥"), ("\\leqslant", "≤"), ("\\geq", "≥"), ("\\leq", "≤"), ("\\ge", "≥"), ("\\le", "≤"),
    ("\\%", "%"), ("\\lt", "<"), ("\\gt", ">"), ("$", ""),
    (">=", "≥"), ("=>", "≥"), ("≥=", "≥"), ("<=", "≤"), ("=<", "≤"), ("≤=", "≤"),
    ("≧", "≥"), ("⩾", "≥"), ("≦", "≤"), ("⩽", "≤"), ("～", "~"), ("—", "-"), ("–", "-"),
)

_SYMBOLS: dict[str, str] = {"≥": ">=", "≤": "<=", ">": ">", "<": "<", "=": "="}

# Word operators before the quantity: 不低于 90%.
_PREFIX_WORDS: tuple[tuple[str, str], ...] = (
    ("大于或等于", ">="), ("大于等于", ">="), ("不低于", ">="), ("不少于", ">="), ("不小于", ">="),
    ("至少", ">="), ("达到", ">="), ("高于或等于", ">="),
    ("小于或等于", "<="), ("小于等于", "<="), ("不超过", "<="), ("不高于", "<="), ("不多于", "<="),
    ("不大于", "<="), ("最多", "<="), ("控制在", "<="),
    ("大于", ">"), ("高于", ">"), ("超过", ">"), ("多于", ">"),
    ("小于", "<"), ("低于", "<"), ("少于", "<"),
    ("等于", "="), ("完成", "="),
)

# Word operators after the quantity: 90%以上, 24小时以内.
_SUFFIX_WORDS: tuple[tuple[str, str], ...] = (
    ("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<="), ("之内", "<="),
    ("内", "<="),
)

# A grade of a published standard (达Ⅲ类标准, V 类) is a measurable target, though no quantity.
GRADE_STANDARD = re.compile(r"[ⅠⅡⅢⅣⅤⅥ]+\s*类|(?<![A-Za-z])[IV]{1,3}\s*类")

_NUM = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+"
_UNIT = r"(?:[A-Za-z%‰°℃]+|[\u4e00-\u9fff]{1,5})?(?:/[\u4e00-\u9fffA-Za-z]{1,3})?"
# Words that make a "unit" a phrase: 2023年完成 is not 2023 of the unit 年完成.
_NOT_IN_UNIT = ("完成", "前", "后", "之", "以", "达", "约", "左右", "提", "降", "增", "减", "不", "每", "底")


@functools.cache
def _quantity_pattern() -> re.Pattern:  # compiled on first use: most documents print no targets
    return re.compile(rf"(?P<num>{_NUM})(?P<unit>{_UNIT})")


def parse_target(text: str) -> Target:
    """The target printed as `text`; unmeasurable (operator "") when no form matches."""
    s = _normalize(text)
    for form in _FORMS:
        found = form(s)
        if found is not None:
            return Target(text=text, measurable=True, **found)
    return Target(text=text)


def _normalize(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    for printed, canonical in _SPELLINGS:
        s = s.replace(printed, canonical)
    return re.sub(r"\s+", "", s)


def _number(text: str) -> Decimal | None:
    if text[0].isdigit() or text[0] in "+-":
        return Decimal(text.replace(",", ""))
    return cn_number(text)


def _quantity(s: str) -> tuple[Decimal, str] | None:
    """A whole string that is one number with an optional unit: 165宗, 90%, 一份/周."""
    m = _quantity_pattern().fullmatch(s)
    if not m:
        return None
    value = _number(m["num"])
    unit = m["unit"]
    if value is None or unit[:1] in _CN_DIGITS or any(w in unit for w in _NOT_IN_UNIT):
        return None
    return value, unit


def _with_suffix(s: str) -> tuple[str, str]:
    """The string without a trailing 以上/以内 word, and that word's operator ("" if none)."""
    for word, op in _SUFFIX_WORDS:
        if s.endswith(word) and len(s) > len(word):
            return s[: -len(word)], op
    return s, ""


def _compared(s: str) -> dict | None:
    """≥165宗, 不低于90%, 90%以上, 100%, 4份, 一份/周, 每季度不少于1次."""
    period = ""
    m = re.match(r"每(个)?(?P<p>[年季度月周天日]{1,2})", s)
    if m:
        period, s = m["p"], s[m.end():]
    op = ""
    m = re.match(r"[A-Za-z]?(?P<op>[≥≤<>=])", s)
    if m:
        op, s = _SYMBOLS[m["op"]], s[m.end():]
    else:
        for word, word_op in _PREFIX_WORDS:
            if s.startswith(word):
                op, s = word_op, s[len(word):]
                break
    s, suffix_op = _with_suffix(s)
    if op and suffix_op and op != suffix_op:
        return None
    found = _quantity(s)
    if found is None:
        return None
    value, unit = found
    if period:
        if "/" in unit:
            return None
        unit = f"{unit}/{period}"
    op = op or suffix_op
    if not op:
        op = "per" if "/" in unit else "="
    return {"operator": op, "value": value, "unit": unit}


def _range(s: str) -> dict | None:
    """0%≤N≤1%, 90%-100%, 1~2次, 3至5天."""
    m = re.fullmatch(r"(?P<a>.+?)[≤<][A-Za-z]+[≤<](?P<b>.+)", s) or re.fullmatch(
        rf"(?P<a>(?:{_NUM}){_UNIT})(?:-|~|至|到)(?P<b>.+)", s
    )
    if not m:
        return None
    lower, upper = _quantity(m["a"]), _quantity(m["b"])
    if lower is None or upper is None:
        return None
    units = {u for u in (lower[1], upper[1]) if u}
    if len(units) > 1 or lower[0] > upper[0]:
        return None
    return {"operator": "range", "value": lower[0], "upper": upper[0], "unit": units.pop() if units else ""}


@functools.cache
def _deadlines() -> tuple[re.Pattern, re.Pattern]:  # compiled on first use
    return (re.compile(r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?:(?P<d>\d{1,2})日)?"
                       r"(?P<end>底|末)?(?P<before>之前|以前|前)?(?:完成)?"),
            re.compile(r"(?P<y>\d{4})[-./](?P<m>\d{1,2})(?:[-./](?P<d>\d{1,2}))?(?P<end>)(?P<before>之前|以前|前)"
                       r"(?:完成)?"))


def _deadline(s: str) -> dict | None:
    """2023年11月底前 → 2023-11; 2023年12月31日前 → 2023-12-31; 2023年底前 → 2023-12; 11月底前 → --11."""
    written, iso = _deadlines()
    m = written.fullmatch(s) or iso.fullmatch(s)
    if not m or not (m["y"] or m["m"]) or not (m["end"] or m["before"]):
        return None
    if m["d"] and m["end"]:
        return None
    if not m["m"]:
        if not m["end"] or m["d"]:
            return None  # only 年底 / 年末 stands for a month
        month = 12
    else:
        month = int(m["m"]) if m["m"].isdigit() else int(cn_number(m["m"]) or 0)
    day = int(m["d"]) if m["d"] else None
    try:  # validate with a leap year when the year is not printed
        datetime.date(int(m["y"] or 2000), month, day or 1)
    except ValueError:
        return None
    date = f"{m['y']}-{month:02d}" if m["y"] else f"--{month:02d}"
    if day:
        date += f"-{day:02d}"
    return {"operator": "before", "date": date}


_FORMS = (_deadline, _range, _compared)
