"""A grid as a dense matrix of texts: merged cells expanded, header blanks filled."""

from __future__ import annotations

from yusuan.ingest.blocks import Cell, Grid


def covering_cells(grid: Grid) -> list[list[Cell | None]]:
    """Every position → the Cell printed there or the merged Cell that covers it."""
    width = grid.width
    dense: list[list[Cell | None]] = [[None] * width for _ in grid.rows]
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if r + dr < len(dense) and c + dc < width and dense[r + dr][c + dc] is None:
                        dense[r + dr][c + dc] = cell
    return dense


def has_spans(grid: Grid) -> bool:
    return any(cell is None or cell.colspan > 1 or cell.rowspan > 1 for row in grid.rows for cell in row)
