"""A lattice and the page's characters into a Grid of Cells."""

from __future__ import annotations

from bisect import bisect_right

from yusuan.ingest.blocks import Cell, Grid
from yusuan.ingest.pdf.chars import Char
from yusuan.ingest.pdf.lattice import Lattice, spans
from yusuan.ingest.pdf.text import chars_text, lowest
from yusuan.model.provenance import Source

_EDGE = 1.0  # points: a char centre this far outside the outline still belongs to the table


def take_chars(lat: Lattice, chars: list[Char]) -> tuple[list[Char], list[Char]]:
    """(chars inside the table, chars outside it)."""
    x0, top, x1, bottom = lat.bbox
    inside, outside = [], []
    for c in chars:
        cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        if x0 - _EDGE <= cx <= x1 + _EDGE and top - _EDGE <= cy <= bottom + _EDGE:
            inside.append(c)
        else:
            outside.append(c)
    return inside, outside


def is_table(lat: Lattice, chars: list[Char]) -> bool:
    """A grid has text and more than one cell; a lone ruled box is decoration."""
    return bool(chars) and len(lat.xs) * len(lat.ys) > 4


def build_grid(lat: Lattice, chars: list[Char], file: str, page: int) -> Grid:
    xs, ys = lat.xs, lat.ys
    nr, nc = len(ys) - 1, len(xs) - 1
    owner: list[list[tuple[int, int]]] = [[(0, 0)] * nc for _ in range(nr)]
    cells = spans(lat)
    for r, c, rs, cs in cells:
        for i in range(rs):
            for k in range(cs):
                owner[r + i][c + k] = (r, c)
    content: dict[tuple[int, int], list[Char]] = {}
    last_col, last_row = nc - 1, nr - 1
    for ch in chars:  # the column and row of the char's centre, those outside the outline in the nearest
        col = bisect_right(xs, (ch.x0 + ch.x1) / 2) - 1
        row = bisect_right(ys, (ch.top + ch.bottom) / 2) - 1
        col = 0 if col < 0 else last_col if col > last_col else col
        row = 0 if row < 0 else last_row if row > last_row else row
        content.setdefault(owner[row][col], []).append(ch)
    rows: list[list[Cell | None]] = [[None] * nc for _ in range(nr)]
    for r, c, rs, cs in cells:
        box = (xs[c], ys[r], xs[c + cs], ys[r + rs])
        inside = content.get((r, c))
        text, ocr = (chars_text(inside), lowest(inside)) if inside else ("", None)
        rows[r][c] = Cell(text, Source(file, page, box, ocr=ocr), colspan=cs, rowspan=rs)
    return Grid(rows, Source(file, page, lat.bbox))
