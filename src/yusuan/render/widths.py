"""Column widths of a printed table, estimated from its cells' texts (in em of the table's font).

The PDF lays tables out with `table-layout: fixed` and these widths (as percentages, one `<col>` each):
WeasyPrint's automatic layout measures every cell's narrowest and widest line by breaking long Chinese
text at every character, which was about 40 % of its layout time. The estimate follows the same idea
as the automatic layout, with our own minimum widths: codes and amounts never wrap, a header wraps on at
most three lines of at least four characters, names and texts wrap but not narrower than a few
characters. Each column gets its minimum, then what the page has left, in proportion to what it lacks
of its widest line; when even the widest lines fit, the spare goes to every column in proportion.
"""

from __future__ import annotations

import math
import unicodedata

from yusuan.render.layout import AMOUNT, CODE, LABEL, TEXT, TableLayout

# The printable width of a page in em of the tables' 9 pt font (A4, document.css margins).
PAGE_EM = 174 / 3.175  # portrait: 210 − 2 × 18 mm
WIDE_PAGE_EM = 267 / 3.175  # landscape: 297 − 2 × 15 mm
PAD = 0.8  # the cell's padding (3 pt each side) and its border
INDENT = 1.2  # one indentation step of a label (document.css td.i1 …)
NOWRAP_SLACK = 1.06  # codes and amounts must never overflow: bold figures and font differences
WRAP_MIN = {LABEL: 9.0, TEXT: 5.0}  # the narrowest a wrapping cell gets, in characters (body names: 9)
LABEL_EXTENT = (6.0, 9.0)  # a name column, even of an empty table: at least this narrow and wide
WRAP_MAX = 24.0  # a longer name or text wraps rather than taking a page's width
SQUEEZED = 2.5  # when even the minimums do not fit, wrapping columns give way down to this
_NARROW = frozenset(" ,.:;-'()[]/|!")


def text_em(text: str) -> float:
    """Width of the longest line of `text` in em: a Chinese character 1, a digit 0.6, a comma 0.3."""
    return max((_line_em(line) for line in text.split("\n")), default=0.0)


def _line_em(line: str) -> float:
    width = 0.0
    for ch in line:
        if ch in _NARROW:
            width += 0.3
        elif ch < "\u0080":
            width += 0.6
        elif unicodedata.east_asian_width(ch) in "WF":
            width += 1.0
        else:
            width += 0.85
    return width


def wrapped_lines(text: str, room: float) -> int:
    """Lines `text` takes when wrapped in `room` em (each of its own lines at least one)."""
    room = max(room, 1.0)
    return sum(max(1, math.ceil(_line_em(line) / room - 1e-9)) for line in text.split("\n"))


def header_extent(text: str) -> tuple[float, float]:
    """(narrowest, widest) of a header cell: at least four characters a line, at most three lines."""
    w = text_em(text)
    return min(w, max(4.0, w / 3)), min(w, max(6.0, w / 2))


def column_widths(table: TableLayout) -> list[float]:
    """Each column's share of the table's width, in percent (summing to 100)."""
    n = table.width
    if n == 0:
        return []
    lo, hi, nowrap = [0.0] * n, [0.0] * n, [False] * n
    for row in table.header:
        for c, cell in enumerate(row):
            if cell is not None and cell.colspan == 1 and c < n:
                a, b = header_extent(cell.text)
                lo[c], hi[c] = max(lo[c], a), max(hi[c], b)
    for row in table.rows:
        for c, cell in enumerate(row):
            if cell is None or cell.colspan != 1 or c >= n:
                continue
            w = text_em(cell.text) + cell.indent * INDENT
            if cell.role in (CODE, AMOUNT):
                w *= NOWRAP_SLACK
                lo[c], hi[c], nowrap[c] = max(lo[c], w), max(hi[c], w), True
            else:
                lo[c] = max(lo[c], min(w, WRAP_MIN.get(cell.role, WRAP_MIN[LABEL])))
                hi[c] = max(hi[c], min(w, WRAP_MAX))
    for c, role in enumerate(table.roles):
        if role == LABEL:
            lo[c], hi[c] = max(lo[c], LABEL_EXTENT[0]), max(hi[c], LABEL_EXTENT[1])
    lo = [x + PAD for x in lo]
    hi = [max(h + PAD, x) for h, x in zip(hi, lo)]
    return _percent(_share(lo, hi, nowrap, WIDE_PAGE_EM if table.wide else PAGE_EM))


def _share(lo: list[float], hi: list[float], nowrap: list[bool], room: float) -> list[float]:
    if sum(hi) <= room:
        return hi  # the percentages spread the spare in proportion
    if sum(lo) <= room:
        lack = [h - x for h, x in zip(hi, lo)]
        spare = room - sum(lo)
        return [x + spare * d / sum(lack) for x, d in zip(lo, lack)]
    give = [0.0 if fixed else max(0.0, x - SQUEEZED - PAD) for x, fixed in zip(lo, nowrap)]
    over = sum(lo) - room
    if sum(give) > 0:
        cut = min(1.0, over / sum(give))
        lo = [x - g * cut for x, g in zip(lo, give)]
    return lo


def _percent(widths: list[float]) -> list[float]:
    total = sum(widths) or 1.0
    return [round(100 * w / total, 3) for w in widths]
