"""部门与所属单位：部门预算的各表是否等于其本级和所属单位预算之和。

A department's 部门预算 contains its units' 单位预算s (本级 and 所属单位): each of its lines, in each table and
column, is the sum of the same line in the units' tables (`rules.lines`), within the rounding of every
printed figure. The units come with the run (`Context.related.units`); without them these rules say nothing.

What keeps a difference from proving an error, told as information instead:
- money moving inside the department (上缴上级 / 对附属单位补助, seen by the units as 附属单位上缴收入 / 上级补助收入)
  may have been taken out once when the department added its units up; a department short of its units'
  sum by no more than the transfers they print cannot be told from that;
- units not all supplied (`Related.complete` false): a department above the sum of those given is no proof.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.model.disclosure import Row, Table
from yusuan.model.provenance import Source
from yusuan.model.tolerance import rounding_unit
from yusuan.rules.lines import Amount, LineKey, line_name, lines, tables_by_kind
from yusuan.rules.reconcile import SCOPES
from yusuan.rules.tables import bare, column_name, is_grand, scale, source_key

ZERO = Decimal(0)
SKIPPED_KINDS = {"unknown", "performance_targets", "project_performance"}  # tasks and goals, not sums
TRANSFER_SOURCES = ("superior_subsidy", "affiliated_income")
TRANSFER_WORDS = ("上缴上级", "对附属单位补助", "上级补助", "附属单位上缴")
PARTS_SHOWN = 5


@dataclass(slots=True)
class Gap:
    """A department's line that differs from the sum of its units' (or that the department leaves out)."""

    table: Table  # the department's table
    row: Row | None  # the department's row; None: the department does not print the line
    key: LineKey
    measure: str
    actual: Decimal  # the department's amount, in its table's unit (0 when not printed)
    expected: Decimal  # the units' sum, in the department table's unit
    tolerance: Decimal
    parts: list[tuple[str, Decimal]]  # (unit, amount in the department table's unit)
    against: list[Table] = field(default_factory=list)  # the units' tables
    where: list[Source] = field(default_factory=list)
    unsure: str = ""  # why the difference proves nothing; "" when it does
    label: str = ""  # how the line is named (the units' label when the department does not print it)

    @property
    def is_total(self) -> bool:
        return self.key[1] == "body" or (self.row is not None and is_grand(self.row))


@dataclass(slots=True)
class Missing:
    """A table of the department that some units do not publish: it could not be added up."""

    table: Table
    units: list[str]


def gaps(ctx) -> tuple[list[Gap], list[Missing]]:
    """Every line of the department that its units do not add up to, once per run."""
    return ctx.memo("rollup", lambda: _gaps(ctx))


def _gaps(ctx) -> tuple[list[Gap], list[Missing]]:
    units = ctx.units
    if not units:
        return [], []
    names = [u.identity.body or "、".join(u.files) for u in units]
    transfers = sum((_transfers(u.doc) for u in units), ZERO)
    complete = ctx.related.complete
    out: list[Gap] = []
    missing: list[Missing] = []
    by_kind = [tables_by_kind(u.doc) for u in units]
    for kind, tables in tables_by_kind(ctx.doc).items():
        if kind in SKIPPED_KINDS:
            continue
        for n, table in enumerate(tables):
            theirs = [k.get(kind, [])[n] if n < len(k.get(kind, [])) else None for k in by_kind]
            absent = [name for name, t in zip(names, theirs) if t is None]
            if absent:
                missing.append(Missing(table, absent))
                continue
            if table.empty:
                continue
            out.extend(_table_gaps(table, list(zip(names, theirs)), transfers, complete))
    return out, missing


def _table_gaps(table: Table, units: list[tuple[str, Table]], transfers: Decimal, complete: bool) -> Iterator[Gap]:
    mine = lines(table)
    theirs = [(name, t, lines(t), _measures(t)) for name, t in units]
    finest = rounding_unit([v for r in table.rows for v in r.values.values()])
    k = scale(table)
    all_funds = SCOPES.get(table.kind, "all") == "all"
    for key, row in mine.items():
        for measure, value in row.values.items():
            total, parts = _sum(key, measure, theirs)
            if total is None:
                continue
            printed = Amount.of(table, value, finest)
            if printed.agrees(total):
                continue
            yield _gap(table, units, row, key, measure, printed, total, parts, k, transfers if all_funds else ZERO,
                       complete, [value.source])
    # lines the units print (with an amount) that the department leaves out: codes only, names may be worded
    # otherwise
    printed_measures = _measures(table)
    for key in dict.fromkeys(key for _, _, ls, _ in theirs for key in ls if key[1] == "code"):
        if key in mine:
            continue
        for measure in dict.fromkeys(m for _, _, ls, _ in theirs if key in ls for m in ls[key].values):
            if measure not in printed_measures:
                continue
            total, parts = _sum(key, measure, theirs)
            if total is None or total.agrees(Amount(ZERO, ZERO)):
                continue
            where = [ls[key].values[measure].source for _, _, ls, _ in theirs
                     if key in ls and measure in ls[key].values]
            named = next(ls[key] for _, _, ls, _ in theirs if key in ls)
            yield _gap(table, units, None, key, measure, Amount(ZERO, ZERO), total, parts, k,
                       transfers if all_funds else ZERO, complete, where, line_name(key, named))


def _gap(table, units, row, key, measure, printed: Amount, total: Amount, parts, k, transfers, complete,
         where, label: str = "") -> Gap:
    short = total.yuan - printed.yuan  # how much the department is below its units
    slack = printed.slack + total.slack
    unsure = ""
    if transfers and (_is_transfer(key, measure) or ZERO < short <= transfers + slack):
        unsure = (f"所属单位共列有上缴上级、对附属单位补助等部门内部转移 {_money(transfers / k)}{table.unit}，"
                  "汇总时可能已相互抵消，据表不能确定差额是否由此而来")
    elif not complete and short < 0:
        unsure = "所提供的单位预算不是该部门的全部单位，部门数大于所提供单位之和不能说明有误"
    return Gap(table, row, key, measure, printed.yuan / k, total.yuan / k, slack / k,
               [(name, a.yuan / k) for name, a in parts], [t for _, t in units],
               [s for s in where if s is not None], unsure, label or line_name(key, row))


def _sum(key: LineKey, measure: str, theirs) -> tuple[Amount | None, list[tuple[str, Amount]]]:
    """The units' sum of one line and column; None when a unit's table cannot say (a line printed by name
    it does not print, a column it does not have)."""
    total = Amount(ZERO, ZERO)
    parts = []
    for name, t, ls, measures in theirs:
        if t.empty:
            part = Amount(ZERO, ZERO)
        else:
            row = ls.get(key)
            if row is None:
                if key[1] != "code" or measure not in measures:
                    return None, []
                part = Amount(ZERO, ZERO)  # a class the unit does not spend on
            elif measure in row.values:
                part = Amount.of(t, row.values[measure])
            elif measure in measures:
                part = Amount(ZERO, ZERO)  # a blank cell of a printed column
            else:
                return None, []
        total = total + part
        parts.append((name, part))
    return total, parts


def _measures(table: Table) -> set[str]:
    return {c.measure for c in table.columns} | {m for r in table.rows for m in r.values}


def _is_transfer(key: LineKey, measure: str) -> bool:
    return measure in ("superior_subsidy", "affiliated_income", "affiliated_subsidy") or (
        key[1] == "name" and any(w in key[2] for w in TRANSFER_WORDS))


def _transfers(doc) -> Decimal:
    """The money a unit prints as moving inside the department, in 元: the largest any one of its tables
    shows (the 收支总表 and the 收入总表 print the same transfer twice)."""
    best = ZERO
    for t in doc.tables:
        k = scale(t)
        total = ZERO
        for r in t.rows:
            if r.code:
                continue
            name = bare(r.label or r.item)
            if (r.side in ("income", "") and source_key(r) in TRANSFER_SOURCES) or (
                    r.side in ("expense", "purpose") and any(w in name for w in TRANSFER_WORDS[:2])):
                total += sum((abs(v.amount) for v in r.values.values()), ZERO) * k
            elif is_grand(r):
                total += sum((abs(v.amount) for m, v in r.values.items()
                              if m.split("@")[0] in ("superior_subsidy", "affiliated_income", "affiliated_subsidy")),
                             ZERO) * k
        best = max(best, total)
    return best


def _money(d: Decimal) -> str:
    d = d.normalize() if d == d.to_integral() else d
    return f"{d:,f}"


def emit_gaps(emit, ctx, wanted: Callable[[Gap], bool]) -> Iterator:
    """The findings of the gaps a rule is about (`wanted`)."""
    found, _ = gaps(ctx)
    for g in found:
        if not wanted(g):
            continue
        shown = [f"{name} {_money(a)}{g.table.unit}" for name, a in g.parts[:PARTS_SHOWN]]
        more = f"等 {len(g.parts)} 个单位" if len(g.parts) > PARTS_SHOWN else ""
        yield emit(
            table=g.table, row=g.row, measure=g.measure, expected=g.expected, actual=g.actual, tolerance=g.tolerance,
            where=g.where, against=g.against, severity="info" if g.unsure else "", line=g.label,
            column=column_name(g.table, g.measure, g.key[0]),
            printed="未列出（按 0 计）" if g.row is None else f"为 {_money(g.actual)}{g.table.unit}",
            parts="、".join(shown) + more, count=len(g.parts),
            note=f"{g.unsure}，结论不确定。" if g.unsure else "部门预算应等于本级与所属单位预算之和，请核对。",
        )

