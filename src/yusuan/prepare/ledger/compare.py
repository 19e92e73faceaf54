"""A derived disclosure against a published one, table by table and cell by cell.

Rows are matched by side and code, or (uncoded) by side and label in their order; a derived figure equals
a published one when, rounded to the decimals the published figure prints, it is that figure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from yusuan.model.disclosure import Disclosure, Row, Table, Value
from yusuan.model.text import ORDINAL, match_key
from yusuan.model.vocabulary import MEASURES, TABLE_KINDS, split_measure


@dataclass(frozen=True, slots=True)
class Difference:
    table: str  # 表3 支出总表
    number: str  # the table's number, digits only ("" unnumbered)
    kind: str
    side: str
    code: str
    item: str
    measure: str
    published: Value | None
    derived: Value | None
    what: str  # value | missing (published only) | extra (derived only) | table (published table not derived)

    def describe(self) -> str:
        where = f"{self.table}" + (f"“{self.code} {self.item}”" if self.code else f"“{self.item}”" if self.item else "")
        base, phase = split_measure(self.measure)
        column = MEASURES.get(base, base) + (f"（{phase}）" if phase else "") if self.measure else ""
        p = self.published.text if self.published else ""
        d = self.derived.text if self.derived else ""
        if self.what == "table":
            return f"{self.table}：公开文件有这张表，由预算行生成的没有"
        if self.what == "missing":
            return f"{where}{column}：公开为 {p}，由预算行生成的没有这一格" if column else f"{where}：公开文件有这一行，由预算行生成的没有"
        if self.what == "extra":
            return f"{where}{column}：由预算行生成为 {d}，公开文件没有这一格" if column else f"{where}：由预算行生成的有这一行，公开文件没有"
        return f"{where}{column}：公开为 {p}，由预算行生成为 {d}"


def equal(derived: Value, published: Value, factor: Decimal = Decimal(1)) -> bool:
    """Whether a derived figure (times `factor`, from its table's unit to the published one's) prints as
    the published one at the published figure's decimals."""
    decimals = len(published.text.replace(",", "").partition(".")[2])
    return (derived.amount * factor).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP) == published.amount


def _factor(derived: Table, published: Table) -> Decimal:
    units = {"元": Decimal(1), "万元": Decimal(10000)}
    if derived.unit in units and published.unit in units:
        return units[derived.unit] / units[published.unit]
    return Decimal(1)


def compare(derived: Disclosure, published: Disclosure) -> list[Difference]:
    out: list[Difference] = []
    for table in published.tables:
        if table.kind == "unknown":
            continue
        mine = next((t for t in derived.tables if t.kind == table.kind), None)
        name = f"{table.number_text}{table.title or TABLE_KINDS.get(table.kind, '')}".strip()
        if mine is None:
            if any(v.amount for _, _, v in table.cells()):
                out.append(Difference(name, table.number, table.kind, "", "", "", "", None, None, "table"))
            continue
        out += _rows(name, table, mine)
    return out


def _key(row: Row) -> tuple[str, str]:
    if row.code:
        return row.side, row.code
    return row.side, ORDINAL.sub("", match_key(row.item))


def _keyed(table: Table) -> dict[tuple, Row]:
    seen: Counter = Counter()
    out = {}
    for row in table.rows:
        k = _key(row)
        out[(*k, seen[k])] = row
        seen[k] += 1
    return out


def _rows(name: str, published: Table, derived: Table) -> list[Difference]:
    out: list[Difference] = []
    theirs, mine = _keyed(published), _keyed(derived)
    factor = _factor(derived, published)

    def found(row: Row, what: str, measure: str = "", p: Value | None = None, d: Value | None = None) -> None:
        out.append(Difference(name, published.number, published.kind, row.side, row.code, row.item, measure, p, d,
                              what))

    for key, row in theirs.items():
        other = mine.get(key)
        if other is None and not row.code and row.is_total:  # a body's row printed under another name
            other = next((r for k, r in mine.items() if r.is_total and not r.code and k[0] == key[0]
                          and k not in theirs), None)
        if other is None:
            if row.values:
                found(row, "missing")
            continue
        for measure, value in row.values.items():
            got = other.values.get(measure)
            if got is None:
                if value.amount:
                    found(row, "missing", measure, value)
            elif not equal(got, value, factor):
                found(row, "value", measure, value, got)
        for measure, got in other.values.items():
            if measure not in row.values and got.amount and any(measure in r.values for r in published.rows):
                found(row, "extra", measure, None, got)
    for key, row in mine.items():
        body = row.is_total and not row.code and any(r.is_total and not r.code and r.side == row.side
                                                     for r in published.rows)
        if key not in theirs and not body and any(v.amount for v in row.values.values()):
            found(row, "extra")
    return out
