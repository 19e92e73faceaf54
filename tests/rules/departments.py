"""A department's 部门预算 made by adding up real 单位预算s, for the roll-up tests.

Deliberately naive, so that it does not share the rules' way of matching lines: the first unit's tables are
the pattern; a row of another unit is added into the row of the same side, code and printed label (the
row printed with a unit's own name into the row printed with the first unit's name, renamed after the
department), and a row no earlier unit prints is appended. The corpus has no real department with its units'
budgets (docs: tests/data/corpus/SOURCES.md), so this is how a department of real figures is had."""

from __future__ import annotations

import copy
from decimal import Decimal

from yusuan.model.disclosure import Disclosure, Row, Value
from yusuan.model.provenance import Source

DEPARTMENT = "深圳市生态环境局"
SHENZHEN_UNITS = ("shenzhen-2023-pingshan-guanliju-budget.txt", "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")


def _key(row: Row, body: str) -> tuple:
    label = DEPARTMENT if row.item == body else row.item
    return row.side, row.code, label


def department_of(units: list[Disclosure], body: str = DEPARTMENT) -> Disclosure:
    dept = copy.deepcopy(units[0])
    dept.identity.body, dept.identity.level, dept.identity.parent = body, "department", ""
    dept.files = ["部门.txt"]
    first = units[0].identity.body
    for t in dept.tables:
        for r in t.rows:
            if r.item == first:
                r.item = r.label = body
    for unit in units[1:]:
        for n, t in enumerate(dept.tables):
            theirs = [u for u in unit.tables if u.kind == t.kind]
            same_kind = [u for u in dept.tables if u.kind == t.kind]
            other = theirs[same_kind.index(t)] if same_kind.index(t) < len(theirs) else None
            if other is None:
                continue
            rows = {_key(r, body): r for r in t.rows}
            for r in other.rows:
                mine = rows.get(_key(r, unit.identity.body))
                if mine is None:
                    mine = copy.deepcopy(r)
                    mine.values = {}
                    if r.item == unit.identity.body:
                        mine.item = mine.label = body
                    t.rows.append(mine)
                    rows[_key(r, unit.identity.body)] = mine
                for m, v in r.values.items():
                    mine.values[m] = _add(mine.values.get(m), v)
    return dept


def _add(a: Value | None, b: Value) -> Value:
    total = (a.amount if a else Decimal(0)) + b.amount
    return Value(total, f"{total:,f}", a.source if a else Source("部门.txt", b.source.page))


def cell(doc: Disclosure, kind: str, item: str, measure: str, side: str = "", n: int = 0) -> tuple[Row, Value]:
    """The row and value of one printed cell, found by table kind, row label and measure."""
    table = [t for t in doc.tables if t.kind == kind][n]
    row = next(r for r in table.rows if r.item == item and r.side == side and measure in r.values)
    return row, row.values[measure]
