"""Where the tables print the figure a sentence states (the cells a narrative figure is read against).

`cells_for(ctx, statement)` gives the table cells that print the same quantity as a stated figure — 收入总计
in the 收支总表, 基本支出 in the 支出总表, 因公出国（境）费 in the “三公”经费表 … — each with its amount in 万元
(tables printed in 元 are converted exactly: 1 万元 = 10000 元). A sentence may be read against several
tables that print the same quantity; it agrees with the tables when it agrees with any of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from yusuan.model.disclosure import Disclosure, Row, Table, Value
from yusuan.model.kinds import ECONOMIC_KINDS, FUNCTION_KINDS
from yusuan.model.tolerance import unit_of
from yusuan.model.vocabulary import split_measure
from yusuan.rules.statements import Statement, squeeze

if TYPE_CHECKING:
    from yusuan.rules.context import Context

_WAN = {"万元": Decimal(1), "元": Decimal("0.0001")}


@dataclass(frozen=True, slots=True)
class Cell:
    table: Table
    row: Row
    measure: str
    value: Value | None  # None: a blank cell of a printed column (read as 0)
    wan: Decimal  # the amount in 万元
    step: Decimal  # its printing unit in 万元

    @property
    def source(self):
        return self.value.source if self.value is not None else self.row.source


def to_wan(table: Table, value: Value) -> tuple[Decimal, Decimal]:
    factor = _WAN.get(table.unit, Decimal(1))
    return value.amount * factor, unit_of(value) * factor


def agrees(amount: Decimal, step: Decimal, cell: Cell) -> bool:
    """Two printings of one quantity agree when they are within half a printing unit each."""
    return abs(amount - cell.wan) <= (step + cell.step) / 2


def phase_of(ctx: Context, st: Statement) -> str:
    if "initial_budget" in st.qualifiers:
        return "initial_budget"
    if "adjusted_budget" in st.qualifiers:
        return "adjusted_budget"
    return "final" if ctx.identity.kind == "final_accounts" else ""


# ------------------------------------------------------------------------------------------- rows

RowTest = Callable[[Row], bool]


def _item(pattern: str) -> RowTest:
    rx = re.compile(pattern)
    return lambda r: bool(rx.search(squeeze(r.item)))


def _total(r: Row) -> bool:
    return r.is_total


def _top(r: Row) -> bool:
    return r.level <= 1 and not r.code


def _cells(ctx: Context, phase: str, kinds: Iterable[str], test: RowTest, measures: Iterable[str],
           side: str | None = None, blank_is_zero: bool = False) -> list[Cell]:
    out = []
    kinds = tuple(kinds)
    measures = tuple(measures)
    for table in ctx.tables:
        if table.kind not in kinds or table.empty:
            continue
        printed = {c.measure for c in table.columns}
        for row in table.rows:
            if side is not None and row.side != side or not test(row):
                continue
            for m in measures:
                full = f"{m}@{phase}" if phase else m
                v = row.values.get(full)
                if v is not None:
                    wan, step = to_wan(table, v)
                    out.append(Cell(table, row, full, v, wan, step))
                elif blank_is_zero and full in printed and row.values:
                    out.append(Cell(table, row, full, None, Decimal(0), Decimal(0)))
    return out


_INCOME_TOTAL = r"^(?:收入(?:总计|合计)|本年收入合计|当年收入小计|总计)$"
_EXPENSE_TOTAL = r"^(?:支出(?:总计|合计)|本年支出合计|当年支出小计|总计)$"
_SUMMARIES = ("income_expense_summary",)


def _income_total(ctx, phase):
    return (_cells(ctx, phase, _SUMMARIES, _item(_INCOME_TOTAL), ("amount",), side="income")
            + _cells(ctx, phase, ("income_summary",), _total, ("total", "amount")))


def _expense_total(ctx, phase):
    return (_cells(ctx, phase, _SUMMARIES, _item(_EXPENSE_TOTAL), ("amount",), side="expense")
            + _cells(ctx, phase, _SUMMARIES, _item(_EXPENSE_TOTAL), ("amount",), side="purpose")
            + _cells(ctx, phase, ("expense_summary",), _total, ("total", "amount")))


def _fiscal(ctx, phase):
    return (_cells(ctx, phase, ("appropriation_summary",), _item(_INCOME_TOTAL), ("amount",), side="income")
            + _cells(ctx, phase, ("appropriation_summary",), _item(_EXPENSE_TOTAL), ("amount", "total"), side="expense")
            + _cells(ctx, phase, ("appropriation_summary",), _item(_EXPENSE_TOTAL), ("amount",), side="purpose")
            + _cells(ctx, phase, _SUMMARIES, lambda r: _top(r) and bool(re.search(r"财政拨款|政府预算拨款", r.item)),
                     ("amount",), side="income")
            + _cells(ctx, phase, ("income_summary",), _total, ("fiscal",)))


def _general_budget(ctx, phase):
    gb = _item(r"^(?:[一二三四五六七八九十]+、|\d\.)?一般公共预算(?:财政)?(?:拨款)?(?:收入|资金|资金小计)?$")
    return (_cells(ctx, phase, ("income_expense_summary", "appropriation_summary", "income_summary"), gb,
                   ("amount",))
            + _cells(ctx, phase, ("general_budget_by_function",), _total, ("total", "amount"))
            + _cells(ctx, phase, ("appropriation_summary",), _item(_EXPENSE_TOTAL), ("general_budget",), side="expense")
            + _cells(ctx, phase, ("income_summary",), _total, ("general_budget",)))


def _fund(pattern: str, table_kind: str, measure: str):
    def cells(ctx, phase):
        rx = _item(r"^(?:[一二三四五六七八九十]+、|\d\.)?" + pattern)
        return (_cells(ctx, phase, ("income_expense_summary", "appropriation_summary", "income_summary"), rx,
                       ("amount",))
                + _cells(ctx, phase, (table_kind,), _total, ("total", "amount"))
                + _cells(ctx, phase, ("income_summary",), _total, (measure,)))
    return cells


def _purpose(pattern: str, measure: str, fiscal_only: bool = False):
    def cells(ctx, phase):
        rx = _item(pattern)
        out = _cells(ctx, phase, ("appropriation_summary",), rx, ("amount",), side="purpose")
        out += _cells(ctx, phase, ("general_budget_by_function",), _total, (measure,))
        out += _cells(ctx, phase, ("appropriation_expense",), _total, (measure,))
        if not fiscal_only:
            out += _cells(ctx, phase, _SUMMARIES, rx, ("amount",), side="purpose")
            out += _cells(ctx, phase, ("expense_summary",), _total, (measure,))
        return out
    return cells


def _basic(ctx, phase):
    return (_purpose(r"基本支出$", "basic")(ctx, phase)
            + _cells(ctx, phase, ("appropriation_basic_by_economic", "general_budget_by_economic"), _total,
                     ("amount", "total", "basic")))


ECONOMIC = ("general_budget_by_economic", "appropriation_basic_by_economic")


def _economic(codes: tuple[str, ...], total_measure: str, total_item: str):
    """人员经费 = 工资福利支出 (301) (+ 对个人和家庭的补助 303); 公用经费 = 商品和服务支出 (302)."""
    def cells(ctx, phase):
        out = _cells(ctx, phase, ECONOMIC, _total, (total_measure,))
        out += _cells(ctx, phase, ECONOMIC, _item(f"^{total_item}$"), ("amount", "total", "basic"))
        for table in ctx.tables:
            if table.kind not in ECONOMIC:
                continue
            by_code = {r.code: r for r in table.rows if r.code in ("301", "302", "303", "310")}
            for m in ("basic", "amount", "total"):
                full = f"{m}@{phase}" if phase else m
                for combo in codes_combos(codes):
                    rows = [by_code.get(c) for c in combo]
                    if not all(r is not None and full in r.values for r in rows):
                        continue
                    amounts = [to_wan(table, r.values[full]) for r in rows]
                    wan = sum((a for a, _ in amounts), Decimal(0))
                    step = sum((s for _, s in amounts), Decimal(0))
                    out.append(Cell(table, rows[0], full, rows[0].values[full], wan, step))
                if any(full in r.values for r in by_code.values()):
                    break
        return out
    return cells


def codes_combos(codes: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [codes[:i] for i in range(1, len(codes) + 1)]


def _three_public(measure: str, back: int = 0):
    """The “三公”经费表: its one body row, or (Shenzhen) the row of the year; back=1 for the year before."""
    def cells(ctx, phase):
        year = ctx.identity.year

        def wanted(r: Row) -> bool:
            years = re.findall(r"(\d{4})年", r.item)
            if years:
                return year is not None and int(years[0]) == year - back
            return not back and "增减" not in r.item and "变化" not in r.item
        return _cells(ctx, phase, ("three_public_costs",), wanted, (measure,), blank_is_zero=True)
    return cells


def _office_operating(ctx, phase):
    return (_cells(ctx, phase, ("office_operating_costs",), _total, ("office_operating", "amount", "total"))
            + _cells(ctx, phase, ("three_public_costs",), lambda r: True, ("office_operating",)))


def _procurement_part(word: str):
    def cells(ctx, phase):
        rx = re.compile(rf"^(?:[一二三四五六七八九十]+、)?{word}")
        return _cells(ctx, phase, ("procurement",), lambda r: bool(rx.search(squeeze(r.item))) and r.level <= 1,
                      ("total", "amount", "procurement"))
    return cells


def _procurement_total(ctx, phase):
    return (_cells(ctx, phase, ("procurement",), _total, ("total", "amount", "procurement"))
            + _cells(ctx, phase, ("expense_summary",), _total, ("procurement",)))


LOOKUPS: dict[str, Callable[[Disclosure, str], list[Cell]]] = {
    "total": lambda d, p: _income_total(d, p) + _expense_total(d, p),
    "income_total": _income_total,
    "expense_total": _expense_total,
    "fiscal": _fiscal,
    "general_budget": _general_budget,
    "gov_fund": _fund("政府性基金", "gov_fund_expense", "gov_fund"),
    "soe_capital": _fund("国有资本经营", "soe_capital_expense", "soe_capital"),
    "other_funds": lambda d, p: (_cells(d, p, ("income_expense_summary", "appropriation_summary"),
                                        _item(r"^(?:[一二三四五六七八九十]+、|\d\.)?其他(?:资金|收入)$"), ("amount",),
                                        side="income")
                                 + _cells(d, p, ("income_summary",), _total, ("other",))),
    "basic": _basic,
    "project": _purpose(r"项目支出$", "project"),
    "reserve": _purpose(r"预留机动", "reserve"),
    "personnel": _economic(("301", "303"), "basic_personnel", "人员经费合计"),
    "public": _economic(("302",), "basic_public", "公用经费合计"),
    "family": _economic(("303",), "__none__", "__none__"),
    "three_public.total": _three_public("total"),
    "three_public.abroad": _three_public("abroad"),
    "three_public.reception": _three_public("reception"),
    "three_public.vehicle_total": _three_public("vehicle_total"),
    "three_public.vehicle_purchase": _three_public("vehicle_purchase"),
    "three_public.vehicle_operation": _three_public("vehicle_operation"),
    "meeting": _three_public("meeting"),
    "training": _three_public("training"),
    "office_operating": _office_operating,
    "procurement.total": _procurement_total,
    "procurement.goods": _procurement_part("货物"),
    "procurement.works": _procurement_part("工程"),
    "procurement.services": _procurement_part("服务"),
    "procurement.sme": lambda d, p: _cells(d, p, ("expense_summary", "procurement"), _total, ("procurement_sme",)),
    "procurement.small_micro": lambda d, p: _cells(d, p, ("expense_summary", "procurement"), _total,
                                                   ("procurement_small_micro",)),
}

# The tables printing a function class's whole expense (not its income, nor only its basic or project part).
FUNCTION_TABLES = FUNCTION_KINDS - {"income_summary", "basic_expense_summary", "project_expense_summary",
                                    "soe_capital_expense"}


def _name(s: str) -> str:
    s = squeeze(s)
    s = re.sub(r"^(?:[一二三四五六七八九十]+、|\d+[.、])", "", s)
    s = re.sub(r"\((?:类|款|项)\)", "", s)
    return re.sub(r"(?:支出)?$", "", s)


def function_cells(ctx: Context, st: Statement) -> list[Cell]:
    """The rows a classified item names: 类 by name (and code length 3), 款 and 项 under it by name."""
    return _per_statement(ctx, "function", st, _function_cells)


def _per_statement(ctx: Context, kind: str, st: Statement, compute) -> list[Cell]:
    """Computed once per statement of the document; a statement made up on the spot is not kept."""
    held, cells = ctx.memo((kind, id(st)), lambda: (st, compute(ctx, st)))
    return cells if held is st else compute(ctx, st)


def _names(ctx: Context) -> dict[int, dict[str, str]]:
    """Each coded row's name without 支出 and markers, by table, computed once per document."""
    return ctx.memo("names", lambda: {id(t): {r.code: _name(r.item) for r in t.rows if r.code} for t in ctx.tables})


def _function_cells(ctx: Context, st: Statement) -> list[Cell]:
    if not st.path:
        return []
    phase = phase_of(ctx, st)
    names = [(_name(n), lvl) for n, lvl in st.path]
    want = names[-1]
    length = {"类": 3, "款": 5, "项": 7}[want[1]]
    out: list[Cell] = []
    for table in ctx.tables:
        if table.kind not in FUNCTION_TABLES or table.empty:
            continue
        rows = [r for r in table.rows if r.code]
        names_here = _names(ctx)[id(table)]
        for r in rows:
            if len(r.code) != length or names_here[r.code] != want[0]:
                continue
            # the names above it must be among its parents (texts sometimes call a 款 a 类)
            parents = {names_here[r.code[:n]] for n in (3, 5) if n < len(r.code) and r.code[:n] in names_here}
            ok = all(name in parents for name, _ in names[:-1])
            if ok:
                out += _row_cells(table, r, phase)
        if length == 3:
            # 收支总表 print classes without codes: 一、一般公共服务支出
            for r in table.rows:
                if not r.code and r.side == "expense" and _name(r.item) == want[0]:
                    out += _row_cells(table, r, phase)
    return out


def code_cells(ctx: Context, code: str, phase: str = "") -> list[Cell]:
    """The rows of the function tables printing this code (a 科目 the text names with its code)."""
    return [c for table in ctx.tables if table.kind in FUNCTION_TABLES and not table.empty
            for r in table.rows if r.code == code for c in _row_cells(table, r, phase)]


ECONOMIC_TABLES = ECONOMIC_KINDS


def economic_cells(ctx: Context, st: Statement) -> list[Cell]:
    """The rows of the 经济分类 tables an item names: 工资福利支出（类）, 基本工资（款）…"""
    return _per_statement(ctx, "economic", st, _economic_cells)


def _economic_cells(ctx: Context, st: Statement) -> list[Cell]:
    if not st.path:
        return []
    phase = phase_of(ctx, st)
    name, lvl = _name(st.path[-1][0]), st.path[-1][1]
    length = {"类": 3, "款": 5}.get(lvl)
    if length is None:
        return []
    out: list[Cell] = []
    for table in ctx.tables:
        if table.kind not in ECONOMIC_TABLES or table.empty:
            continue
        names_here = _names(ctx)[id(table)]
        for r in table.rows:
            if len(r.code) == length and names_here[r.code] == name:
                for measure, v in r.values.items():
                    base, ph = split_measure(measure)
                    if ph == phase and base in ("total", "amount", "basic", "office_operating"):
                        wan, step = to_wan(table, v)
                        out.append(Cell(table, r, measure, v, wan, step))
    return out


def _row_cells(table: Table, row: Row, phase: str) -> list[Cell]:
    out = []
    for measure, v in row.values.items():
        base, ph = split_measure(measure)
        if ph != phase or base not in ("total", "amount", "general_budget"):
            continue
        wan, step = to_wan(table, v)
        out.append(Cell(table, row, measure, v, wan, step))
    return out


def prior_cells(ctx: Context, st: Statement) -> list[Cell]:
    """The year-before figure the tables print for a stated figure: the “三公”经费表's row of the year before
    (Shenzhen prints 2022 年 and 2023 年 rows), or a column of 上年预算数 / 上年决算数."""
    if st.key.startswith("three_public.") or st.key in ("meeting", "training"):
        measure = st.key.split(".")[-1]
        found = _three_public(measure, back=1)(ctx, "")
        if found:
            return found
    lookup = LOOKUPS.get(st.key)
    if lookup is None:
        return []
    return lookup(ctx, "prior_budget") + lookup(ctx, "prior_final")


def cells_for(ctx: Context, st: Statement) -> list[Cell]:
    return _per_statement(ctx, "cells", st, _cells_for)


def _cells_for(ctx: Context, st: Statement) -> list[Cell]:
    if st.key == "function":
        return function_cells(ctx, st)
    lookup = LOOKUPS.get(st.key)
    if lookup is None:
        return []
    return lookup(ctx, phase_of(ctx, st))
