"""The figures a disclosure prints more than once: each table's totals, its lines by function class
(类/款/项) or economic class, its income by source of funds and its purpose split (基本 / 项目), keyed by
what they measure and for which funds (all funds, 财政拨款, 一般公共预算, 政府性基金, 国有资本经营).

Tables of different funds are the same money only when the other funds are nil: 财政拨款 = 一般公共预算
when no 政府性基金 / 国有资本经营 amount is printed anywhere; all funds = 财政拨款 when the 收支总表 prints
no income other than 财政拨款. `compare` groups the figures of one key and reports the ones that disagree
with the figure most tables agree with."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.model import kinds
from yusuan.model.disclosure import Disclosure, Row, Table, Value
from yusuan.model.provenance import Source
from yusuan.model.text import ORDINAL_1, match_key
from yusuan.model.tolerance import bound
from yusuan.model.vocabulary import split_measure
from yusuan.rules.tables import (
    NONFISCAL,
    SOURCE_MEASURES,
    Totals,
    bare,
    column_name,
    is_grand,
    scale,
    side_rows,
    sides,
    source_key,
    table_unit,
    with_phase,
)

ZERO = Decimal(0)

SCOPES = {
    "income_expense_summary": "all", "income_summary": "all", "expense_summary": "all",
    "basic_expense_summary": "all", "project_expense_summary": "all", "performance_targets": "all",
    "appropriation_summary": "fiscal", "appropriation_expense": "fiscal",
    "appropriation_basic_by_economic": "fiscal",
    "general_budget_by_function": "general", "general_budget_by_economic": "general",
    "gov_fund_expense": "gov_fund", "soe_capital_expense": "soe",
}
SCOPE_NAMES = {"all": "全部资金", "fiscal": "财政拨款", "general": "一般公共预算", "gov_fund": "政府性基金预算",
               "soe": "国有资本经营预算", "source": ""}
# The classified tables compared here: the sided summaries are read by side, and the 机关运行经费 table is
# compared by its own rule (recon-office-operating).
FUNCTION_KINDS = kinds.FUNCTION_KINDS - kinds.SIDED_KINDS
ECONOMIC_KINDS = kinds.ECONOMIC_KINDS - {"office_operating_costs"}
SUMMARY_KINDS = kinds.SIDED_KINDS
# which table is taken as the reference when two tables disagree and no third one decides
PRIORITY = ["income_expense_summary", "income_summary", "expense_summary", "appropriation_summary",
            "general_budget_by_function", "appropriation_expense", "general_budget_by_economic",
            "appropriation_basic_by_economic", "basic_expense_summary", "project_expense_summary",
            "gov_fund_expense", "soe_capital_expense", "performance_targets"]
FUND_COLUMNS = {"general_budget": "general", "gov_fund": "gov_fund", "soe_capital": "soe"}
PURPOSE_LINES = (("基本支出", "basic"), ("项目支出", "project"), ("预留", "reserve"), ("结转下年", "carry_forward"))
PART_BASES = ("total", "basic", "project", "reserve", "carry_forward", "basic_personnel", "basic_public")


@dataclass(slots=True)
class Figure:
    """One amount as a table prints it (or the sum of a few printed cells of one row)."""

    table: Table
    row: Row
    measure: str  # the measure as printed (or the concept, for a sum of columns)
    values: list[Value]  # the printed cells summed; empty: a blank cell of a printed line, read as 0
    label: str = ""  # how to name it in a message, when not its column's header
    unit: Decimal = ZERO  # the finest printing unit of its table (a printed 0 counts at it)

    @property
    def column(self) -> str:
        return self.label or column_name(self.table, self.measure, self.row.side)

    _yuan: Decimal | None = None
    _slack: Decimal | None = None

    @property
    def amount(self) -> Decimal:
        return sum((v.amount for v in self.values), ZERO)

    @property
    def yuan(self) -> Decimal:
        if self._yuan is None:
            self._yuan = self.amount * scale(self.table)
        return self._yuan

    @property
    def slack(self) -> Decimal:
        """Half its own printing unit per printed cell, in 元."""
        if self._slack is None:
            self._slack = bound(self.values, self.unit or None) * scale(self.table)
        return self._slack

    @property
    def where(self) -> list[Source]:
        return [v.source for v in self.values] or ([self.row.source] if self.row.source else [])


Key = tuple[str, str, str, str, str]  # (dimension, key, base measure, phase, scope)


@dataclass(slots=True)
class Figures:
    by_key: dict[Key, list[Figure]] = field(default_factory=lambda: defaultdict(list))
    canon: dict[str, str] = field(default_factory=dict)
    printed: set[str] = field(default_factory=set)  # the funds whose tables the disclosure prints
    units: dict[int, Decimal] = field(default_factory=dict)

    def add(self, dim: str, key: str, base: str, phase: str, scope: str, fig: Figure) -> None:
        if fig.unit == ZERO:
            fig.unit = self.unit(fig.table)
        self.by_key[(dim, key, base, phase, self.canon.get(scope, scope))].append(fig)

    def nil_income(self, scope: str) -> bool:
        """No income from this fund is printed (政府性基金 / 国有资本经营 lines blank, nil or absent)."""
        source = {"gov_fund": "gov_fund", "soe": "soe_capital"}.get(scope)
        return source is not None and all(
            f.amount == 0 for k, group in self.by_key.items() if k[:2] == ("source", source) for f in group)

    def unit(self, table: Table) -> Decimal:
        if id(table) not in self.units:
            self.units[id(table)] = table_unit(table)
        return self.units[id(table)]


# ---------------------------------------------------------------- which funds are nil


def _nil(values: Iterable[Value]) -> bool:
    return all(v.amount == 0 for v in values)


def gov_funds_nil(doc: Disclosure) -> bool:
    """No 政府性基金 / 国有资本经营预算 amount anywhere: 财政拨款 tables are 一般公共预算 tables."""
    evidence = False
    for t in doc.tables:
        if t.kind in ("gov_fund_expense", "soe_capital_expense"):
            evidence = True
            if not _nil(v for _, _, v in t.cells()):
                return False
        if t.kind in SUMMARY_KINDS or t.kind == "income_summary":
            for r in t.rows:
                if (r.side in ("income", "") and source_key(r) in ("gov_fund", "soe_capital")
                        and not _nil(r.values.values())):
                    return False
                if any(split_measure(m)[0] in ("gov_fund", "soe_capital") and v.amount != 0
                       for m, v in r.values.items()):
                    return False
            evidence = evidence or t.kind in SUMMARY_KINDS
    return evidence


def other_funds_nil(doc: Disclosure) -> bool:
    """The 收支总表 prints no income but 财政拨款 (and no carry-over): all-funds tables are 财政拨款 tables."""
    summaries = doc.tables_of("income_expense_summary")
    if not summaries:
        return False
    for t in summaries:
        income = [r for r in side_rows(t, "income") if not r.is_total and r.values]
        if not income:
            return False
        for r in income:
            key = source_key(r)
            if (key is None or key in NONFISCAL) and not _nil(r.values.values()):
                return False
    for t in doc.tables_of("income_summary"):
        for r in t.rows:
            if source_key(r) in NONFISCAL and not _nil(r.values.values()):
                return False
            if is_grand(r) and any(SOURCE_MEASURES.get(split_measure(m)[0]) in NONFISCAL and v.amount != 0
                                   for m, v in r.values.items()):
                return False
    return True


def canonical_scopes(doc: Disclosure) -> dict[str, str]:
    canon = {s: s for s in set(SCOPES.values()) | {"source"}}
    if gov_funds_nil(doc):
        canon["fiscal"] = "general"
    if other_funds_nil(doc):
        canon["all"] = canon["fiscal"]
    return canon


# ---------------------------------------------------------------- reading the figures


def basic_only(table: Table) -> bool:
    return table.kind in ("appropriation_basic_by_economic", "basic_expense_summary") or (
        table.kind == "general_budget_by_economic" and "基本" in table.title)


def base_of(table: Table, measure: str) -> tuple[str, str]:
    base, phase = split_measure(measure)
    if base in ("amount", "total"):
        if basic_only(table):
            base = "basic"
        elif table.kind == "project_expense_summary":
            base = "project"
        else:
            base = "total"
    return base, phase


def collect(doc: Disclosure) -> Figures:
    """The figures of a disclosure, as the reconciliation rules compare them (a check reads them once:
    `Context.figures`)."""
    figs = Figures(canon=canonical_scopes(doc))
    codes = _function_sequences(doc)
    for table in doc.tables:
        scope = SCOPES.get(table.kind)
        if scope is None:
            continue
        figs.printed.add(scope)
        if table.kind in SUMMARY_KINDS:
            _summary(doc, figs, table, scope, codes)
        elif table.kind == "performance_targets":
            _performance(figs, table)
        elif table.kind in FUNCTION_KINDS or table.kind in ECONOMIC_KINDS:
            _classified(doc, figs, table, scope)
    return figs


def _row_figures(table: Table, row: Row, measures: Iterable[str]) -> Iterator[tuple[str, str, Figure]]:
    """(base, phase, figure) for each printed measure of a row (blank cells of the table's columns read 0),
    plus 基本支出 = 人员经费 + 公用经费 where only the two are printed."""
    parts: dict[tuple[str, str], Figure] = {}
    for m in measures:
        base, phase = base_of(table, m)
        if base not in PART_BASES:
            continue
        v = row.values.get(m)
        fig = Figure(table, row, m, [v] if v else [])
        parts[(base, phase)] = fig
        yield base, phase, fig
    for (base, phase), fig in list(parts.items()):
        if base == "basic_personnel" and ("basic", phase) not in parts and ("basic_public", phase) in parts:
            other = parts[("basic_public", phase)]
            yield "basic", phase, Figure(table, row, with_phase("basic", phase), fig.values + other.values,
                                         f"{fig.column}与{other.column}之和")


def _measures(table: Table, side: str = "") -> list[str]:
    """The measures of PART_BASES the table's rows print (only those `_row_figures` reads, so that
    the work per row is bounded by the vocabulary, not by the widest row), in order."""
    seen: dict[str, None] = {}
    for r in table.rows:
        if r.side == side:
            seen.update(dict.fromkeys(r.values))
    return [m for m in seen if base_of(table, m)[0] in PART_BASES]


def _classified(doc, figs: Figures, table: Table, scope: str) -> None:
    dim = "economic" if table.kind in ECONOMIC_KINDS else "function"
    measures = _measures(table)
    carry = any(split_measure(m)[0] == "carry_forward" for m in measures)
    grand_income = table.kind == "income_summary" and any(source_key(r) == "prior_carryover" for r in table.rows)
    for row in table.rows:
        if not row.values:
            continue
        if row.code:
            if table.kind == "income_summary":
                if doc.identity.kind != "budget":
                    continue  # 决算: income by class is not the expense by class
                for m, v in row.values.items():
                    base, phase = base_of(table, m)
                    if base in ("total", "fiscal"):
                        fig = Figure(table, row, m, [v])
                        figs.add(dim, row.code, "total", phase, "all" if base == "total" else "fiscal", fig)
                continue
            for base, phase, fig in _row_figures(table, row, measures):
                figs.add(dim, row.code, base, phase, scope, fig)
        elif is_grand(row):
            if table.kind == "income_summary":
                for m, v in row.values.items():
                    base, phase = base_of(table, m)
                    fig = Figure(table, row, m, [v])
                    if base == "total":
                        figs.add("income_grand" if grand_income else "income", "", "total", phase, "all", fig)
                    elif base in SOURCE_MEASURES:
                        figs.add("source", SOURCE_MEASURES[base], "total", phase, "source", fig)
                continue
            label = bare(row.label)
            if "人员经费" in label or "公用经费" in label:  # 人员经费合计 / 公用经费合计 rows
                part = "basic_personnel" if "人员经费" in label else "basic_public"
                for m, v in row.values.items():
                    phase = split_measure(m)[1]
                    figs.add("expense", "", part, phase, scope, Figure(table, row, m, [v]))
                continue
            for base, phase, fig in _row_figures(table, row, list(row.values)):
                dim_total = "expense_grand" if carry and base == "total" else "expense"
                figs.add(dim_total, "", base, phase, scope, fig)
        elif table.kind == "income_summary" and row.is_total and (key := source_key(row)):
            for m, v in row.values.items():
                figs.add("source", key, "total", split_measure(m)[1], "source",
                         Figure(table, row, m, [v]))
    # 人员经费合计 + 公用经费合计 printed as rows: their sum is the basic total
    canon = figs.canon.get(scope, scope)
    for phase in {k[3] for k in figs.by_key if k[2] == "basic_personnel"}:
        pers = [f for f in figs.by_key.get(("expense", "", "basic_personnel", phase, canon), [])
                if f.table is table and "人员经费" in bare(f.row.label)]
        pub = [f for f in figs.by_key.get(("expense", "", "basic_public", phase, canon), [])
               if f.table is table and "公用经费" in bare(f.row.label)]
        if len(pers) == 1 and len(pub) == 1:
            figs.add("expense", "", "basic", phase, scope,
                     Figure(table, pers[0].row, with_phase("basic", phase), pers[0].values + pub[0].values,
                            f"“{pers[0].row.item}”与“{pub[0].row.item}”之和"))


def _summary(doc, figs: Figures, table: Table, scope: str, codes) -> None:
    for side in sides(table):
        totals = Totals(table, side)
        rows = side_rows(table, side)
        measures = _measures(table, side)
        if side == "income":
            _income_side(figs, table, scope, totals, rows)
            continue
        for cat, i in totals.cats.items():
            row = totals.specs[i].total
            dim = "expense" if cat == "current" else "expense_grand"
            for m in row.values:
                base, phase = split_measure(m)
                if base in FUND_COLUMNS:
                    figs.add(dim, "", "total", phase, FUND_COLUMNS[base],
                             Figure(table, row, m, [row.values[m]]))
            for base, phase, fig in _row_figures(table, row, list(row.values)):
                figs.add(dim, "", base, phase, scope, fig)
        body = []
        for r in rows:
            if is_grand(r):
                break
            body.append(r)
        if side == "purpose":
            for r in body:
                name = bare(r.label or r.item)
                base = next((b for word, b in PURPOSE_LINES if word in name), None)
                if base and r.values:
                    for m, v in r.values.items():
                        figs.add("expense", "", base, split_measure(m)[1], scope,
                                 Figure(table, r, m, [v]))
            continue
        for r, code in align(body, codes):
            for m in r.values:
                base, phase = split_measure(m)
                if base in FUND_COLUMNS:
                    figs.add("function", code, "total", phase, FUND_COLUMNS[base],
                             Figure(table, r, m, [r.values[m]]))
            for base, phase, fig in _row_figures(table, r, measures):
                figs.add("function", code, base, phase, scope, fig)


def _income_side(figs: Figures, table: Table, scope: str, totals: Totals, rows: list[Row]) -> None:
    side = "income"
    lines: dict[str, Row] = {}
    for r in rows:
        if r.is_total or not r.values:
            continue
        key = source_key(r)
        if key and key not in lines:
            lines[key] = r
            for m, v in r.values.items():
                figs.add("source", key, "total", split_measure(m)[1], "source",
                         Figure(table, r, m, [v]))
    for cat, i in totals.cats.items():
        row = totals.specs[i].total
        for m, v in row.values.items():
            phase = split_measure(m)[1]
            fig = Figure(table, row, m, [v])
            figs.add("income" if cat == "current" else "income_grand", "", "total", phase, scope, fig)
            if cat == "current" and table.kind == "appropriation_summary":
                figs.add("source", "fiscal", "total", phase, "source", fig)
    if "fiscal" not in lines:  # 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营, as printed
        funds = [lines[k] for k in ("general_budget", "gov_fund", "soe_capital") if k in lines]
        if len(funds) >= 2:
            for m in sorted({m for r in funds for m in r.values}):
                vals = [r.values[m] for r in funds if m in r.values]
                figs.add("source", "fiscal", "total", split_measure(m)[1], "source",
                         Figure(table, funds[0], m, vals, "、".join(f"“{r.item}”" for r in funds) + "之和"))


def _performance(figs: Figures, table: Table) -> None:
    for row in table.rows:
        name = bare(row.label or row.item)
        if is_grand(row):
            base = "total"
        elif name == "基本支出":
            base = "basic"
        else:
            continue
        for m, v in row.values.items():
            b, phase = split_measure(m)
            if b in ("total", "fiscal"):
                figs.add("expense", "", base, phase, "all" if b == "total" else "fiscal",
                         Figure(table, row, m, [v]))


# ---------------------------------------------------------------- naming lines by their codes


def _function_sequences(doc: Disclosure) -> list[list[tuple[str, str]]]:
    out = []
    for t in doc.tables:
        if t.kind in FUNCTION_KINDS:
            seq = [(r.code, bare(r.label or r.item)) for r in t.rows if r.code]
            if seq:
                out.append(seq)
    return out


def align(rows: list[Row], sequences: list[list[tuple[str, str]]]) -> list[tuple[Row, str]]:
    """Codes for the lines of a 收支总表 expense side, printed by name only: a 一、 line is the 类 of that
    name; the lines under it are matched in order against a coded table's 款 and 项 within that 类
    (lines a coded table leaves out, such as zero lines, stay unmatched)."""
    best: dict[int, str] = {}
    best_score = -1
    for seq in sequences:
        got: dict[int, str] = {}
        j, prefix = 0, ""
        for i, r in enumerate(rows):
            if r.is_total:
                continue
            name = bare(r.label or r.item)
            if ORDINAL_1.match(match_key(r.label or r.item)) or r.level == 1:
                hit = next((k for k, (c, n) in enumerate(seq) if len(c) == 3 and n == name), None)
                if hit is None:
                    prefix = "?"
                    continue
                got[i], prefix, j = seq[hit][0], seq[hit][0], hit + 1
                continue
            if prefix == "?":
                continue
            hit = next((k for k in range(j, len(seq)) if len(seq[k][0]) > 3 and seq[k][1] == name
                        and seq[k][0].startswith(prefix)), None)
            if hit is not None:
                got[i], j = seq[hit][0], hit + 1
        score = sum(1 for i in got if any(v.amount for v in rows[i].values.values()))
        if score > best_score:
            best, best_score = got, score
    return [(rows[i], code) for i, code in sorted(best.items())]


# ---------------------------------------------------------------- comparing


@dataclass(slots=True)
class Mismatch:
    figure: Figure
    reference: Figure
    expected: Decimal  # the reference amount in the figure's table unit
    tolerance: Decimal  # in the figure's table unit
    key: Key
    ref_key: Key
    contains: bool = False  # the figure's funds include the reference's: it may be larger, not smaller
    relation: str = ""  # how the figure should relate to the reference, when not 两者应一致


# funds that include other funds: all funds ⊇ 财政拨款 ⊇ 一般公共预算, 政府性基金, 国有资本经营
WIDER = (("all", "fiscal"), ("all", "general"), ("all", "gov_fund"), ("all", "soe"),
         ("fiscal", "general"), ("fiscal", "gov_fund"), ("fiscal", "soe"))


def agree(a: Figure, b: Figure) -> bool:
    return abs(a.yuan - b.yuan) <= a.slack + b.slack


def _agree(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return abs(a[0] - b[0]) <= a[1] + b[1]


def _rank(f: Figure) -> tuple:
    kind = PRIORITY.index(f.table.kind) if f.table.kind in PRIORITY else len(PRIORITY)
    return (not f.values, len(f.values) > 1, kind)


def _reference(group: list[Figure], ys: list[tuple[Decimal, Decimal]]) -> int:
    """The figure most other tables agree with (ties: a printed figure of the higher-ranked table)."""
    support = _meeting(ys)  # all that agree, less those of the figure's own table (itself included)
    own: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(group):
        own[id(f.table)].append(i)
    for members in own.values():
        for i, n in zip(members, _meeting([ys[i] for i in members])):
            support[i] -= n
    return min(range(len(group)), key=lambda i: (-support[i], _rank(group[i])))


def _meeting(ys: list[tuple[Decimal, Decimal]]) -> list[int]:
    """For each (amount, slack), how many of `ys` agree with it, itself included. Two agree when their
    spans amount ± slack meet, so sorted span ends count them without comparing every pair (a row of
    100,000 amounts is a group of 100,000)."""
    starts, ends = sorted(y - s for y, s in ys), sorted(y + s for y, s in ys)
    return [bisect_right(starts, y + s) - bisect_left(ends, y - s) for y, s in ys]


def compare(figs: Figures, dims: set[str]) -> list[Mismatch]:
    out: list[Mismatch] = []
    seen: set[tuple[int, int, str]] = set()
    refs: dict[Key, Figure] = {}
    for key, group in figs.by_key.items():
        if key[0] not in dims or all(not f.values for f in group):
            continue
        ys = [(f.yuan, f.slack) for f in group]
        r = _reference(group, ys)
        ref = refs[key] = group[r]
        if len({id(f.table) for f in group}) < 2 or all(_agree(ys[0], y) for y in ys[1:]):
            continue
        for i, f in enumerate(group):
            if f.table is ref.table or _agree(ys[i], ys[r]):
                continue
            mark = (id(f.table), id(f.row), f.measure)
            if mark in seen:
                continue
            seen.add(mark)
            k = scale(f.table)
            out.append(Mismatch(f, ref, ref.yuan / k, (f.slack + ref.slack) / k, key, key))
    # wider funds are never smaller than the funds they include (a class's spending from all funds is at
    # least its spending from 财政拨款)
    pairs = {(figs.canon[a], figs.canon[b]) for a, b in WIDER if figs.canon[a] != figs.canon[b]}
    for key, wide in refs.items():
        for a, b in pairs:
            if key[4] != a:
                continue
            narrow = refs.get((*key[:4], b))
            if narrow is None or wide.yuan + wide.slack + narrow.slack >= narrow.yuan:
                continue
            mark = (id(wide.table), id(wide.row), wide.measure)
            if mark in seen:
                continue
            seen.add(mark)
            k = scale(wide.table)
            out.append(Mismatch(wide, narrow, narrow.yuan / k, (wide.slack + narrow.slack) / k, key,
                                (*key[:4], b), contains=True))
    out.extend(_composed(figs, refs, seen))
    return out


def _composed(figs: Figures, refs: dict[Key, Figure], seen: set) -> Iterator[Mismatch]:
    """财政拨款 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算, when they are not the same money (a fund
    whose table is printed but does not list the line counts 0)."""
    fiscal = figs.canon["fiscal"]
    if fiscal == figs.canon["general"]:
        return
    known = {s for s in ("gov_fund", "soe") if s in figs.printed or figs.nil_income(s)}
    for key, whole in list(refs.items()):
        if key[4] != fiscal or key[0] not in ("expense", "function"):
            continue
        parts = []
        for scope in ("general", "gov_fund", "soe"):
            part = refs.get((*key[:4], figs.canon[scope]))
            if part is None and (scope == "general" or scope not in known):
                break
            if part is not None:
                parts.append(part)
        else:
            total = sum((p.yuan for p in parts), ZERO)
            slack = whole.slack + sum((p.slack for p in parts), ZERO)
            mark = (id(whole.table), id(whole.row), whole.measure)
            if abs(whole.yuan - total) <= slack or mark in seen:
                continue
            seen.add(mark)
            k = scale(whole.table)
            named = "、".join(f"{_name(p.table)}“{p.row.item}”{p.amount:,f}{p.table.unit}" for p in parts[1:])
            relation = (f"财政拨款应等于一般公共预算与{named}之和 {_clean(total / k):,f}{whole.table.unit}" if named
                        else "政府性基金预算、国有资本经营预算均未列此项，财政拨款应等于一般公共预算")
            yield Mismatch(whole, parts[0], total / k, slack / k, key, (*key[:4], figs.canon["general"]),
                           relation=relation)


def emit_mismatches(emit, figs: Figures, dims: set[str]):
    for m in compare(figs, dims):
        f, ref = m.figure, m.reference
        code = m.key[1] if m.key[0] in ("function", "economic") else ""
        what = f"“{f.row.item}”" + (f"（{code}）" if code and code not in f.row.item else "")
        yield emit(
            table=f.table, row=f.row, measure=f.measure, expected=_clean(m.expected), actual=f.amount,
            tolerance=_clean(m.tolerance), where=[*f.where, *ref.where], against=[ref.table],
            what=what, column=f.column, other_table=_name(ref.table), other_item=ref.row.item,
            other_column=ref.column, other_amount=f"{ref.amount:,f}", other_unit=ref.table.unit,
            scope=_scope(m.key) if m.contains else "", other_scope=_scope(m.ref_key) if m.contains else "",
            relation=m.relation or ("前者的资金范围包含后者，不应小于后者" if m.contains else "两者应一致"),
        )


def _scope(key: Key) -> str:
    name = SCOPE_NAMES.get(key[4], "")
    return f"（{name}）" if name and key[0] != "source" else ""


def _clean(d: Decimal) -> Decimal:
    return d.quantize(Decimal(1)) if d == d.to_integral() else d.quantize(Decimal("0.0001")).normalize()


def _name(table: Table) -> str:
    number = f"（{table.number_text}）" if table.number_text else ""
    return f"《{table.title}》{number}"
