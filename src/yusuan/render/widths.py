"""Column widths of a printed table, estimated from its cells' texts (in em of the table's font).

The PDF's tables (Typst's table columns) and the HTML's printed page (one `<col>` each, `table-layout:
fixed`) have these widths, as percentages, so that both break the same cells the same way (the XLSX's
narrative sheet sizes its columns from them too). The estimate follows the idea of a browser's automatic
table layout, with our own minimum widths: codes and amounts never wrap, a header wraps on at
most three lines of at least four characters, names and texts wrap but not narrower than a few
characters. A wrapping column asks for the width of its longer lines (the 90th percentile, not its
single longest: one long 目标值 among short ones wraps rather than widening the column for all). Each
column gets its minimum, then what the page has left, in proportion to what it lacks of that width;
when every column has it, the spare goes to the columns whose text still wraps, in proportion to the
text they wrap (the 主要内容 of a 绩效 table before its figures), and only when none wraps to every
column in proportion.
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
WIDE_SHARE = 0.9  # a wrapping column asks for the width of this share of its lines
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
    wrapped: list[list[float]] = [[] for _ in range(n)]  # the widths of a column's wrapping texts
    headers: list[list[float]] = [[] for _ in range(n)]
    for row in table.header:
        for c, cell in enumerate(row):
            if cell is not None and cell.colspan == 1 and c < n:
                a, b = header_extent(cell.text)
                lo[c], hi[c] = max(lo[c], a), max(hi[c], b)
                headers[c].append(text_em(cell.text))
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
                wrapped[c].append(w)
    for c, widths in enumerate(wrapped):
        if widths:
            widths.sort()
            hi[c] = max(hi[c], min(widths[min(len(widths) - 1, int(WIDE_SHARE * len(widths)))], WRAP_MAX))
    for c, role in enumerate(table.roles):
        if role == LABEL:
            lo[c], hi[c] = max(lo[c], LABEL_EXTENT[0]), max(hi[c], LABEL_EXTENT[1])
    lo = [x + PAD for x in lo]
    hi = [max(h + PAD, x) for h, x in zip(hi, lo)]
    # how much text a column wraps beyond that width: its long texts, and its header (2023年预算数)
    excess = [sum(max(0.0, w + PAD - h) for w in (*texts, *heads)) for texts, heads, h in zip(wrapped, headers, hi)]
    return _percent(_share(lo, hi, nowrap, WIDE_PAGE_EM if table.wide else PAGE_EM, excess))


def _share(lo: list[float], hi: list[float], nowrap: list[bool], room: float,
           excess: list[float] | None = None) -> list[float]:
    if sum(hi) <= room:
        if excess and sum(excess) > 0:  # the spare to the columns whose text still wraps
            spare = room - sum(hi)
            return [h + spare * e / sum(excess) for h, e in zip(hi, excess)]
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
