"""How a printed table is built: its sides, the depth of its rows, which rows a total adds up (its top
rows, or the 本年合计 above it and the lines carried between), the printed hierarchy of uncoded rows, the
source of funds an income line names, and a total checked against its parts under the rounding tolerance (model.tolerance).

The assembler counts a table's own sums with it (ingest/assemble/sums.py); the rules read tables with it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from yusuan.model.disclosure import Row, Table, Value
from yusuan.model.text import ORDINAL, match_key
from yusuan.model.tolerance import bound, rounding_unit

ZERO = Decimal(0)


# Tables whose rows are a flat list of parts without printed ordinals (every row is a part of the total).
FLAT_KINDS = {"performance_targets"}


@dataclass(frozen=True, slots=True)
class Check:
    """total against the sum of parts; blank parts count 0 and add no rounding (model.tolerance: each printed
    value half its own unit, (n + 1) · u / 2 for n parts sharing u)."""

    total: Decimal
    parts: Decimal
    tolerance: Decimal

    @property
    def holds(self) -> bool:
        return abs(self.total - self.parts) <= self.tolerance


def printed(values: Iterable[Value | None]) -> list[Value]:
    return [v for v in values if v is not None]


def check_sum(total: Value, parts: Iterable[Value | None], finest: Decimal) -> Check:
    """`finest`: the finest unit printed in the table (a printed 0 counts at it)."""
    items = printed(parts)
    added = sum((p.amount for p in items), ZERO)
    return Check(total.amount, added, bound([total, *items], finest))


def table_unit(table: Table) -> Decimal:
    """The finest printing unit of a table: 1 for whole numbers, 0.01 for two decimals."""
    return rounding_unit([v for row in table.rows for v in row.values.values()])


def measures(table: Table) -> set[str]:
    """Every measure of a table: its columns' and its cells'."""
    return {c.measure for c in table.columns} | {m for _, m, _ in table.cells()}


def coded_rows(table: Table, side: str | None = None) -> list[Row]:
    return [r for r in table.rows if r.code and (side is None or r.side == side)]


@lru_cache(maxsize=4096)
def bare(label: str) -> str:
    """The label for matching: NFKC, no whitespace, no printed ordinal (一、 / 1. / （一）)."""
    t = match_key(label)
    t = ORDINAL.sub("", t)
    return t.strip("：:")


def sides(table: Table) -> list[str]:
    seen: list[str] = []
    for r in table.rows:
        if r.side not in seen:
            seen.append(r.side)
    return seen


def side_rows(table: Table, side: str) -> list[Row]:
    return [r for r in table.rows if r.side == side]


def is_grand(row: Row) -> bool:
    """A total row of the whole table or side (合计 / 总计 / 本年收入合计 / the body-name row)."""
    return row.is_total and row.level == 0


def is_of_which(row: Row) -> bool:
    """其中：… lines are part of the row above, not an addend."""
    return bare(row.label or row.item).startswith("其中")


def levels(rows: Sequence[Row]) -> list[int]:
    """Printed depth of each row of one side: Row.level, with unlabelled continuation lines (a second
    line of the item above, printed with its own amount) at the level of the row above, and income
    lines printed without ordinals placed under the fund they belong to (政府预算拨款 → 一般公共预算拨款)."""
    out: list[int] = []
    for i, r in enumerate(rows):
        lvl = r.level
        if lvl == 0 and not r.is_total and not r.item and not r.code and i and out:
            lvl = out[-1]
        out.append(lvl)
    first_total = next((i for i, r in enumerate(rows) if is_grand(r)), len(rows))
    body = [i for i, r in enumerate(rows[:first_total]) if not r.is_total]
    if body and all(out[i] == 0 for i in body) and all(not ORDINAL.match(match_key(rows[i].label)) for i in body):
        keys = {i: source_key(rows[i]) for i in body}
        if all(keys[i] for i in body if rows[i].values):
            present = set(keys.values())
            for i in body:
                k = keys[i]
                if k is None:
                    continue
                parent = SOURCE_PARENT.get(k)
                out[i] = 2 if parent and any(p in present for p in parent) else 1
    return out


@dataclass(slots=True)
class TotalSpec:
    """One total row and the rows it adds up: its top-level rows, or the total above it plus the
    lines between them (上年结转 / 结转下年)."""

    total: Row
    parts: list[Row] = field(default_factory=list)


def total_specs(table: Table, side: str) -> list[TotalSpec]:
    """The total rows of one side of a table and, for each, the rows it sums (empty when unknown)."""
    rows = side_rows(table, side)
    lv = levels(rows)
    grand = [i for i, r in enumerate(rows) if is_grand(r)]
    if not grand:
        return []
    specs: list[TotalSpec] = []
    if grand[0] == 0:  # totals printed above their rows
        bounds = grand + [len(rows)]
        for n, i in enumerate(grand):
            body = list(range(i + 1, bounds[n + 1]))
            if body:
                parts = _top(table, rows, lv, body)
            else:  # a total right above other totals: the department above its units
                parts = [rows[j] for j in grand[n + 1:] if j + 1 < len(rows) and not is_grand(rows[j + 1])]
            specs.append(TotalSpec(rows[i], parts))
        return specs
    start = 0
    previous: int | None = None
    for i in grand:
        body = list(range(start, i))
        lines = _adjustments(rows, [j for j in body if lv[j] == 0 and not rows[j].is_total])
        if previous is not None and lines:
            parts = [rows[previous]] + [rows[j] for j in lines]
        elif body:
            parts = _top(table, rows, lv, body)
        else:
            parts = []
        specs.append(TotalSpec(rows[i], parts))
        previous, start = i, i + 1
    return specs


_CARRIED = re.compile(r"结转|结余|上年|年初|年末|动用")


def _adjustments(rows: list[Row], lines: list[int]) -> list[int]:
    """The lines a 总计 adds to the 本年合计 above it: not a “其中” line (part of the line above it), nor the
    lines continuing its list (其中：一般公共预算 / 政府性基金预算) up to the next carried amount (年末结转和结余)."""
    out: list[int] = []
    inside = False
    for j in lines:
        label = bare(rows[j].label or rows[j].item)
        if is_of_which(rows[j]):
            inside = True
        elif inside and not _CARRIED.search(label):
            continue
        else:
            inside = False
            out.append(j)
    return out


def _top(table: Table, rows: list[Row], lv: list[int], body: list[int]) -> list[Row]:
    candidates = [j for j in body if not is_grand(rows[j]) and not is_of_which(rows[j])]
    deep = [lv[j] for j in candidates if lv[j] >= 1]
    if deep:
        top = min(deep)
        return [rows[j] for j in candidates if lv[j] == top]
    if table.kind in FLAT_KINDS:
        return [rows[j] for j in candidates]
    return []


def hierarchy(table: Table, side: str) -> list[tuple[Row, list[Row], list[Row]]]:
    """(parent, children, of-which lines) for uncoded rows printed as a hierarchy (一、 over 1.,
    procurement groups by depth, 小计 over its lines)."""
    rows = side_rows(table, side)
    lv = levels(rows)
    out = []
    for i, parent in enumerate(rows):
        if parent.code or lv[i] < 1:
            continue
        kids: list[int] = []
        for j in range(i + 1, len(rows)):
            if lv[j] <= lv[i] or is_grand(rows[j]):
                break
            kids.append(j)
        if not kids:
            continue
        depth = min(lv[j] for j in kids)
        direct = [rows[j] for j in kids if lv[j] == depth]
        parts = [r for r in direct if not is_of_which(r)]
        of_which = [r for r in direct if is_of_which(r)]
        if any(r.code for r in direct):
            continue  # coded children: arith-parent-children
        out.append((parent, parts, of_which))
    return out


SOURCE_PARENT = {
    "general_budget": ("fiscal",),
    "gov_fund": ("fiscal",),
    "soe_capital": ("fiscal",),
    "business_income": ("unit_funds", "other_funds"),
    "operating_income": ("unit_funds", "other_funds"),
    "superior_subsidy": ("unit_funds", "other_funds"),
    "affiliated_income": ("unit_funds", "other_funds"),
    "other_income": ("unit_funds", "other_funds"),
}


_SUBTOTAL = re.compile(r"(小计|合计)$")


def source_key(row: Row) -> str | None:
    """The source of funds an income line names, or None (totals, 其中 lines, unknown lines)."""
    t = _SUBTOTAL.sub("", bare(row.label or row.item))
    if not t or t.startswith("其中") or row.code:
        return None
    if "非财政拨款结余" in t:
        return "use_of_balance"
    if ("结转" in t or "结余" in t) and ("上年" in t or "年初" in t):
        return "prior_carryover"
    if "结转" in t or "结余" in t:
        return None
    if "公共财政拨款" in t:
        return None  # 公共财政拨款（补助）资金: a line under 一般公共预算
    for word, key in (("一般公共预算", "general_budget"), ("政府性基金", "gov_fund"),
                      ("国有资本经营", "soe_capital"), ("财政专户", "special_account"),
                      ("财政拨款", "fiscal"), ("政府预算拨款", "fiscal"), ("单位资金", "unit_funds"),
                      ("其他资金", "other_funds"), ("上级补助", "superior_subsidy"),
                      ("附属单位上缴", "affiliated_income"), ("经营收入", "operating_income"),
                      ("事业收入", "business_income"), ("其他收入", "other_income")):
        if word in t:
            return key
    return None
