"""What a figure of the narrative is about: the subjects (key, name, tier, how it is written), the parts
each may list, what else a figure may be said of, and the classified items (…（类）…（款）…（项））."""

from __future__ import annotations

import re

# ------------------------------------------------------------------------------------------- subjects

# (key, tier, pattern) — the subject of a figure is the most specific subject its clause names
SUBJECTS: list[tuple[str, int, str]] = [
    ("three_public.vehicle_total", 5, r'公务用车购置(?:及|和|与)运行(?:维护)?(?:费用?|经费)?'),
    ("three_public.vehicle_purchase", 5, r'公务用车购置(?:费|经费)?'),
    ("three_public.vehicle_operation", 5, r'公务(?:车)?用车运行(?:维护)?(?:费用?|经费)?|车辆运行维护费'),
    ("three_public.abroad", 5, r'因公出国\(境\)(?:费用?|经费)?'),
    ("three_public.reception", 5, r'公务接待(?:费|支出)'),
    ("three_public.total", 5, r'"?三公"?经费'),
    ("meeting", 5, r'会议费'),
    ("training", 5, r'培训费'),
    ("office_operating", 5, r'机关运行(?:经)?费|(?<!行政)运行经费'),
    ("procurement.goods", 5, r'货物类?(?:政府)?采购|拟(?:采)?购(?:买)?货物|政府采购货物|购买货物|^货物类'),
    ("procurement.works", 5, r'工程类?(?:政府)?采购|拟(?:采)?购(?:买)?工程|政府采购工程|购买工程|^工程类'),
    ("procurement.services", 5, r'服务类?(?:政府)?采购|拟(?:采)?购(?:买)?服务|政府采购服务|^服务类'),
    ("procurement.small_micro", 5, r'(?:小型和微型|小型、微型|小微)企业'),
    ("procurement.sme", 5, r'面向中小企业'),
    ("procurement.total", 4, r'政府采购'),
    ("personnel", 3, r'人员(?:支出|经费)'),
    ("public", 3, r'公用(?:支出|经费)'),
    ("family", 3, r'对个人和家庭(?:的)?补助'),
    ("reserve", 3, r'预留机动(?:经费)?'),
    ("basic", 3, r'基本支出'),
    ("project", 3, r'项目支出'),
    ("carry_forward", 3, r'结转下年'),
    ("carryover", 3, r'上年结转'),
    ("general_budget", 2, r'一般公共预算'),
    ("gov_fund", 2, r'政府性基金'),
    ("soe_capital", 2, r'国有资本经营'),
    ("special_account", 2, r'财政专户管理资金'),
    ("business_income", 2, r'事业收入'),
    ("operating_income", 2, r'(?<!非)经营收入'),
    ("other_funds", 2, r'其他资金|其他收入'),
    ("fiscal", 1, r'财政拨款|政府预算拨款'),
    ("total", 0, r'收入?、?支出?(?:预算)?总计|收、支(?:总)?预算|收入支出总计|收支(?:预算)?总计'),
    ("income_total", 0, r'收入(?:预算|决算)?(?:总计|合计)|本年收入'),
    ("expense_total", 0, r'支出(?:预算|决算)?(?:总计|合计)|本年支出'),
    # 部门预算收入 / 收入预算 are the totals only when nothing narrower is named before them (非税收入预算 is not)
    ("income_total*", 0, r'(?:部门)?预算收入|收入预算'),
    ("expense_total*", 0, r'(?:部门)?预算支出|支出预算(?!中)'),
]
# How a subject is called in a message (a classified item, an unnamed item or a count by its own label).
NAMES = {
    "total": "收支总计", "income_total": "收入总计", "expense_total": "支出总计", "fiscal": "财政拨款",
    "general_budget": "一般公共预算", "gov_fund": "政府性基金预算", "soe_capital": "国有资本经营预算",
    "special_account": "财政专户管理资金", "other_funds": "其他资金", "business_income": "事业收入",
    "operating_income": "经营收入", "basic": "基本支出", "project": "项目支出", "reserve": "单位预留机动经费",
    "personnel": "人员经费", "public": "公用经费", "family": "对个人和家庭的补助",
    "three_public.total": "“三公”经费", "three_public.abroad": "因公出国（境）费",
    "three_public.reception": "公务接待费", "three_public.vehicle_total": "公务用车购置及运行维护费",
    "three_public.vehicle_purchase": "公务用车购置费", "three_public.vehicle_operation": "公务用车运行维护费",
    "meeting": "会议费", "training": "培训费", "office_operating": "机关运行经费",
    "procurement.total": "政府采购预算", "procurement.goods": "政府采购货物", "procurement.works": "政府采购工程",
    "procurement.services": "政府采购服务", "procurement.sme": "面向中小企业预留的政府采购",
    "procurement.small_micro": "面向小型和微型企业预留的政府采购",
}


def _alternatives(pattern: str) -> list[str]:
    """Top-level alternatives, compiled apart so that overlapping phrases are all found."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


_SUBJECTS = [(k, t, re.compile(a)) for k, t, p in SUBJECTS for a in _alternatives(p)]

# what the figure is said of besides its subject
QUALIFIERS = [
    ("fiscal", re.compile(r"财政拨款")),
    ("general_budget", re.compile(r"一般公共预算")),
    ("initial_budget", re.compile(r"年初预算")),
    ("adjusted_budget", re.compile(r"全年预算|调整(?:后)?预算")),
    ("final", re.compile(r"决算")),
]

# 一般公共服务支出（类）, also with the code of the level: 卫生健康支出（210类）行政事业单位医疗（11款）
_LEVEL_BRACKET = re.compile(r"\((\d{1,7})?\s*(类|款|项)\)")
_NOT_IN_NAME = frozenset('()"<>,:;.')
# a clause that names no subject of its own: 2023 年预算数 / 支出决算为 / 全年预算为
_GENERIC = re.compile(r"^(?:\d{4}年度?|本年|年初|全年|调整|预算|决算|支出|收入|数|为|是|合计|共计|金额|安排|的)*$")
_YEAR = re.compile(r"(?<![\d-])(\d{4})\s*年(?!\s*\d+\s*月)")
_YEAR_DATE = re.compile(r"(?:截至|截止|自|于)\s*$")


def subject(clause: str) -> tuple[str, int, str] | None:
    """(key, tier, printed subject) of the most specific subject a clause names, the rightmost on ties."""
    best = None
    for key, tier, pattern in _SUBJECTS:
        for m in pattern.finditer(clause):
            cand = (tier, m.end(), m.end() - m.start())
            if best is None or cand > best[0]:
                best = (cand, key, m.group(0))
    if best is None:
        return None
    return best[1], best[0][0], best[2]


def classified_path(clause: str) -> tuple[tuple[str, str], ...]:
    """(name, level) pairs of a clause that names classification items: 一般公共服务支出（类）…（款）…（项）."""
    return tuple((name, lvl) for name, lvl, _ in coded_path(clause))


def coded_path(clause: str) -> tuple[tuple[str, str, str], ...]:
    """(name, level, code printed in the bracket or '') of each classification item a clause names."""
    return tuple((n, lvl, code) for _, _, n, lvl, code in classified_items(clause))


def classified_items(text: str) -> list[tuple[int, int, str, str, str]]:
    """(start, end, name, level, code or '') of every classification item named in a (folded) text."""
    out = []
    prev = 0
    for m in _LEVEL_BRACKET.finditer(text):
        start = _name_start(text, prev, m.start())
        name = _clean_name(text[start:m.start()]) if start < m.start() else ""
        if name:
            out.append((start + max(0, text.find(name, start, m.start()) - start), m.end(), name, m[2], m[1] or ""))
            prev = m.end()
    return out


def _name_start(text: str, floor: int, end: int) -> int:
    """Where the name before a level bracket begins: back over characters that may be in a name and short
    bracketed parts (党委办公厅（室）), down to `floor` (the end of the item before). Linear in the name: a
    long paragraph without brackets costs nothing."""
    j = end
    while j > floor:
        ch = text[j - 1]
        if ch == ")":
            k = text.rfind("(", max(floor, j - 6), j - 1)
            inner = text[k + 1:j - 1] if k >= 0 else ""
            if k < 0 or not 1 <= len(inner) <= 4 or ")" in inner or re.match(r"\d{0,3}\s*(?:类|款|项)", inner):
                break
            j = k
            continue
        if ch in _NOT_IN_NAME or ch.isdigit() or ch.isspace():
            break
        j -= 1
    return j


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、]|其中|包括|主要用于|以下方面|此外)+", "", name)
    return name.strip(' "、.')


TOTAL_KEYS = frozenset({"total", "income_total", "expense_total"})

PART_KEYS = {
    "three_public.total": {"three_public.abroad", "three_public.reception", "three_public.vehicle_total",
                           "three_public.vehicle_purchase", "three_public.vehicle_operation"},
    "three_public.vehicle_total": {"three_public.vehicle_purchase", "three_public.vehicle_operation"},
    "procurement.total": {"procurement.goods", "procurement.works", "procurement.services", "item"},
    "procurement.sme": {"procurement.small_micro"},
    "income_total": {"fiscal", "general_budget", "gov_fund", "soe_capital", "special_account", "business_income",
                     "operating_income", "other_funds", "carryover", "item"},
    "fiscal": {"general_budget", "gov_fund", "soe_capital", "item", "function"},
    "expense_total": {"basic", "project", "reserve", "carry_forward", "personnel", "public", "family", "function",
                      "item", "fiscal", "general_budget", "gov_fund", "soe_capital", "special_account", "other_funds",
                      "business_income", "operating_income", "carryover"},
    "basic": {"personnel", "public", "family", "function", "item"},
    "general_budget": {"basic", "project", "reserve", "personnel", "public", "family", "function", "item"},
    "project": {"item", "function"},
    "personnel": {"function", "item"},
    "public": {"function", "item"},
    "office_operating": {"function", "item"},
    "function": {"function", "item"},
    "item": {"item", "function"},
    "count": {"count"},
}
PART_KEYS["total"] = PART_KEYS["income_total"] | PART_KEYS["expense_total"]
PART_KEYS["gov_fund"] = PART_KEYS["soe_capital"] = {"function", "item"}
