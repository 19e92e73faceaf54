"""The sums a table's own figures obey: columns of a row (合计 = 基本 + 项目), a code's children
(类 = Σ款), total rows (合计 = Σ 一级行). The arithmetic rules check them; the reader confirms OCR
readings with them (ingest/assemble/confirm.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from yusuan.model.disclosure import Row, Table, Value
from yusuan.model.vocabulary import split_measure
from yusuan.rules.sums import coded_rows, measures
from yusuan.rules.tables import Check, TotalSpec, check_sum, sides, table_unit, total_specs

# (total, parts): a part column the table prints counts; blank cells are 0. A part printed only
# through its own parts (基本支出 as 人员经费 + 公用经费) is replaced by them.
SPLITS = {"basic": ("basic_personnel", "basic_public")}
COLUMNS = [
    ("total", ("basic", "project", "reserve", "carry_forward")),
    ("basic", ("basic_personnel", "basic_public")),
    ("total", ("general_budget", "gov_fund", "soe_capital")),
    ("total", ("fiscal", "special_account", "unit_funds", "business_income", "operating_income",
               "superior_subsidy", "affiliated_income", "other", "prior_carryover")),
    ("grand_total", ("total", "meeting", "training")),
    ("total", ("abroad", "vehicle_total", "reception")),
    ("vehicle_total", ("vehicle_purchase", "vehicle_operation")),
]


@dataclass(slots=True)
class Sum:
    """`total` (in `row`, column `measure`) should equal the sum of `parts` (None: a blank cell)."""

    row: Row
    measure: str
    total: Value
    parts: list[Value | None]
    names: list[str]  # the part columns (column sums) or nothing
    children: int = 0  # the part rows (child sums)
    spec: TotalSpec | None = None  # total row sums


def column_sums(table: Table) -> Iterator[Sum]:
    present = measures(table)
    for phase in {split_measure(m)[1] for m in present}:
        at = (lambda m: f"{m}@{phase}") if phase else (lambda m: m)
        for total_m, part_ms in COLUMNS:
            if table.kind == "expense_summary" and "basic" in part_ms and total_m == "total":
                part_ms = (*part_ms, "affiliated_subsidy")  # 支出决算表: 对附属单位补助支出 is spending too
            parts_here = [at(q) for p in part_ms for q in _printed(p, present, at)]
            if at(total_m) not in present or len(parts_here) < 2:
                continue
            if total_m == "total" and "abroad" in part_ms and table.kind != "three_public_costs":
                continue
            for row in table.rows:
                total = row.values.get(at(total_m))
                if total is None or not any(p in row.values for p in parts_here):
                    continue
                yield Sum(row, at(total_m), total, [row.values.get(p) for p in parts_here], parts_here)


def _printed(part: str, present: set[str], at) -> tuple[str, ...]:
    if at(part) in present:
        return (part,)
    split = SPLITS.get(part, ())
    return split if all(at(q) in present for q in split) and split else ()


def child_sums(table: Table) -> Iterator[Sum]:
    """A coded row against its direct children by code (2010201 under 20102 under 201)."""
    rows = coded_rows(table)
    under = defaultdict(list)
    for r in rows:
        if len(r.code) > 3:
            under[(r.code[:-2], r.side)].append(r)
    for parent in rows:
        kids = under.get((parent.code, parent.side))
        if not kids:
            continue
        for measure, total in parent.values.items():
            parts = [k.values.get(measure) for k in kids]
            if not any(p is not None for p in parts) and total.amount == 0:
                continue
            yield Sum(parent, measure, total, parts, [], children=len(kids))


def total_row_sums(table: Table) -> Iterator[Sum]:
    """A total row against the rows it adds up, side by side."""
    for side in sides(table):
        for spec in total_specs(table, side):
            if not spec.parts:
                continue
            for measure, total in spec.total.values.items():
                values = [p.values.get(measure) for p in spec.parts]
                if any(v is not None for v in values):
                    yield Sum(spec.total, measure, total, values, [], spec=spec)


def all_sums(table: Table) -> Iterator[Sum]:
    yield from column_sums(table)
    yield from child_sums(table)
    yield from total_row_sums(table)


def checked(table: Table, sums: Iterator[Sum]) -> Iterator[tuple[Sum, Check]]:
    """Each sum with its check under the table's rounding tolerance."""
    unit = None
    for s in sums:
        unit = unit or table_unit(table)
        yield s, check_sum(s.total, s.parts, unit)
