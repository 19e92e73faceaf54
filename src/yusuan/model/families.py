"""The three layout families: which tables a disclosure prints, how they are numbered and titled.

Shenzhen (2023) prints 12 tables numbered 表1…表12; Jiangsu provincial bodies 12 tables numbered
公开01表…公开12表; Shanghai Putuo 9 tables titled with the year and 部门 / 单位, unnumbered. Final
accounts (决算) follow the standard set of 9 决算 tables in every family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yusuan.model.disclosure import Disclosure
from yusuan.model.text import match_key

STYLES = ("shenzhen", "jiangsu", "shanghai")
STYLE_NAMES = {"shenzhen": "深圳版式（12 张表）", "jiangsu": "江苏版式（12 张表）", "shanghai": "上海版式（9 张表）"}
DEFAULT_STYLE = "shenzhen"


@dataclass(frozen=True, slots=True)
class TableSpec:
    kind: str
    title: str  # {year} and {level} (部门 / 单位) are filled in


_SHENZHEN = [
    TableSpec("income_expense_summary", "收支总表"),
    TableSpec("income_summary", "收入总表"),
    TableSpec("expense_summary", "支出总表"),
    TableSpec("basic_expense_summary", "基本支出总表"),
    TableSpec("project_expense_summary", "项目支出总表"),
    TableSpec("appropriation_summary", "政府预算拨款收支总表"),
    TableSpec("general_budget_by_function", "一般公共预算支出表（按功能分类）"),
    TableSpec("general_budget_by_economic", "一般公共预算支出表（按经济分类）"),
    TableSpec("three_public_costs", "一般公共预算“三公”经费支出表"),
    TableSpec("gov_fund_expense", "政府性基金预算支出表"),
    TableSpec("soe_capital_expense", "国有资本经营预算支出表"),
    TableSpec("performance_targets", "{body}整体支出绩效目标表"),
]
_JIANGSU = [
    TableSpec("income_expense_summary", "收支预算总表"),
    TableSpec("income_summary", "收入预算总表"),
    TableSpec("expense_summary", "支出预算总表"),
    TableSpec("appropriation_summary", "财政拨款收支预算总表"),
    TableSpec("appropriation_expense", "财政拨款支出预算表（功能科目）"),
    TableSpec("appropriation_basic_by_economic", "财政拨款基本支出预算表（经济科目）"),
    TableSpec("general_budget_by_function", "一般公共预算支出预算表（功能科目）"),
    TableSpec("general_budget_by_economic", "一般公共预算基本支出预算表（经济科目）"),
    TableSpec("three_public_costs", "一般公共预算“三公”经费、会议费、培训费支出预算表"),
    TableSpec("gov_fund_expense", "政府性基金预算支出预算表"),
    TableSpec("office_operating_costs", "一般公共预算机关运行经费支出预算表"),
    TableSpec("procurement", "政府采购支出预算表"),
]
_SHANGHAI = [
    TableSpec("income_expense_summary", "{year}年{level}财务收支预算总表"),
    TableSpec("income_summary", "{year}年{level}收入预算总表"),
    TableSpec("expense_summary", "{year}年{level}支出预算总表"),
    TableSpec("appropriation_summary", "{year}年{level}财政拨款收支预算总表"),
    TableSpec("general_budget_by_function", "{year}年{level}一般公共预算支出功能分类预算表"),
    TableSpec("gov_fund_expense", "{year}年{level}政府性基金预算支出功能分类预算表"),
    TableSpec("soe_capital_expense", "{year}年{level}国有资本经营预算支出功能分类预算表"),
    TableSpec("general_budget_by_economic", "{year}年{level}一般公共预算基本支出部门预算经济分类预算表"),
    TableSpec("three_public_costs", "{year}年{level}“三公”经费和机关运行经费预算表"),
]
_FINAL = [
    TableSpec("income_expense_summary", "收入支出决算总表"),
    TableSpec("income_summary", "收入决算表"),
    TableSpec("expense_summary", "支出决算表"),
    TableSpec("appropriation_summary", "财政拨款收入支出决算总表"),
    TableSpec("general_budget_by_function", "一般公共预算财政拨款支出决算表"),
    TableSpec("general_budget_by_economic", "一般公共预算财政拨款基本支出决算表"),
    TableSpec("three_public_costs", "财政拨款“三公”经费支出决算表"),
    TableSpec("gov_fund_expense", "政府性基金预算财政拨款收入支出决算表"),
    TableSpec("soe_capital_expense", "国有资本经营预算财政拨款收入支出决算表"),
]

_BUDGET_SETS = {"shenzhen": _SHENZHEN, "jiangsu": _JIANGSU, "shanghai": _SHANGHAI}


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    tables: tuple[TableSpec, ...]

    def number_text(self, position: int) -> str:
        """The printed number of the table at 1-based `position` of the set ("" when unnumbered)."""
        if self.name == "jiangsu":
            return f"公开{position:02d}表"
        if self.name == "shenzhen":
            return f"表{position}"
        return ""

    def position(self, kind: str) -> int:
        """1-based position of `kind` in the set, 0 when the family does not print it."""
        return next((i for i, spec in enumerate(self.tables, start=1) if spec.kind == kind), 0)


def family(style: str, final_accounts: bool = False) -> Family:
    if style not in STYLES:
        raise ValueError(f"未知的版式：{style}（可选 {'、'.join(STYLES)}）")
    return Family(style, tuple(_FINAL if final_accounts else _BUDGET_SETS[style]))


def title_of(spec: TableSpec, doc: Disclosure) -> str:
    i = doc.identity
    level = "单位" if i.level == "unit" else "部门"
    return spec.title.format(year=i.year or "", level=level, body=i.body)


def family_of(doc: Disclosure) -> str:
    """The family whose numbering and titles a read disclosure follows (Shenzhen when unclear)."""
    final = doc.identity.kind == "final_accounts"
    scores = {}
    for style in STYLES:
        fam = family(style, final)
        titles = {match_key(title_of(s, doc)) for s in fam.tables} | {match_key(s.title) for s in fam.tables}
        scores[style] = sum(1 for t in doc.tables if match_key(t.title) in titles)
    numbers = [match_key(t.number_text) for t in doc.tables if t.number_text]
    if any(n.startswith("公开") for n in numbers):
        scores["jiangsu"] += len(doc.tables)
    elif any(re.match(r"^表\d", n) for n in numbers):
        scores["shenzhen"] += 1
    if final and not numbers:
        scores["shanghai"] += 1
    return max(STYLES, key=lambda s: (scores[s], s == DEFAULT_STYLE))


# ---------------------------------------------------------------------------- what a disclosure must print

FAMILY_NAMES = {"shenzhen": "深圳市部门预算", "jiangsu": "江苏省级部门预算", "shanghai": "上海市区级预算",
                "final_accounts": "部门决算"}

# The standard table set of each family, and of final accounts in any family.
TABLE_SETS: dict[str, tuple[str, ...]] = {
    **{name: tuple(s.kind for s in specs) for name, specs in _BUDGET_SETS.items()},
    "final_accounts": tuple(s.kind for s in _FINAL),
}

# Kinds only one family prints: they name the family when the place name does not.
_FAMILY_KINDS = {
    "shenzhen": {"basic_expense_summary", "project_expense_summary", "performance_targets"},
    "jiangsu": {"appropriation_expense", "appropriation_basic_by_economic", "procurement"},
}


def place_family(doc: Disclosure) -> str | None:
    """The budget family of the place its body's name or its title names (深圳, 江苏, 上海), or None."""
    names = match_key(doc.identity.body + doc.title)
    return next((fam for place, fam in (("深圳", "shenzhen"), ("江苏", "jiangsu"), ("上海", "shanghai"))
                 if place in names), None)


def expected_family(doc: Disclosure) -> str | None:
    """The family whose standard set `doc` must print ("final_accounts" for any 决算), from the place
    in its names or the kinds only one family prints; None when neither tells (nothing is expected then,
    where `family_of` picks a layout to print in)."""
    if doc.identity.kind == "final_accounts":
        return "final_accounts"
    if (fam := place_family(doc)) is not None:
        return fam
    kinds = {t.kind for t in doc.tables}
    for fam, only in _FAMILY_KINDS.items():
        if kinds & only:
            return fam
    return None
