"""The lines printed around a table grid: its number, title, unit, body and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.ingest.blocks import Line
from yusuan.model.kinds import looks_like_title
from yusuan.model.provenance import Source
from yusuan.model.text import chinese_number, match_key, squash

_NUMBER = re.compile(r"^(?:附)?(?:表([0-9]{1,2}|[一二三四五六七八九十]{1,3})|公开([0-9]{1,2})表)")
_UNIT = re.compile(r"(?:金额)?单位[:：]?(万元|元|千元|亿元|万$)")  # "万" alone: 元 wrapped away
_BODY = re.compile(r"^(?:部门名称|部门|单位名称|编制部门|编制单位|预算单位|预算主管部门|主管部门)[:：](.+?)(?:(?:金额)?单位[:：].*)?$")
_YEAR_LINE = re.compile(r"^(20\d\d)年度?$")
_DASH = "-‐‑‒–—―─━~"
_PAGE_NUMBER = re.compile(
    rf"^(?:[{_DASH}]*\d{{1,3}}[{_DASH}]*|第\d+页(?:[,/]?共\d+页)?|共\d+页,?第\d+页|\d+/\d+|[{_DASH}]*第\d+页[{_DASH}]*)$"
)


def table_number(text: str) -> tuple[str, str] | None:
    """'表 1' → ('1', '表 1'); '公开03表' → ('3', '公开03表'); '表一' → ('1', '表一')."""
    m = _NUMBER.match(match_key(text))
    if not m:
        return None
    digits = m.group(1) or m.group(2)
    value = int(digits) if digits.isdigit() else chinese_number(digits)
    if value is None:
        return None
    return str(value), m.group(0)


def unit_of(text: str) -> str:
    m = _UNIT.search(match_key(text))
    return (m.group(1) if m.group(1) != "万" else "万元") if m else ""


_STRAY_UNIT = re.compile(r"\s+(元|万元)$")


def body_of(text: str) -> str:
    """The body a caption names, also after the title on the title's line; a unit character wrapped
    onto the same line is not part of it."""
    t = match_key(_STRAY_UNIT.sub("", text.strip()))
    m = _BODY.match(t)
    if not m and (title := match_key(title_part(text))) != t and looks_like_title(title):
        m = _BODY.match(t[len(title):])
    return m.group(1) if m else ""


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(match_key(text)))


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
    t = match_key(text)
    if not t:
        return True
    return bool(
        table_number(t) or looks_like_title(title_part(t)) or unit_of(t) and len(t) < 40 or body_of(t)
        or is_page_number(t) or _YEAR_LINE.match(t)
    )


_FRAGMENT = re.compile(r"^[^。；;，,：:]{1,12}$")


_ORDINAL_TITLE = re.compile(r"^([一二三四五六七八九十]{1,3})、")


_RUN_ON = re.compile(
    r"\s*(?:(?:部门名称|单位名称|编制部门|编制单位|预算单位|预算主管部门|主管部门)[:：]|(?:金额)?单位[:：]\s*(?:万元|元|千元|亿元)).*$"
)


def title_part(text: str) -> str:
    """A title printed on one line with the body or the unit after it (…收支预算总表 单位：万元): the title."""
    m = _RUN_ON.search(text)
    return text[:m.start()] if m and m.start() > 0 else text


def _title_at(lines: list[Line], i: int) -> str:
    """The title starting at line i, joined with up to two wrapped fragments after it."""
    if is_page_number(lines[i].text):
        return ""
    title = squash(title_part(lines[i].text))
    if match_key(title).endswith("表"):  # complete as printed: a cover line such as 部门决算表 is not joined
        return title if looks_like_title(title) else ""
    for following in lines[i + 1:i + 3]:
        t = match_key(following.text)
        if looks_like_title(title) or not _FRAGMENT.match(t) or table_number(t) or unit_of(t) or body_of(t):
            break
        title += squash(following.text)
    return title if looks_like_title(title) else ""


def _near(line: Line, grid: Source | None) -> bool:
    """On the grid's page or at the foot of the page before (a title the page end parted from its
    table) in a PDF, or within a few lines of it (text form)."""
    if grid is None or line.source.file != grid.file:
        return grid is None
    if grid.bbox is None:  # text form: page is a line number
        return 0 <= grid.page - line.source.page <= 16
    return 0 <= grid.page - line.source.page <= 1


def take_caption(lines: list[Line], grid: Source | None = None, reach: int = 8) -> Caption:
    """Pop the caption lines from the end of `lines` (those printed just above a grid).

    The caption runs back to the line naming the table (its title, and a number line before it),
    through caption lines and short wrapped fragments (a body name broken over two lines); it stays
    on the grid's page, and a second title (a table of contents above) ends it."""
    start = len(lines)
    k = len(lines) - 1
    titled = False
    while k >= 0 and len(lines) - k <= reach and _near(lines[k], grid):
        text = lines[k].text
        if table_number(text):
            start = k
            titled = titled or bool(_title_at(lines, k))
        elif _title_at(lines, k):
            if titled:
                break
            start, titled = k, True
        elif not (is_caption_line(text) or _FRAGMENT.match(match_key(text))):
            break
        k -= 1
    if start == len(lines):  # nothing names a table: take only plain caption lines
        while start > 0 and is_caption_line(lines[start - 1].text) and len(lines) - start < reach \
                and _near(lines[start - 1], grid):
            start -= 1
    caption = Caption(lines=lines[start:])
    del lines[start:]
    for i, line in enumerate(caption.lines):
        text = line.text
        if not caption.number and (n := table_number(text)):
            caption.number, caption.number_text = n
            rest = squash(text)[len(n[1]):].lstrip(":：、.")
            if rest:
                title = _title_at([Line(rest, line.source), *caption.lines[i + 1:]], 0)
                caption.title = title or caption.title
        elif not caption.title and (title := _title_at(caption.lines, i)):
            caption.title = title
        if not caption.unit:
            caption.unit = unit_of(text)
        if not caption.body and (body := body_of(text)):
            fragment = next((l.text for l in caption.lines[i + 1:] if not is_caption_line(l.text)), "")
            if _FRAGMENT.match(match_key(fragment)):
                body += match_key(fragment)
            caption.body = body
    if not caption.number and (m := _ORDINAL_TITLE.match(caption.title)):
        caption.number = str(chinese_number(m.group(1)))
        caption.number_text = m.group(0)
        caption.title = caption.title[m.end():]
    return caption
