"""What the arithmetic and reconciliation rules say of tables: scales, column names, phases, income sources
and the totals of a side. How a table is built (sides, levels, total rows, hierarchy, sums under the
rounding tolerance) is read in ingest/assemble/structure.py; its names are available here too."""

from __future__ import annotations

import re
from decimal import Decimal

from yusuan.ingest.assemble.structure import (  # noqa: F401 (is_grand, sides, source_key: for the rules too)
    bare,
    is_grand,
    side_rows,
    sides,
    source_key,
    table_unit,
    total_specs,
)
from yusuan.model.disclosure import Row, Table
from yusuan.model.text import match_key
from yusuan.model.tolerance import bound
from yusuan.model.vocabulary import MEASURES, PHASES, split_measure

WAN = Decimal(10000)


def scale(table: Table) -> Decimal:
    """Yuan per printed unit of money: 10000 for 万元 tables."""
    return WAN if table.unit == "万元" else Decimal(1)


def money(amount: Decimal) -> str:
    return f"{amount.normalize():,f}" if amount == amount.to_integral() else f"{amount:,f}"


# ---------------------------------------------------------------- names


def column_name(table: Table, measure: str, side: str = "") -> str:
    """What the column is called on the page (its header), else the vocabulary's name."""
    for c in table.columns:
        if c.measure == measure and (not side or not c.side or c.side == side):
            return c.header.replace("/", "·")
    base, phase = split_measure(measure)
    name = MEASURES.get(base, base)
    return f"{name}（{PHASES[phase]}）" if phase in PHASES else name


def phase_of(measure: str) -> str:
    return split_measure(measure)[1]


def with_phase(base: str, phase: str) -> str:
    return f"{base}@{phase}" if phase else base


# ---------------------------------------------------------------- income sources

# Each income line printed on a summary or income table names one source of funds.
_NOT_MEASURES = {"other_funds": "其他资金", "other_income": "其他收入", "use_of_balance": "使用非财政拨款结余"}
SOURCE_NAMES = {
    k: _NOT_MEASURES.get(k) or MEASURES[k]
    for k in ("fiscal", "general_budget", "gov_fund", "soe_capital", "special_account", "unit_funds", "other_funds",
              "business_income", "operating_income", "superior_subsidy", "affiliated_income", "other_income",
              "prior_carryover", "use_of_balance")
}
NONFISCAL = {"special_account", "unit_funds", "other_funds", "business_income", "operating_income",
             "superior_subsidy", "affiliated_income", "other_income", "prior_carryover", "use_of_balance"}
# income table columns that name a source
SOURCE_MEASURES = {
    "fiscal": "fiscal", "general_budget": "general_budget", "gov_fund": "gov_fund",
    "soe_capital": "soe_capital", "special_account": "special_account", "unit_funds": "unit_funds",
    "business_income": "business_income", "operating_income": "operating_income",
    "superior_subsidy": "superior_subsidy", "affiliated_income": "affiliated_income",
    "other": "other_income", "prior_carryover": "prior_carryover",
}


def year_of(row: Row) -> int | None:
    m = re.match(r"^(\d{4})年", match_key(row.item or row.label))
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- totals of a side


class Amount:
    """A total as printed, or (derived) as the sum of the lines it totals."""

    __slots__ = ("amount", "slack", "where", "derived")

    def __init__(self, amount, slack, where, derived):
        """`slack`: how far rounding can take it off (half the unit of every printed value it adds)."""
        self.amount, self.slack, self.where, self.derived = amount, slack, where, derived


class Totals:
    """The total rows of one side: 本年合计 (current) and 总计 (grand); one printed total is both."""

    def __init__(self, table, side):
        self.table, self.side = table, side
        self.specs = total_specs(table, side)
        self.cats: dict[str, int] = {}
        for i, spec in enumerate(self.specs):
            t = bare(spec.total.label or spec.total.item)
            self.cats.setdefault("current" if ("本年" in t or "当年" in t) else "grand", i)
        self.split = len(self.cats) == 2
        if len(self.specs) == 1:
            self.cats = {"current": 0, "grand": 0}
        self.rows = side_rows(table, side)
        self.finest = table_unit(table)

    def phases(self):
        return sorted({phase_of(m) for s in self.specs for m in s.total.values})

    def main(self, phase):
        have = {m for r in self.rows for m in r.values}
        for base in ("total", "amount"):
            if with_phase(base, phase) in have:
                return with_phase(base, phase)
        return None

    def value(self, i, measure, depth=0):
        spec = self.specs[i]
        v = spec.total.values.get(measure)
        if v is not None:
            return Amount(v.amount, bound([v], self.finest), [v.source], False)
        if not spec.parts or depth > 3:
            return None
        amount, slack, where, seen = Decimal(0), Decimal(0), [], False
        for p in spec.parts:
            j = next((k for k, s in enumerate(self.specs) if s.total is p), None)
            got = self.value(j, measure, depth + 1) if j is not None else None
            if got is None and j is None and (pv := p.values.get(measure)) is not None:
                got = Amount(pv.amount, bound([pv], self.finest), [pv.source], False)
            if got is not None:
                amount, slack, where, seen = amount + got.amount, slack + got.slack, where + got.where, True
        return Amount(amount, slack, where, True) if seen else None
