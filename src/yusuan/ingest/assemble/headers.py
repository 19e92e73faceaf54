"""What each column of a table means, read from its header rows.

A column is a code (科目编码, or one of 类/款/项), a label (项目/科目名称), the body name (预算单位),
or an amount with a measure from the model's vocabulary, possibly on one side of a multi-sided
summary table and possibly of another phase than this year's budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yusuan.model.text import match_key

CODE, CODE_PART, LABEL, ALT_LABEL, BODY, AMOUNT, TEXT = (
    "code", "code_part", "label", "alt_label", "body", "amount", "text"
)


@dataclass(slots=True)
class ColumnSpec:
    index: int
    role: str
    header: str  # header path as printed, joined by "/"
    side: str = ""
    measure: str = ""  # for AMOUNT columns; "" when unrecognised


_CODE_PART = {"类": 1, "款": 2, "项": 3}
_LABEL = re.compile(r"(名称|^项目$|^科目$|^收入项目$|^支出项目$|^项目\(按功能分类\)$|^项目\(按经济分类\)$|^功能分类$|^经济分类$|^支出功能分类$|^指标$)")
_CODE = re.compile(r"(编码|代码|^科目编号$)")
_BODY = re.compile(r"^(预算单位|单位名称|单位|部门|部门名称|单位代码及名称)$")
_YEAR_LABEL = re.compile(r"^(年度|年份)$")
# a column of counts: 公务用车保有量（辆）, 因公出国（境）人次数（人）, 国内公务接待批次（个）, 数量
_COUNT = re.compile(r"数量|人数|人次|批次|团组|车辆数|保有量|购置数|\((?:辆|人|个|台|套|台\(套\)|台/套|次)\)$")

# (pattern on one header element, measure); first match on the leaf, then on its ancestors.
_MEASURES: list[tuple[str, str]] = [
    (r"面向小型[、,]?微型企业|面向小微企业", "procurement_small_micro"),
    (r"面向中小企业", "procurement_sme"),
    (r"政府采购", "procurement"),
    (r"因公出国", "abroad"),
    (r"公务接待", "reception"),
    (r"公务用车购置及运行", "vehicle_total"),
    (r"公务用车购置费|^购置费?$|^车辆购置", "vehicle_purchase"),
    (r"运行维护费?$|运行费", "vehicle_operation"),
    (r"会议费", "meeting"),
    (r"培训费", "training"),
    (r"机关运行经费", "office_operating"),
    (r"\"?三公\"?经费", "total"),
    (r"人员经费", "basic_personnel"),
    (r"公用经费", "basic_public"),
    (r"基本支出", "basic"),
    (r"项目支出", "project"),
    (r"单位预留机动经费", "reserve"),
    (r"结转下年|年末结转", "carry_forward"),
    (r"年初结转|上年结转|上年结余", "prior_carryover"),
    (r"一般公共预算", "general_budget"),
    (r"政府性基金", "gov_fund"),
    (r"国有资本经营", "soe_capital"),
    (r"财政专户", "special_account"),
    (r"事业单位经营收入|^经营收入$", "operating_income"),
    (r"事业收入", "business_income"),
    (r"上级补助", "superior_subsidy"),
    (r"对附属单位补助", "affiliated_subsidy"),
    (r"附属单位", "affiliated_income"),
    (r"单位资金", "unit_funds"),
    (r"财政拨款|政府预算拨款", "fiscal"),
    (r"其他(资金|收入)", "other"),
    (r"增减.*(%|率)|增长率|增幅", "change_pct"),
    (r"增减|增加额|变化", "change"),
    (r"^(合计|总计|小计|支出总计|收入总计|本年收入合计|本年支出合计|合计数|总额)$", "total"),
    (r"金额|预算数|决算数|^本年收入$|^本年支出$|^数额$|预算$", "amount"),
]
_MEASURES_C = [(re.compile(p), m) for p, m in _MEASURES]

_PHASES: list[tuple[str, str]] = [
    (r"年初预算", "initial_budget"),
    (r"调整预算|全年预算|调整后预算", "adjusted_budget"),
    (r"上年决算|上年执行", "prior_final"),
    (r"上年预算", "prior_budget"),
    (r"决算", "final"),
]
_PHASES_C = [(re.compile(p), ph) for p, ph in _PHASES]
_YEAR = re.compile(r"(20\d\d)年")
_BUDGET_COLUMN = re.compile(r"(预算数|^预算$|年初预算|全年预算|调整预算)")


# A leaf that only says which figure the column holds (预算数 / 决算数 / 金额): what it is a figure of is
# printed above it (因公出国（境）费 / 预算数), unless that is a side of a summary (本年收入 / 预算数).
_FIGURE_ONLY = re.compile(r"^(20\d\d年)?(上年|本年|年初|调整|全年)?(预算|决算|执行)数?$|^(金额|数额)$")


def _match(element: str, kind: str) -> str:
    for pattern, measure in _MEASURES_C:
        if pattern.search(element) and not (measure == "vehicle_operation" and kind != "three_public_costs"):
            return measure
    return ""


def _measure_of(path: list[str], kind: str) -> str:
    """The measure of the innermost header element that names one; a leaf that only names the figure
    (预算数) takes the part named above it (因公出国（境）费 / 预算数 → abroad), but not a side of a
    summary table (本年收入 / 预算数 stays amount)."""
    figure = ""
    for depth, element in enumerate(reversed(path)):
        measure = _match(element, kind)
        if depth == 0 and measure and _FIGURE_ONLY.match(element) and len(path) > 1:
            figure = measure
            continue
        if figure and side_of([element]):
            return figure
        if measure:
            return _in_group(measure, path, kind)
    return figure


def _in_group(measure: str, path: list[str], kind: str) -> str:
    """Resolve generic leaves (小计/合计) by the group above them."""
    if measure != "total":
        return measure
    groups = path[:-1]
    for g in reversed(groups):
        if "政府采购" in g:
            return "procurement"
        if "公务用车" in g:
            return "vehicle_total"
    return "total"


def _phase_of(path: list[str], year: int | None) -> str:
    for element in path:
        for pattern, phase in _PHASES_C:
            if pattern.search(element):
                return phase
        m = _YEAR.search(element)
        if m and year and int(m.group(1)) < year:
            return "prior_final" if "决算" in element or "执行" in element else "prior_budget"
    return ""


def side_of(path: list[str]) -> str:
    """收入 → income, 支出 by function → expense, 支出 by purpose (用途 / 经济分类) → purpose."""
    if any("用途" in e or "经济分类" in e for e in path):
        return "purpose"
    for element in path:
        if "收入" in element and "支出" not in element:
            return "income"
        if "支出" in element and "收入" not in element:
            return "expense"
    return ""


def classify(path: list[str], kind: str, year: int | None, final_accounts: bool) -> tuple[str, str, str]:
    """(role, side, measure) of a column from its normalised header path."""
    leaf = path[-1] if path else ""
    side = side_of(path)
    if leaf in _CODE_PART:
        return CODE_PART, side, ""
    if _CODE.search(leaf):
        return CODE, side, ""
    if _BODY.match(leaf):
        return BODY, side, ""
    if _YEAR_LABEL.match(leaf) or _LABEL.search(leaf):
        return LABEL, side, ""
    if leaf.endswith("科目"):  # 经济科目 beside 专项名称: the label of rows that print no name
        return ALT_LABEL, side, ""
    if leaf in {"序号", "编号", "栏次", "行次"} or _COUNT.search(leaf):
        return TEXT, side, ""  # counters, and counts (辆, 人, 台（套）, 个): never money
    measure = _measure_of(path, kind)
    phase = _phase_of(path, year)
    if final_accounts and phase == "" and not any(_BUDGET_COLUMN.search(e) for e in path):
        phase = "final"  # in final accounts a column is the final figure unless it is a 预算数 column
    if measure and phase:
        measure = f"{measure}@{phase}"
    return AMOUNT, side, measure


def header_paths(matrix: list[list[str]], spanned: bool) -> list[list[str]]:
    """One path of header texts per column (top to bottom, repeats dropped).

    Without printed spans (text form), a blank header cell with text to its left in the same row and
    text below it is taken as covered by the cell to its left.
    """
    if not matrix:
        return []
    width = max(len(r) for r in matrix)
    rows = [list(r) + [""] * (width - len(r)) for r in matrix]
    if not spanned:
        for r, row in enumerate(rows):
            for c in range(1, width):
                below = rows[r + 1][c] if r + 1 < len(rows) else ""
                if not row[c] and row[c - 1] and below:
                    row[c] = row[c - 1]
    paths = []
    for c in range(width):
        path: list[str] = []
        for row in rows:
            t = match_key(row[c])
            if t and (not path or path[-1] != t):
                path.append(t)
        paths.append(path)
    return paths


_LABEL_LIKE = re.compile(r"(名称|项目|品目|类别|指标)")


def column_specs(
    matrix: list[list[str]], spanned: bool, kind: str, year: int | None, final_accounts: bool,
    numeric_columns: set[int],
) -> list[ColumnSpec]:
    """Specs for every column; a column with no header is a sub-label unless its body prints numbers."""
    specs = []
    paths = header_paths(matrix, spanned)
    for c, path in enumerate(paths):
        if path:
            role, side, measure = classify(path, kind, year, final_accounts)
            if role == AMOUNT and not measure and c not in numeric_columns:
                role = LABEL if _LABEL_LIKE.search(path[-1]) else TEXT
        else:
            role, side, measure = (AMOUNT if c in numeric_columns else LABEL), "", ""
            if c and specs[c - 1].side:
                side = specs[c - 1].side
        specs.append(ColumnSpec(c, role, "/".join(path), side, measure))
    if kind == "three_public_costs":
        _grand_total(specs)
    _single_value(specs)
    return specs


def _single_value(specs: list[ColumnSpec]) -> None:
    """A table printing one amount column prints one value per row: its measure is `amount` (with the
    column's phase), whatever the header calls it (机关运行经费支出, 总计, 基本支出)."""
    amounts = [s for s in specs if s.role == AMOUNT and s.measure]
    if len(amounts) == 1:
        _, at, phase = amounts[0].measure.partition("@")
        amounts[0].measure = "amount" + (at + phase)


def _grand_total(specs: list[ColumnSpec]) -> None:
    """Jiangsu prints 合计 (三公 + 会议费 + 培训费) beside the 三公 小计: the former is the grand total."""
    by_phase: dict[str, list[ColumnSpec]] = {}
    for s in specs:
        if s.measure.split("@")[0] == "total":
            by_phase.setdefault(s.measure.partition("@")[2], []).append(s)
    for totals in by_phase.values():  # 合计 of this year beside 合计 of the year before is no grand total
        if len(totals) > 1:
            for s in totals:
                if "三公" not in s.header:
                    s.measure = s.measure.replace("total", "grand_total", 1)
