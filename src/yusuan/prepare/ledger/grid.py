"""The budget lines as the web grid holds them: each line a dict of its cells' texts by field (amounts as
exact decimal strings, choices and flags in their Chinese words, as on the XLSX of lines), read into Lines
by the XLSX reader's own rules (`xlsx._Reader`), every cell it cannot use named by row and column; the
totals the grid shows beside them (`totals`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from decimal import Decimal

from yusuan.catalog.store import load as load_catalog
from yusuan.prepare.ledger import columns as C
from yusuan.prepare.ledger.model import FUNDS, PURPOSES, Ledger, Line
from yusuan.prepare.ledger.xlsx import _CODE_SHAPES, _Column, _Reader, cell_value

PLACE = "预算行表格"
REQUIRED = ("unit", "function", "purpose", "fund", "amount")


@dataclass(frozen=True, slots=True)
class Problem:
    """A cell the lines cannot use (`error`), or one to look at (`warning`: a code the year's catalog does
    not list)."""

    row: int  # 1-based, as the grid numbers its rows
    field: str
    column: str  # the column's title
    reason: str
    severity: str = "error"

    @property
    def message(self) -> str:
        where = f"第 {self.row} 行" + (f"“{self.column}”" if self.column else "")
        return f"{where}：{self.reason}"

    def to_dict(self) -> dict:
        return {**asdict(self), "message": self.message}


class _Refused(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


class _GridReader(_Reader):
    """The XLSX reader's checks on the grid's cells: an error names the grid's row and column."""

    def __init__(self, year: int, unit: str):
        super().__init__(None, PLACE)
        self.year, self.unit = year, unit
        self.catalogs = {s: load_catalog(s, year) for s in _CODE_SHAPES}
        self.columns = [_Column(col, n, col.title(year, unit)) for n, col in enumerate(C.COLUMNS, start=1)]
        self.flags: list[Problem] = []

    def error(self, sheet, reason: str, row: int | None = None, column: _Column | None = None) -> _Refused:
        return _Refused(Problem(row or 0, column.col.field if column else "", column.header if column else "", reason))

    def unknown_code(self, ws, r: int, column: _Column, code: str, catalog) -> None:
        super().unknown_code(ws, r, column, code, catalog)
        self.flags.append(Problem(r, column.col.field, column.header,
                                  f"科目编码 {code} 不在 {catalog.year} 年的科目表中，请核对", "warning"))

    def grid_line(self, r: int, row: dict) -> tuple[Line | None, list[Problem]]:
        by_field = {c.col.field: c for c in self.columns}
        values: dict[str, object] = {}
        problems: list[Problem] = []
        for column in self.columns:
            try:
                values[column.col.field] = self.cell(None, r, column, row.get(column.col.field))
            except _Refused as e:
                problems.append(e.problem)
        for f in REQUIRED:
            if f in values and values[f] in ("", None):
                problems.append(Problem(r, f, by_field[f].header, "必填项没有填写"))
        if problems:
            return None, problems
        line = Line(**{f: v for f, v in values.items()})
        try:
            self.check(None, r, line, by_field)
        except _Refused as e:
            return None, [e.problem]
        return line, []


def blank(row: dict) -> bool:
    return all(not str(v or "").strip() for k, v in row.items() if k in C.BY_FIELD)


def read_rows(rows: list[dict], year: int, unit: str, *, final: bool = False) -> tuple[list[Line], list[Problem]]:
    """The grid's rows as Lines (rows left blank skipped) and the problems found: errors (the rows with
    one give no line) and warnings (for a 决算's lines, `final`, a line of money without its 执行数)."""
    reader = _GridReader(year, unit)
    lines: list[Line] = []
    problems: list[Problem] = []
    for r, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or blank(row):
            continue
        line, found = reader.grid_line(r, row)
        problems.extend(found)
        if line is not None:
            lines.append(line)
            if final and line.final is None and line.amount:
                column = C.BY_FIELD["final"]
                problems.append(Problem(r, "final", column.title(year, unit),
                                        "决算行未填写执行数：决算表只在每行都有执行数时列出决算数", "warning"))
    return lines, [*problems, *reader.flags]


def rows_of(lines: list[Line]) -> list[dict]:
    """Lines as the grid's rows (read back by `read_rows` into the same lines)."""
    return [{col.field: _shown(cell_value(line, col)) for col in C.COLUMNS} for line in lines]


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def names_of(ledger: Ledger) -> list[list[str]]:
    return [[scheme, code, name] for (scheme, code), name in sorted(ledger.names.items())]


def totals(lines: list[Line], field: str = "amount") -> dict:
    """This year's amounts (or another amount `field`: a 决算's 执行数, `final`) added up as the grid shows
    them: the grand total, by fund source, by purpose (基本 / 项目 …) and by function class (类, the code's
    first three digits). A blank figure adds nothing."""
    by_fund: dict[str, Decimal] = defaultdict(Decimal)
    by_purpose: dict[str, Decimal] = defaultdict(Decimal)
    by_class: dict[str, Decimal] = defaultdict(Decimal)
    all_ = Decimal(0)
    for line in lines:
        value = getattr(line, field)
        if value is None:
            continue
        all_ += value
        by_fund[FUNDS[line.fund]] += value
        by_purpose[PURPOSES[line.purpose]] += value
        by_class[line.function[:3]] += value
    text = lambda d: {k: format(v, "f") for k, v in sorted(d.items())}  # noqa: E731
    return {"total": format(all_, "f"), "by_fund": text(by_fund), "by_purpose": text(by_purpose),
            "by_class": text(by_class)}
