"""The reviewer's 公开情况检查表: one line per item a reviewer inspects, 符合要求 是/否, and the problems
found on it, from the document and its findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.model.disclosure import Disclosure, Section
from yusuan.model.kinds import kind_of_title, looks_like_title
from yusuan.model.provenance import Source
from yusuan.model.text import match_key
from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.rules.finding import Finding


@dataclass(slots=True)
class Item:
    name: str  # 检查内容
    point: str  # 检查要点
    compliant: bool | None  # None: to be judged by a person (及时性)
    problems: list[str] = field(default_factory=list)


# Narrative parts: (检查内容, 检查要点, heading pattern)
PARTS = [
    ("主要职能", "说明部门（单位）的主要职能", r"职能|职责"),
    ("机构设置", "说明内设机构和所属预算单位构成", r"机构设置|单位构成|机构情况"),
    ("预算编制说明", "说明收支总体情况、增减变化及原因", r"编制说明|收支总体情况|收支预算总体|决算总体情况|情况说明$"),
    ("“三公”经费说明", "说明“三公”经费总额、各项及增减变化原因", r"三公"),
    ("机关运行经费说明", "说明机关运行经费及增减变化", r"机关运行经费"),
    ("政府采购说明", "说明政府采购总额及货物、工程、服务构成", r"政府采购"),
    ("国有资产占用情况", "说明车辆、单价较高的设备等资产", r"国有资产|资产占用"),
    ("绩效目标说明", "说明预算绩效管理和绩效目标设置情况", r"绩效"),
    ("名词解释", "对专业性较强的名词进行解释", r"名词解释"),
    ("其他相关说明", "其他相关情况、其他重要事项的说明", r"其他相关情况|其他重要事项|其他需要说明"),
    ("项目经费情况说明", "说明项目概况、立项依据、实施方案、年度预算安排和绩效目标", r"项目经费|重点项目"),
]
# Parts only some templates have (Shanghai): listed when the document prints them.
_OPTIONAL = {"其他相关说明", "项目经费情况说明"}
# Findings of these families land on the narrative part they are printed in, like those of 文字与表格: the
# sentences, years, names and marks a reviewer reads in that part (a finding about a table goes to the table).
_BY_PLACE = {"文字规范", "主体与年度", "科目编码", "完整性"}
_FINAL_TITLE = re.compile(r"决算")


def build(doc: Disclosure, findings: list[Finding]) -> list[Item]:
    errors = [f for f in findings if f.severity in ("error", "warning")]
    used: set[int] = set()

    def take(pred) -> list[str]:
        out = []
        for i, f in enumerate(errors):
            if i not in used and pred(f):
                used.add(i)
                out.append(_problem(f))
        return out

    kind = "决算" if doc.identity.kind == "final_accounts" else "预算"
    items = [Item("及时性", f"在{kind}批复后 20 日内公开（需人工核对公开日期）", None)]
    cover = doc.title or ""
    items.append(Item("封面", f"标明单位名称、年度和“{kind}”", bool(cover) and str(doc.identity.year or "") in cover,
                      [] if cover else ["封面没有可读的文字标题（可能是图片或矢量文字）。"]))
    items.append(Item("目录", "列出文字部分和全部表格，与正文一致", bool(doc.contents),
                      [] if doc.contents else ["没有目录。"]))
    for name, point, pattern in PARTS:
        sections = _with_subsections(doc.sections, [s for s in doc.sections if re.search(pattern, match_key(s.heading))])
        if not sections and name in _OPTIONAL:
            continue
        problems = take(lambda f, ss=sections: (f.category == "文字与表格" or f.category in _BY_PLACE and not f.kind)
                        and _in_sections(f, ss))
        if not sections:
            problems.insert(0, f"没有找到“{name}”部分。")
        items.append(Item(name, point, bool(sections) and not problems, problems))
    for title, kind_ in _table_titles(doc):
        tables = [t for t in doc.tables if t.kind == kind_]
        problems = take(lambda f, k=kind_: f.kind == k)
        if not tables:
            problems.insert(0, f"目录列出的《{title}》没有公开。")
        elif all(t.empty for t in tables) and not any(t.notes for t in tables):
            problems.insert(0, f"《{title}》没有数据，也没有说明“本表无数据”的原因。")
        items.append(Item(f"《{title}》", "表格完整，数字正确，与其他表格勾稽一致", bool(tables) and not problems, problems))
    rest = take(lambda f: True)
    items.append(Item("其他", "文字规范（无模板残留、年度与单位名称一致等）及其他问题", not rest, rest))
    return items


def _table_titles(doc: Disclosure) -> list[tuple[str, str]]:
    """The tables to inspect: those the contents promise, then any other printed."""
    seen: dict[str, str] = {}
    for entry in doc.contents:
        t = re.sub(r"^[-\s(（]*[一二三四五六七八九十\d]+[)）、.．\s]*", "", entry)
        if looks_like_title(t) and (k := kind_of_title(t)) not in seen:
            seen[k] = t
    for table in doc.tables:
        if table.kind not in seen:
            seen[table.kind] = table.title or TABLE_KINDS[table.kind]
    return [(title, kind) for kind, title in seen.items()]


def _with_subsections(all_sections: list[Section], found: list[Section]) -> list[Section]:
    """The sections found and those printed under them (deeper levels up to the next of the same level)."""
    out: list[Section] = []
    for i, s in enumerate(all_sections):
        if not any(x is s for x in found):
            continue
        out.append(s)
        for below in all_sections[i + 1:]:
            if below.level <= s.level:
                break
            out.append(below)
    return out


def _in_sections(f: Finding, sections: list[Section]) -> bool:
    return any(_contains(s, loc) for s in sections for loc in f.locations)


def _contains(section: Section, loc: Source) -> bool:
    return any(src == loc for p in section.paragraphs for _, src in p.lines) or section.source == loc


def _problem(f: Finding) -> str:
    where = f"第 {f.page} 页：" if f.page else ""
    return where + f.message
