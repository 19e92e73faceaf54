"""The lines printed around a table grid: its number, title, unit, body and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.ingest.assemble.kinds import looks_like_title
from yusuan.ingest.assemble.normalize import chinese_number, norm
from yusuan.ingest.blocks import Line

_NUMBER = re.compile(r"^(?:附)?(?:表([0-9]{1,2}|[一二三四五六七八九十]{1,3})|公开([0-9]{1,2})表)")
_UNIT = re.compile(r"(?:金额)?单位[:：]?(万元|元|千元|亿元)")
_BODY = re.compile(r"^(?:部门名称|部门|单位名称|编制部门|编制单位|预算单位|预算主管部门|主管部门)[:：](.+?)(?:(?:金额)?单位[:：].*)?$")
_YEAR_LINE = re.compile(r"^(20\d\d)年度?$")
_PAGE_NUMBER = re.compile(r"^(?:-?\d{1,3}-?|第\d+页(?:,?共\d+页)?|\d+/\d+)$")


def table_number(text: str) -> tuple[str, str] | None:
    """'表 1' → ('1', '表 1'); '公开03表' → ('3', '公开03表'); '表一' → ('1', '表一')."""
    m = _NUMBER.match(norm(text))
    if not m:
        return None
    digits = m.group(1) or m.group(2)
    value = int(digits) if digits.isdigit() else chinese_number(digits)
    if value is None:
        return None
    return str(value), m.group(0)


def unit_of(text: str) -> str:
    m = _UNIT.search(norm(text))
    return m.group(1) if m else ""


def body_of(text: str) -> str:
    m = _BODY.match(norm(text))
    return m.group(1) if m else ""


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(norm(text)))


@dataclass(slots=True)
class Caption:
    number: str = ""
    number_text: str = ""
    title: str = ""
    unit: str = ""
    body: str = ""
    lines: list[Line] = field(default_factory=list)

    @property
    def names_table(self) -> bool:
        return bool(self.number or self.title)


def is_caption_line(text: str) -> bool:
    t = norm(text)
    if not t:
        return True
    return bool(
        table_number(t) or looks_like_title(t) or unit_of(t) and len(t) < 40 or body_of(t) or is_page_number(t)
        or _YEAR_LINE.match(t)
    )


def take_caption(lines: list[Line]) -> Caption:
    """Pop the caption lines from the end of `lines` (those printed just above a grid)."""
    caption = Caption()
    while lines and is_caption_line(lines[-1].text):
        line = lines.pop()
        caption.lines.insert(0, line)
    for line in caption.lines:
        text = line.text
        if not caption.number and (n := table_number(text)):
            caption.number, caption.number_text = n
            rest = norm(text)[len(norm(n[1])):]
            if rest and looks_like_title(rest):
                caption.title = rest
        elif not caption.title and looks_like_title(text):
            caption.title = text.strip()
        if not caption.unit:
            caption.unit = unit_of(text)
        if not caption.body:
            caption.body = body_of(text)
    return caption
