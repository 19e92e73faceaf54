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


# Words saying there is nothing to show (0, not the 0 of 0.95).
NONE_WORDS = re.compile(r"无发生额|无数据|空表|无.{0,20}?(?:项目|收支|收入|支出|安排|预算|数据)|没有|不涉及|未安排|"
                        r"为0(?![\d.])|为零|(?<![\d.])0(?:\.0+)?万?元")
# What the narrative must name to say a table has nothing to show, by kind.
_EMPTY_SUBJECT = {
    "gov_fund_expense": "政府性基金",
    "soe_capital_expense": "国有资本经营",
    "three_public_costs": '三公"',
    "office_operating_costs": "机关运行经费",
    "procurement": "政府采购",
    "performance_targets": "绩效目标",
}


def said_to_be_empty(doc: Disclosure, kind: str, *, closely: bool = False) -> bool:
    """The narrative (outside 名词解释) says, in one sentence, that the body has nothing of `kind`'s subject
    (“本部门无政府性基金预算支出”); `closely`: the words saying so follow the subject within its clause
    (“本部门无政府性基金预算”, “政府性基金支出预算支出0万元”; not “政府采购支出预算总额2064.25万元，其中：…
    工程支出0万元”)."""
    subject = _EMPTY_SUBJECT.get(kind)
    if subject is None:
        return False
    for section in doc.sections:
        if glossary(section.heading):
            continue
        for p in section.paragraphs:
            for sentence in re.split(r"[。；;\n]", match_key(p.text)):
                if subject not in sentence:
                    continue
                if not closely and NONE_WORDS.search(sentence):
                    return True
                if closely and any(_said_closely(sentence, m) for m in re.finditer(re.escape(subject), sentence)):
                    return True
    return False


def _said_closely(sentence: str, subject: re.Match) -> bool:
    if sentence[: subject.start()].endswith(("无", "没有", "不涉及")):
        return True
    return any(NONE_WORDS.match(sentence, at) for at in range(subject.end(), min(subject.end() + 12, len(sentence)))
               if "," not in sentence[subject.end():at])
