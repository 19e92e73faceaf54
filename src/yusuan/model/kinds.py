"""Recognise a table's canonical kind from its printed title, whatever its number."""

from __future__ import annotations

import re

from yusuan.model.text import match_key

# The classification a kind's coded rows follow: 支出功能分类 or 支出经济分类 (a sided summary's 支出（按用途）
# side is economic, by row). One list for the rules, the preparation workbook and the charts.
FUNCTION_KINDS = frozenset({
    "income_expense_summary", "income_summary", "expense_summary", "basic_expense_summary",
    "project_expense_summary", "appropriation_summary", "appropriation_expense", "general_budget_by_function",
    "gov_fund_expense", "soe_capital_expense",
})
ECONOMIC_KINDS = frozenset({"appropriation_basic_by_economic", "general_budget_by_economic", "office_operating_costs"})
# Summaries printing income and expense side by side (收支总表, 财政拨款收支总表).
SIDED_KINDS = frozenset({"income_expense_summary", "appropriation_summary"})


def code_scheme(code: str) -> str | None:
    """The classification a code's shape names: 2xx function (3/5/7 digits), 3xx / 5xx economic (3/5)."""
    if not code.isdigit():
        return None
    if code[0] == "2" and len(code) in (3, 5, 7):
        return "function"
    if code[0] in "35" and len(code) in (3, 5):
        return "economic"
    return None


def leaf_codes(rows) -> set[tuple[str, str]]:
    """(side, code) of a table's coded rows with no longer code under them on the same side: the rows
    whose sums count nothing twice (类, 款 and 项 of one tree add up to the same money)."""
    codes: dict[str, list[str]] = {}
    for r in rows:
        if r.code:
            codes.setdefault(r.side, []).append(r.code)
    return {(side, c) for side, cs in codes.items() for c in cs
            if not any(o != c and o.startswith(c) for o in cs)}


def scheme_of(kind: str) -> str | None:
    """"function", "economic", or None for a kind whose rows carry no classification code."""
    return "function" if kind in FUNCTION_KINDS else "economic" if kind in ECONOMIC_KINDS else None


# Ordered: the first pattern that matches the normalised title wins.
_RULES: list[tuple[str, str]] = [
    (r"(重点)?项目(支出)?绩效目标", "project_performance"),
    (r"绩效目标", "performance_targets"),
    (r"三公", "three_public_costs"),
    (r"机关运行经费", "office_operating_costs"),
    (r"政府采购", "procurement"),
    (r"政府性基金", "gov_fund_expense"),
    (r"国有资本经营", "soe_capital_expense"),
    (r"(财政拨款|政府预算拨款)收入?支出?(预算|决算)?总表", "appropriation_summary"),
    (r"一般公共预算(财政)?(拨款)?基本支出", "general_budget_by_economic"),
    (r"一般公共预算.*支出.*经济", "general_budget_by_economic"),
    (r"一般公共预算(财政)?(拨款)?支出", "general_budget_by_function"),
    (r"财政拨款基本支出", "appropriation_basic_by_economic"),
    (r"财政拨款支出", "appropriation_expense"),
    (r"基本支出", "basic_expense_summary"),
    (r"项目支出", "project_expense_summary"),
    (r"收入支出|收支", "income_expense_summary"),
    (r"收入", "income_summary"),
    (r"支出", "expense_summary"),
]
_COMPILED = [(re.compile(p), k) for p, k in _RULES]


def kind_of_title(title: str) -> str:
    t = match_key(title)
    for pattern, kind in _COMPILED:
        if pattern.search(t):
            return kind
    return "unknown"


_TITLE = re.compile(r"(表|表[(（].{2,12}[)）])$")


def looks_like_title(text: str) -> bool:
    """A short line that names a table: ends in 表 (or 表（按功能分类）) and says what it is."""
    t = match_key(text)
    if len(t) < 4 or len(t) > 60 or not _TITLE.search(t):
        return False
    return kind_of_title(t) != "unknown"


def kind_of_heading(heading: str) -> str:
    """The kind of an untitled table printed inside a narrative section, from the section heading."""
    return "project_performance" if re.search(r"重点项目|项目.*绩效", match_key(heading)) else "unknown"
