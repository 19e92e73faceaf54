"""Totals an officer left blank, computed from the lines under them.

A coded line (类 / 款) adds up the lines one level deeper under its code; an uncoded 一、 line the 1. /
（一） lines after it; a 合计 (or the body's own line) the top lines of its side, and a second total
(收入总计 after 本年收入合计) the total before it plus the lines in between (上年结转). A total the officer
typed is never changed: `yusuan check` compares it with its lines. A blank with nothing under it
stays blank.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from yusuan.model.disclosure import Row, Value
from yusuan.model.provenance import Source

SourceOf = Callable[[Row, str], Source | None]  # where a blank cell of a row is (None: no such cell)


def amount_text(amount: Decimal, decimals: int) -> str:
    return f"{amount:,.{decimals}f}"


def decimals_of(text: str) -> int:
    return len(text.partition(".")[2])


def sum_value(parts: list[Value], source: Source) -> Value:
    amount = sum((v.amount for v in parts), Decimal(0))
    decimals = max((decimals_of(v.text) for v in parts), default=0)
    return Value(amount, amount_text(amount, decimals), source)


def complete(rows: list[Row], measures: list[str], source_of: SourceOf) -> None:
    """Fill the blank totals of one side's rows (in place), measure by measure."""
    for measure in measures:
        _coded(rows, measure, source_of)
        _ordinal(rows, measure, source_of)
        _totals(rows, measure, source_of)


def _fill(row: Row, measure: str, parts: list[Row], source_of: SourceOf) -> None:
    if measure in row.values:
        return
    values = [p.values[measure] for p in parts if measure in p.values]
    source = source_of(row, measure)
    if values and source is not None:
        row.values[measure] = sum_value(values, source)


def _coded(rows: list[Row], measure: str, source_of: SourceOf) -> None:
    coded = [r for r in rows if r.code]
    for length in (5, 3):  # 款 from 项, then 类 from 款
        for row in coded:
            if len(row.code) == length:
                children = [r for r in coded if len(r.code) == length + 2 and r.code.startswith(row.code)]
                _fill(row, measure, children, source_of)


def _ordinal(rows: list[Row], measure: str, source_of: SourceOf) -> None:
    for n, row in enumerate(rows):
        if row.code or row.is_total or row.level != 1:
            continue
        children = []
        for r in rows[n + 1:]:
            if r.is_total or r.level == 1 or r.code:
                break
            if r.level == 2:
                children.append(r)
        _fill(row, measure, children, source_of)


def _tops(rows: list[Row]) -> list[Row]:
    """The lines a total adds up: 类 when coded, else 一、 lines, else every plain line."""
    coded = [r for r in rows if r.code and len(r.code) == 3]
    if coded:
        return coded
    first = [r for r in rows if not r.is_total and r.level == 1]
    return first or [r for r in rows if not r.is_total and not r.code]


def _totals(rows: list[Row], measure: str, source_of: SourceOf) -> None:
    totals = [n for n, r in enumerate(rows) if r.is_total and not r.item.endswith("小计")]
    previous = None
    for k, n in enumerate(totals):
        row = rows[n]
        if previous is None:
            # the first total: the top lines before it, or (printed first) all of them
            end = totals[k + 1] if k + 1 < len(totals) else None
            scope = rows[:n] if any(not r.is_total for r in rows[:n]) else rows[n + 1:end]
            _fill(row, measure, _tops(scope), source_of)
        else:
            between = [r for r in rows[previous + 1:n] if not r.is_total]
            _fill(row, measure, [rows[previous], *between], source_of)
        previous = n
