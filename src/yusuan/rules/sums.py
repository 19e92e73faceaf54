"""Sums of printed amounts under DESIGN.md's rounding tolerance, and table lookups rules share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from yusuan.model.disclosure import Row, Table, Value
from yusuan.model.tolerance import rounding_unit, tolerance

ZERO = Decimal(0)


def table_unit(table: Table) -> Decimal:
    """The printing unit u of a table: 1 for whole numbers, 0.01 for two decimals (the finest printed)."""
    return rounding_unit([v for _, _, v in table.cells()])


@dataclass(frozen=True, slots=True)
class Sum:
    """total against the sum of its parts: blank parts count as 0 (tables leave zeros blank)."""

    total: Decimal
    parts: Decimal
    tolerance: Decimal

    @property
    def holds(self) -> bool:
        return abs(self.total - self.parts) <= self.tolerance


def compare(total: Value | Decimal, parts: Iterable[Value | Decimal | None], unit: Decimal) -> Sum:
    items = list(parts)
    amount = total.amount if isinstance(total, Value) else total
    added = sum(((p.amount if isinstance(p, Value) else p) for p in items if p is not None), ZERO)
    return Sum(amount, added, tolerance(len(items), unit))


def measures(table: Table) -> set[str]:
    return {c.measure for c in table.columns} | {m for _, m, _ in table.cells()}


def coded_rows(table: Table, side: str | None = None) -> list[Row]:
    return [r for r in table.rows if r.code and (side is None or r.side == side)]


def children(rows: list[Row], parent: Row) -> list[Row]:
    """Direct children by code: 2010201 under 20102 under 201 (one level = two digits)."""
    n = len(parent.code)
    return [r for r in rows if len(r.code) == n + 2 and r.code.startswith(parent.code) and r.side == parent.side]
