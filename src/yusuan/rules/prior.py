"""The year before's published figure of a line: what the same body's disclosure of the previous year (same
kind and level, `Context.related.prior`) printed for the same line as its own year's figure.

Lines are matched as `rules.lines` keys them, tables by kind (the n-th with the n-th); codes through the code
map (catalog/codemap.py): the previous year's classes are taken to this year's codes (merged ones added up).
The figure is unsure, and said so, where the map cannot carry it: a split class, or a class whose subtree
gained or lost classes between the years. A line printed by its year (Shenzhen's 三公 table: 2023年) is the
previous year's line of its own year (2022年).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.catalog.codemap import YearMap, between, carry
from yusuan.model.disclosure import Row, Table
from yusuan.model.provenance import Source
from yusuan.model.vocabulary import split_measure
from yusuan.rules.lines import Amount, line_key, lines, tables_by_kind
from yusuan.rules.tables import scale

ZERO = Decimal(0)
SAME_BASE = {"amount": ("amount", "total"), "total": ("total", "amount")}  # one column, named either way


@dataclass(slots=True)
class PriorFigure:
    amount: Amount  # in 元
    table: Table  # the previous year's table
    row: Row | None  # its row (None for merged classes: several rows)
    old_codes: tuple[str, ...] = ()
    note: str = ""  # （科目调整：…） when the code changed
    unsure: str = ""  # why the figure cannot be relied on; "" when it can
    where: list[Source] = field(default_factory=list)

    def in_unit_of(self, table: Table) -> Decimal:
        return self.amount.yuan / scale(table)


def current_measure(measure: str, kind: str) -> str | None:
    """The previous year's own measure a printed prior-year column repeats: 上年预算数 of a budget is the
    budget's own figure, 上年决算数 of final accounts the final figure; None for other columns."""
    base, phase = split_measure(measure)
    if phase == "prior_budget" and kind == "budget":
        return base
    if phase == "prior_final" and kind == "final_accounts":
        return f"{base}@final"
    return None


def year_map(ctx) -> YearMap | None:
    prior = ctx.prior
    if prior is None:
        return None
    a, b = prior.identity.year, ctx.identity.year
    return ctx.memo("year_map", lambda: between(a, b) if a and b and a < b else YearMap(a or 0, b or 0))


def prior_of(ctx, table: Table, row: Row, measure: str, *, shift: bool = True) -> PriorFigure | None:
    """The previous year's figure of this line in the previous year's column `measure`; None when the previous
    year's document does not print the line (or there is none). `shift`: a line labelled with this year is
    the previous year's line of its own year."""
    prior = ctx.prior
    key = line_key(row)
    if prior is None or key is None:
        return None
    theirs = prior_table(ctx, table)
    if theirs is None:
        return None
    year = ctx.identity.year
    if shift and key[1] == "name" and year and key[2].startswith(f"{year}年"):
        key = (key[0], "name", f"{year - 1}年" + key[2][5:])
    if key[1] != "code":
        r = ctx.memo(("prior_lines", id(theirs)), lambda: lines(theirs)).get(key)
        value = _value(r, measure) if r is not None else None
        if value is None:
            return None
        return PriorFigure(Amount.of(theirs, value), theirs, r, where=[value.source])
    return _coded(ctx, theirs, key, measure)


def prior_table(ctx, table: Table) -> Table | None:
    mine = [t for t in ctx.tables if t.kind == table.kind]
    theirs = tables_by_kind(ctx.prior.doc).get(table.kind, [])
    n = next(i for i, t in enumerate(mine) if t is table)
    return theirs[n] if n < len(theirs) else None


def _value(row: Row, measure: str):
    base, phase = split_measure(measure)
    for b in SAME_BASE.get(base, (base,)):
        v = row.values.get(f"{b}@{phase}" if phase else b)
        if v is not None:
            return v
    return None


def _coded(ctx, theirs: Table, key, measure: str) -> PriorFigure | None:
    side, _, code = key
    ymap = year_map(ctx)
    rows = ctx.memo(("prior_coded", id(theirs), side), lambda: {r.code: r for r in theirs.rows
                                                                 if r.code and r.side == side})
    values = {c: v for c, r in rows.items() if (v := _value(r, measure)) is not None}
    carried = carry({c: v.amount for c, v in values.items()}, ymap).get(code)
    if carried is None:
        return None
    olds = carried.old
    where = [values[o].source for o in olds if o in values]
    note = ymap.note_of(olds, code)
    row = rows[olds[0]] if len(olds) == 1 else None
    if carried.amount is None:
        return PriorFigure(Amount(ZERO, ZERO), theirs, row, olds, note,
                           f"上年的{'、'.join(olds)}在本年拆分为多个科目，上年数无法按科目拆分", where)
    k = scale(theirs)
    slack = sum((Amount.of(theirs, values[o]).slack for o in olds), ZERO)
    unsure = (f"{code}所属的下级科目在两个年度之间有调入或调出（见科目调整表），上年数口径不同"
              if ymap.moved(code) else "")
    return PriorFigure(Amount(carried.amount * k, slack), theirs, row, olds, note, unsure, where)
