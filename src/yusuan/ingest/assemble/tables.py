"""One table from its caption and one or more grids (continued across pages)."""

from __future__ import annotations

import re

from yusuan.ingest.assemble.captions import Caption
from yusuan.ingest.assemble.grid_text import covering_cells, has_spans
from yusuan.ingest.assemble.headers import AMOUNT, ColumnSpec, column_specs
from yusuan.ingest.assemble.kinds import kind_of_title
from yusuan.ingest.assemble.normalize import norm
from yusuan.ingest.assemble.rows import TOTAL_LABELS, build_rows, is_code, sides
from yusuan.ingest.blocks import Cell, Grid, Line
from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import Column, Table

_EMPTY_NOTE = re.compile(r"(本表本年无发生额|本表无数据|故本表无数据|本年度无|无此项|本表为空)")
_NOTE = re.compile(r"^(注|说明|备注)\s*\d*[:：.、]")
_UNIT_IN_HEADER = re.compile(r"[(（](万元|元)[)）]")


def is_note(text: str) -> bool:
    return bool(_NOTE.match(norm(text))) or bool(_EMPTY_NOTE.search(norm(text)))


def _is_body_row(cells: list[Cell | None]) -> bool:
    """A row of the table's body: it prints an amount, or starts (in its leftmost columns) with a
    total label or a classification code. Header rows print neither."""
    texts = [(i, norm(c.text)) for i, c in enumerate(cells) if c is not None and c.text.strip()]
    if not texts or any("栏次" in t for _, t in texts):
        return False
    if any(parse_amount(t) is not None for _, t in texts):
        return True
    first_index, first = texts[0]
    return first_index <= 2 and (bool(TOTAL_LABELS.match(first)) or is_code(first))


def header_count(grid: Grid) -> int:
    for r, row in enumerate(grid.rows):
        if _is_body_row(row):
            return r
    return len(grid.rows)


class TableBuilder:
    def __init__(self, caption: Caption, grid: Grid, *, year: int | None, final_accounts: bool, unit: str):
        self.caption = caption
        self.kind = kind_of_title(caption.title) if caption.title else "unknown"
        self.year, self.final_accounts = year, final_accounts
        self.table = Table(
            kind=self.kind,
            title=caption.title,
            number=caption.number,
            number_text=caption.number_text,
            unit=caption.unit or unit,
            source=caption.lines[0].source if caption.lines else grid.source,
        )
        self.header_rows: set[tuple[str, ...]] = set()
        self.specs: list[ColumnSpec] = []
        self.raw_grids: list[Grid] = []
        self.add(grid)

    @property
    def number(self) -> str:
        return self.table.number

    def same_table(self, caption: Caption) -> bool:
        if caption.number:
            return caption.number == self.table.number
        return bool(caption.title) and norm(caption.title) == norm(self.table.title)

    def add(self, grid: Grid) -> None:
        self.raw_grids.append(grid)
        n = header_count(grid)
        dense = covering_cells(grid)
        header = dense[:n]
        signatures = [tuple(norm(c.text) for c in row if c is not None and c.text.strip()) for row in header]
        if n and (not self.specs or not all(s in self.header_rows for s in signatures)):
            matrix = [[c.text if c is not None else "" for c in row] for row in header]
            self.specs = column_specs(matrix, has_spans(grid), self.kind, self.year, self.final_accounts)
            if not self.table.columns:
                self._set_columns(header)
        self.header_rows.update(signatures)
        for row in grid.rows[n:]:
            self.table.rows.extend(build_rows(row, self.specs, sides(self.specs)))
        page = grid.source.page
        if page not in self.table.pages:
            self.table.pages.append(page)

    def _set_columns(self, header: list[list[Cell | None]]) -> None:
        table_sides = sides(self.specs)
        for spec in self.specs:
            if spec.role == AMOUNT:
                side = spec.side if table_sides != [""] else ""
                self.table.columns.append(Column(spec.measure, spec.header, side))
        if not self.table.unit:
            for row in header:
                for cell in row:
                    if cell is not None and (m := _UNIT_IN_HEADER.search(norm(cell.text))):
                        self.table.unit = m.group(1)
                        return

    def note(self, line: Line) -> None:
        self.table.notes.append(line.text)
        if _EMPTY_NOTE.search(norm(line.text)):
            self.table.empty = True

    def finish(self) -> Table:
        if not any(row.values for row in self.table.rows):
            self.table.empty = True
        return self.table
