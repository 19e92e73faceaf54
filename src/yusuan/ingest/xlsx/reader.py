"""XLSX (ours, or a budget system's export with a sheet per table): sheet by sheet, the bordered
rows form Grids (merged cells as spans), every other non-empty cell is a Line.

Numbers are shown as the cell's number format prints them (#,##0.00 → 1,234.50), so a number keeps
its printed decimals. Formulas are read by their cached values. Source.page is the sheet's 1-based
position in the workbook.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from yusuan.ingest.blocks import Block, Cell, Grid, Line
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source

_DECIMALS = re.compile(r"\.(0+)")


def cell_text(value, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, Decimal)):
        fmt = (number_format or "General").split(";")[0]
        if isinstance(value, float) and value.is_integer() and "0" not in fmt:
            value = int(value)
        if "%" in fmt:
            m = _DECIMALS.search(fmt)
            return f"{Decimal(str(value)) * 100:.{len(m.group(1)) if m else 0}f}%"
        if "0" in fmt and fmt != "General":
            m = _DECIMALS.search(fmt)
            decimals = len(m.group(1)) if m else 0
            sep = "," if "," in fmt else ""
            return f"{Decimal(str(value)):{sep}.{decimals}f}"
        return str(Decimal(str(value)).normalize()) if isinstance(value, float) else str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value).strip()


def _bordered(cell) -> bool:
    b = cell.border
    return any(getattr(b, side).style for side in ("left", "right", "top", "bottom"))


def open_xlsx(path: Path, file: str):
    """The workbook with the cached values of its formulas; IngestError naming `file` when it is broken."""
    from openpyxl import load_workbook

    try:
        return load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise IngestError(file, f"XLSX 文件已损坏，无法读取（{type(e).__name__}）") from None


def read_xlsx_blocks(path: str | Path, *, name: str | None = None) -> Iterator[Block]:
    path = Path(path)
    wb = open_xlsx(path, name or path.name)
    for page, ws in enumerate(wb.worksheets, start=1):
        if ws.sheet_state != "visible":
            continue
        yield from _sheet(ws, Source(name or path.name, page))


def _sheet(ws, source: Source) -> Iterator[Block]:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    rows: list[tuple[int, list]] = []
    any_border = False
    for row in ws.iter_rows():
        if not row:
            continue
        r = row[0].row
        texts = []
        bordered = False
        for cell in row:
            if (r, cell.column) in covered:
                texts.append((cell.column, None))
                continue
            if _bordered(cell):
                bordered = True
            texts.append((cell.column, cell_text(cell.value, cell.number_format)))
        any_border = any_border or bordered
        rows.append((r, texts, bordered))
    in_grid = [
        bordered if any_border else sum(1 for _, t in texts if t) >= 2 for _, texts, bordered in rows
    ]
    i = 0
    while i < len(rows):
        if not in_grid[i]:
            for _, text in rows[i][1]:
                if text:
                    for part in text.split("\n"):
                        if part.strip():
                            yield Line(part.strip(), source)
            i += 1
            continue
        j = i
        while j < len(rows) and in_grid[j] and (j == i or rows[j][0] == rows[j - 1][0] + 1):
            j += 1
        yield _grid(rows[i:j], spans, source)
        i = j


def _grid(run: list, spans: dict, source: Source) -> Grid:
    cols = [c for _, texts, _ in run for c, t in texts if t is not None]
    first, last = min(cols), max(cols)
    for r, _, _ in run:
        for (sr, sc), (h, w) in spans.items():
            if sr == r and sc + w - 1 > last:
                last = sc + w - 1
    grid: list[list[Cell | None]] = []
    bottom = run[-1][0]
    for r, texts, _ in run:
        by_col = dict(texts)
        line: list[Cell | None] = []
        for c in range(first, last + 1):
            if c in by_col and by_col[c] is None:
                line.append(None)
                continue
            h, w = spans.get((r, c), (1, 1))
            line.append(Cell(by_col.get(c, "") or "", source, colspan=min(w, last - c + 1), rowspan=min(h, bottom - r + 1)))
        grid.append(line)
    return Grid(grid, source)
