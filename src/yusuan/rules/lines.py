"""The lines of a table as two documents share them: the rules comparing one disclosure with another (a
department with its units, a year with the year before) find the same line in each by its key.

A coded row is keyed by its side and code; an uncoded one by its side and its name as matched (`bare`), when
that name is printed once on its side (行政运行 printed under two classes of a 收支总表 is no one line); the
total row printed with the body's name (Jiangsu's 支出总表: 江苏省人民检察院) is the body's line, whatever the
body. Tables are paired by kind, the n-th of a kind with the n-th.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from yusuan.model.disclosure import Disclosure, Row, Table, Value
from yusuan.model.tolerance import bound
from yusuan.rules.tables import bare, is_grand, scale

LineKey = tuple[str, str, str]  # (side, "code" | "name" | "body", the code or the name)
_TOTAL_WORDS = re.compile(r"合计|总计|小计|^总额$")


def line_key(row: Row) -> LineKey | None:
    if row.code:
        return (row.side, "code", row.code)
    name = bare(row.label or row.item)
    if not name:
        return None
    if is_grand(row) and not _TOTAL_WORDS.search(name) and not re.match(r"\d{4}年", name):
        return (row.side, "body", "")
    return (row.side, "name", name)


def lines(table: Table) -> dict[LineKey, Row]:
    """Each line of the table by its key; a key printed twice names no one line and is left out."""
    found: dict[LineKey, list[Row]] = defaultdict(list)
    for r in table.rows:
        if (k := line_key(r)) is not None:
            found[k].append(r)
    return {k: rows[0] for k, rows in found.items() if len(rows) == 1}


def tables_by_kind(doc: Disclosure) -> dict[str, list[Table]]:
    out: dict[str, list[Table]] = defaultdict(list)
    for t in doc.tables:
        out[t.kind].append(t)
    return out


def line_name(key: LineKey, row: Row | None = None) -> str:
    """How a line is named in a message: its label as printed, else its code or name."""
    if row is not None:
        label = row.item or row.label
        return f"{label}（{row.code}）" if row.code and row.code not in label else label
    return key[2] or "合计"


@dataclass(frozen=True, slots=True)
class Amount:
    """A printed amount in 元, with how far rounding can take it."""

    yuan: Decimal
    slack: Decimal

    @classmethod
    def of(cls, table: Table, value: Value | None, finest: Decimal | None = None) -> Amount:
        if value is None:
            return cls(Decimal(0), Decimal(0))
        k = scale(table)
        return cls(value.amount * k, bound([value], finest) * k)

    def __add__(self, other: Amount) -> Amount:
        return Amount(self.yuan + other.yuan, self.slack + other.slack)

    def agrees(self, other: Amount) -> bool:
        return abs(self.yuan - other.yuan) <= self.slack + other.slack
