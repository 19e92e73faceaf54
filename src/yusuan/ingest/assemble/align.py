"""A table continued on a page where fewer rules are drawn comes as a grid of other columns:
put its cells back into the first page's columns by their position."""

from __future__ import annotations

from dataclasses import replace

from yusuan.ingest.blocks import Cell, Grid
from yusuan.model.amount import parse_amount
from yusuan.model.provenance import Source

Span = tuple[float, float]


def column_spans(grid: Grid) -> list[Span] | None:
    """Each column's x-range, from the cells that occupy one column only; None without positions."""
    spans: list[Span | None] = [None] * grid.width
    for row in grid.rows:
        for c, cell in enumerate(row):
            if cell is not None and cell.colspan == 1 and cell.source.bbox is not None and spans[c] is None:
                spans[c] = (cell.source.bbox[0], cell.source.bbox[2])
    return None if any(s is None for s in spans) else spans  # type: ignore[return-value]


def realign(grid: Grid, spans: list[Span]) -> Grid:
    rows = []
    for row in grid.rows:
        out: list[Cell | None] = [None] * len(spans)
        filled = [False] * len(spans)
        for cell in row:
            if cell is None or cell.source.bbox is None:
                continue
            x0, x1 = cell.source.bbox[0], cell.source.bbox[2]
            cols = [i for i, (a, b) in enumerate(spans) if x0 - 1 <= (a + b) / 2 <= x1 + 1]
            if not cols:
                cols = [min(range(len(spans)), key=lambda i: abs((spans[i][0] + spans[i][1]) / 2 - (x0 + x1) / 2))]
            parts = cell.text.split()
            if len(cols) > 1 and len(parts) == len(cols) and all(parse_amount(p) is not None for p in parts):
                # no rule drawn between the columns: one amount per column, in order
                for i, text in zip(cols, parts):
                    a, b = spans[i]
                    bbox = (a, cell.source.bbox[1], b, cell.source.bbox[3])
                    out[i] = Cell(text, replace(cell.source, bbox=bbox))
            else:
                out[cols[0]] = replace(cell, colspan=len(cols))
            for i in cols:
                filled[i] = True
        page = grid.source.page
        for i, done in enumerate(filled):
            if not done:
                out[i] = Cell("", Source(grid.source.file, page))
        rows.append(out)
    return Grid(rows, grid.source)
