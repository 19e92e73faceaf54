"""What every reader yields, in reading order: running text lines and table grids.

Readers know formats; the assembler knows budgets. Between them is only this.
"""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.model.provenance import Source


@dataclass(slots=True)
class Line:
    """A line of text outside any table grid (titles, 单位：万元, narrative, notes)."""

    text: str
    source: Source


@dataclass(slots=True)
class Cell:
    text: str  # as printed; a wrapped cell's lines joined (CJK with no space)
    source: Source
    colspan: int = 1
    rowspan: int = 1


@dataclass(slots=True)
class Grid:
    """One table fragment on one page (or one run of tab-separated lines).

    rows[r][c] is the Cell whose top-left is at (r, c), a Cell with text "" for a blank cell,
    or None where a merged cell from above or the left covers the position.
    """

    rows: list[list[Cell | None]]
    source: Source

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


Block = Line | Grid
