"""A table's own sums: a coded parent is the sum of its children, a total row the sum of the rows it lists,
an ordinal row the sum of its lines (a “其中” line no larger than its row), a total column the sum of its
part columns. The assembler counts how many hold for the reading report (model/reading.py), to tell a
misread table from a printed defect; the arithmetic rules report those that fail (rules/identities.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from yusuan.ingest.assemble.structure import (
    Check,
    check_sum,
    coded_rows,
    hierarchy,
    measures,
    printed,
    sides,
    table_unit,
    total_specs,
)
from yusuan.model.disclosure import Row, Table, Value
from yusuan.model.tolerance import bound
from yusuan.model.vocabulary import split_measure

CHILDREN, TOTAL, HIERARCHY, OF_WHICH, COLUMNS = "children", "total", "hierarchy", "of_which", "columns"

# Column identities (total, parts): a part column the table prints counts; blank cells are 0. A part
# printed only through its own parts (基本支出 as 人员经费 + 公用经费) is replaced by them.
SPLITS = {"basic": ("basic_personnel", "basic_public"), "fiscal": ("general_budget", "gov_fund", "soe_capital")}
# the sources beyond the three 财政拨款: a table printing any of them does not add its total up from those three
OTHER_SOURCES = ("special_account", "unit_funds", "business_income", "operating_income", "superior_subsidy",
                 "affiliated_income", "other", "prior_carryover")
COLUMN_IDENTITIES = [
    ("total", ("basic", "project", "reserve", "carry_forward")),
    ("basic", ("basic_personnel", "basic_public")),
    ("fiscal", ("general_budget", "gov_fund", "soe_capital")),
    ("total", ("general_budget", "gov_fund", "soe_capital")),
    ("total", ("fiscal", *OTHER_SOURCES)),
    ("grand_total", ("total", "meeting", "training")),
    ("total", ("abroad", "vehicle_total", "reception")),
    ("vehicle_total", ("vehicle_purchase", "vehicle_operation")),
]


@dataclass(frozen=True, slots=True)
class Identity:
    """One printed total against its printed parts (a row's cells of one measure, or one row's columns)."""

    kind: str  # children | total | hierarchy | of_which | columns
    row: Row  # the row printing the total
    measure: str  # the total's measure
    total: Value
    parts: tuple[Value | None, ...]  # blank parts are None
    check: Check
    part_rows: tuple[Row, ...] = ()  # the rows added up (row identities)
    part_measures: tuple[str, ...] = ()  # the columns added up (column identities)
    side: str = ""

    @property
    def holds(self) -> bool:
        if self.kind == OF_WHICH:  # a “其中” line is at most its row
            return self.parts[0].amount <= self.total.amount + self.check.tolerance
        return self.check.holds


def identities(table: Table) -> list[Identity]:
    finest = table_unit(table)
    return [*_children(table, finest), *_totals(table, finest), *_hierarchy(table, finest), *_columns(table, finest)]


def own_sums(table: Table) -> tuple[int, int]:
    """(checked, held): the rows whose printed totals were checked against their parts, and how many of
    them hold in every measure (a row total and a row's column split count once each)."""
    rows: dict[tuple[int, str], bool] = {}
    for ident in identities(table):
        key = (id(ident.row), "columns" if ident.kind == COLUMNS else "rows")
        rows[key] = rows.get(key, True) and ident.holds
    return len(rows), sum(rows.values())


def _children(table: Table, finest: Decimal) -> Iterator[Identity]:
    rows = coded_rows(table)
    if not rows:
        return
    under = defaultdict(list)  # direct children by code: 2010201 under 20102 under 201
    for r in rows:
        if len(r.code) > 3:
            under[(r.code[:-2], r.side)].append(r)
    for parent in rows:
        kids = under.get((parent.code, parent.side))
        if not kids:
            continue
        for measure, total in parent.values.items():
            parts = tuple(k.values.get(measure) for k in kids)
            if not printed(parts) and total.amount == 0:
                continue
            yield Identity(CHILDREN, parent, measure, total, parts, check_sum(total, parts, finest),
                           part_rows=tuple(kids), side=parent.side)


def _totals(table: Table, finest: Decimal) -> Iterator[Identity]:
    for side in sides(table):
        for spec in total_specs(table, side):
            if not spec.parts:
                continue
            for measure, total in spec.total.values.items():
                parts = tuple(p.values.get(measure) for p in spec.parts)
                if not printed(parts):
                    continue
                yield Identity(TOTAL, spec.total, measure, total, parts, check_sum(total, parts, finest),
                               part_rows=tuple(spec.parts), side=side)


def _hierarchy(table: Table, finest: Decimal) -> Iterator[Identity]:
    for side in sides(table):
        for parent, parts, of_which in hierarchy(table, side):
            for measure, total in parent.values.items():
                values = tuple(p.values.get(measure) for p in parts)
                if parts and printed(values):
                    yield Identity(HIERARCHY, parent, measure, total, values, check_sum(total, values, finest),
                                   part_rows=tuple(parts), side=side)
                for line in of_which:
                    v = line.values.get(measure)
                    if v is not None:
                        yield Identity(OF_WHICH, parent, measure, total, (v,), Check(total.amount, v.amount, bound([total, v], finest)),
                                       part_rows=(line,), side=side)


def _columns(table: Table, finest: Decimal) -> Iterator[Identity]:
    present = measures(table)
    for phase in {split_measure(m)[1] for m in present}:
        def at(m: str, phase: str = phase) -> str:
            return f"{m}@{phase}" if phase else m

        seen: set[tuple[str, tuple[str, ...]]] = set()  # the same sum through a split (财政拨款 as its funds)
        for total_m, part_ms in COLUMN_IDENTITIES:
            if table.kind == "expense_summary" and "basic" in part_ms and total_m == "total":
                part_ms = (*part_ms, "affiliated_subsidy")  # 支出决算表: 对附属单位补助支出 is spending too
            parts_here = tuple(at(q) for p in part_ms for q in _printed_part(p, present, at))
            if at(total_m) not in present or len(parts_here) < 2:
                continue
            if (total_m, parts_here) in seen:
                continue
            seen.add((total_m, parts_here))
            if total_m == "total" and "abroad" in part_ms and table.kind != "three_public_costs":
                continue
            if total_m == "total" and "gov_fund" in part_ms and any(at(o) in present for o in OTHER_SOURCES):
                continue  # 收入总表: 合计 = 财政拨款 (its three) + 财政专户 + 单位资金, checked by the next
            for row in table.rows:
                total = row.values.get(at(total_m))
                if total is None or not any(p in row.values for p in parts_here):
                    continue
                values = tuple(row.values.get(p) for p in parts_here)
                yield Identity(COLUMNS, row, at(total_m), total, values, check_sum(total, values, finest),
                               part_measures=parts_here, side=row.side)


def _printed_part(part: str, present: set[str], at) -> tuple[str, ...]:
    if at(part) in present:
        return (part,)
    split = SPLITS.get(part, ())
    return split if all(at(q) in present for q in split) and split else ()

