"""The narrative parts a disclosure is expected to print, and the table-of-contents entries that promise
tables (the tables of each family are model.families')."""

from __future__ import annotations

import re

from yusuan.model.disclosure import Disclosure
from yusuan.model.kinds import kind_of_title, looks_like_title
from yusuan.model.text import match_key

# an entry's ordinal: 一、 (一) 1. 1 — a numeral followed by its mark or a space (the 一 of 一般公共预算 is none)
_ORDINAL = re.compile(r"^[-\s(（]*(?:[一二三四五六七八九十]+|\d+)(?:[)）、.．]|\s|$)[)）、.．\s]*")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")


def contents_tables(doc: Disclosure) -> list[tuple[str, str]]:
    """(entry as printed, kind) for each table the contents list, once per kind, in order.

    An entry broken over two lines (…支出预算 / 表) is joined first; part headings (第二部分 …预算表)
    name the tables part, not a table."""
    entries: list[str] = []
    for raw in doc.contents:
        t = match_key(raw)
        if entries and t and not _ORDINAL.match(raw) and not _PART.match(t) and len(t) <= 4:
            entries[-1] += raw.strip()  # the end of the line above (表, 预算表)
        else:
            entries.append(raw.strip())
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for entry in entries:
        if _PART.match(match_key(entry)):
            continue
        title = _ORDINAL.sub("", entry)
        if not looks_like_title(title):
            continue
        kind = kind_of_title(title)
        if kind not in seen:
            seen.add(kind)
            out.append((entry, kind))
    return out


# Narrative parts: (name, heading pattern, text pattern or None). A part is present when a heading
# matches, or — for parts that state amounts — a paragraph outside 名词解释 names it with an amount.
_AMOUNT = r"\d[\d,]*(?:\.\d+)?\s*万?元"
NARRATIVE_PARTS: tuple[tuple[str, str, str | None], ...] = (
    ("主要职能", r"职能|职责", None),
    ("机构设置", r"机构设置|单位构成|机构情况|所属单位", r"机构设置|单位构成|内设机构|下设|编制范围的(?:预算)?单位"),
    ("收支总体情况", r"编制说明|收支总体情况|收支预算总体|收支预算总表|决算总体情况|收入支出决算总表",
     None),
    ("“三公”经费", r"三公", rf'三公".{{0,40}}?{_AMOUNT}'),
    ("机关运行经费", r"机关运行经费", rf"机关运行经费.{{0,40}}?{_AMOUNT}"),
    ("政府采购", r"政府采购", rf"政府采购.{{0,40}}?{_AMOUNT}"),
    ("国有资产占用情况", r"国有资产|资产占用|资产占有", r"共有车辆|车辆\d+辆|单价\d+万元.{0,6}以上"),
    ("预算绩效管理", r"绩效", r"绩效目标|绩效管理|绩效评价|绩效自评"),
    ("名词解释", r"名词解释", None),
)


def glossary(heading: str) -> bool:
    return "名词解释" in match_key(heading)
