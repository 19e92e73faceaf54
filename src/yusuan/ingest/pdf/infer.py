"""Boundaries the rules leave out, inferred from how the text is aligned.

Excel prints with only an outer border, bodies without row rules, header rows without inner
rules: columns come from whitespace channels that run down the text, rows from the lines that
carry numbers (a wrapped label's lines join the number's row).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from yusuan.ingest.pdf.chars import Char
from yusuan.ingest.pdf.lattice import Lattice, drawn_lattice
from yusuan.ingest.pdf.text import group_lines
from yusuan.model.amount import parse_amount

_COLUMN_GAP = 1.5  # a gap this many char heights wide separates table columns on a line
_MIN_CHANNEL = 4.0  # points: narrowest whitespace channel taken as a column boundary
_MIN_LINES = 3  # a channel must separate text on this many lines
_ATTACH = 0.7  # a label line joins a number row closer than this fraction of the row pitch
_FULL = 0.6  # a number this wide of its column's width may have been cut by the cell's edge
_DIGIT_CHARS = frozenset("0123456789,.")
_DIGITS = re.compile(r"^[-−]?[\d,.]+$")  # a number, or the part of one a cell's edge cut off
_NUMBER = re.compile(r"^[-−]?[\d,]+(\.\d+)?%?$")

Word = tuple[float, float, str]  # x0, x1, text


def refine(lat: Lattice, chars: list[Char]) -> Lattice:
    """The lattice with inferred column and row boundaries added."""
    if not chars:
        return lat
    lines = [(line, _words(line)) for line in group_lines(chars)]
    xs = _columns(lat, lines)
    ys = _rows(lat, xs, lines)
    if len(xs) == len(lat.xs) and len(ys) == len(lat.ys):
        return _open_joins(lat, lines)
    inferred = drawn_lattice(xs, ys, lat)
    return _open_joins(_mark_text_boundaries(inferred, lat, lines), lines)


def _words(line: list[Char]) -> list[Word]:
    """Runs of a line's chars separated by gaps wide enough to be a column break."""
    out: list[Word] = []
    start = prev = None
    text = []
    for c in line:
        if c.text == " ":
            continue
        if prev is not None and c.x0 - prev.x1 > _COLUMN_GAP * (prev.bottom - prev.top):
            out.append((start.x0, prev.x1, "".join(text)))
            start, text = c, []
        if start is None:
            start = c
        text.append(c.text)
        prev = c
    if prev is not None:
        out.append((start.x0, prev.x1, "".join(text)))
    return out


def _columns(lat: Lattice, lines) -> list[float]:
    """Existing column boundaries plus whitespace channels found inside column bands."""
    xs = list(lat.xs)
    added = []
    for c in range(len(lat.xs) - 1):
        left, right = lat.xs[c], lat.xs[c + 1]
        band = []
        for _, words in lines:
            ws = [w for w in words if left <= (w[0] + w[1]) / 2 <= right]
            if ws:
                band.append(ws)
        added.extend(_channels(band, left, right))
    return sorted(xs + added)


def _channels(band: list[list[Word]], left: float, right: float) -> list[float]:
    multi = [ws for ws in band if len(ws) >= 2]
    if len(multi) < _MIN_LINES:
        return []
    width = int(right - left) + 1
    cover = [0] * width
    for ws in band:
        for x0, x1, _ in ws:
            for i in range(max(int(x0 - left), 0), min(int(x1 - left) + 1, width)):
                cover[i] += 1
    allowed = len(band) // 5  # a few header lines may cross a channel
    out = []
    i = 0
    while i < width:
        if cover[i] > allowed:
            i += 1
            continue
        j = i
        while j < width and cover[j] <= allowed:
            j += 1
        lo, hi = left + i, left + j
        if i > 0 and j < width and hi - lo >= _MIN_CHANNEL:
            both = sum(1 for ws in multi if any(w[1] <= lo + 1 for w in ws) and any(w[0] >= hi - 1 for w in ws))
            if both >= _MIN_LINES:
                out.append((lo + hi) / 2)
        i = j
    return out


def _rows(lat: Lattice, xs: list[float], lines) -> list[float]:
    """Existing row boundaries plus splits inside row bands that hold several number rows."""
    ys = list(lat.ys)
    added = []
    for r in range(len(lat.ys) - 1):
        top, bottom = lat.ys[r], lat.ys[r + 1]
        band = [line for line, _ in lines if top <= (line[0].top + line[0].bottom) / 2 <= bottom]
        added.extend(_row_splits(band, xs))
    return sorted(ys + added)


def _median(values: list[float]) -> float:
    """statistics.median, without importing statistics and fractions (3 ms of every command's start-up)."""
    v = sorted(values)
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2


def _row_splits(band: list[list[Char]], xs: list[float]) -> list[float]:
    if len(band) < 2:
        return []
    centre = [(min(c.top for c in l) + max(c.bottom for c in l)) / 2 for l in band]
    numbers = [[w for w in _words(line) if _DIGITS.match(w[2])] for line in band]
    numeric = [i for i, ws in enumerate(numbers) if any(_NUMBER.match(w[2]) for w in ws)]
    numeric = [i for k, i in enumerate(numeric) if k == 0 or not _wrapped_tail(numbers[i], band[numeric[k - 1]], xs)]
    if len(numeric) < 2:
        return []
    pitch = _median([centre[b] - centre[a] for a, b in zip(numeric, numeric[1:])])
    group = []
    for i in range(len(band)):
        near = min(numeric, key=lambda k: (abs(centre[k] - centre[i]), k))
        group.append(near if abs(centre[near] - centre[i]) < _ATTACH * pitch else -1 - i)
    splits = []
    for i in range(1, len(band)):
        if group[i] != group[i - 1]:
            upper = max(c.bottom for c in band[i - 1])
            lower = min(c.top for c in band[i])
            splits.append((upper + lower) / 2)
    return splits


def _wrapped_tail(words: list[Word], above: list[Char], xs: list[float]) -> bool:
    """The line's numbers are the rest of amounts too wide for their cells (371,514,65 / 5.00): each
    sits in a column where the line above prints digits across most of the width, and the two read
    as one amount only together (a cut thousands group, a dot without decimals, decimals cut short)."""
    for x0, x1, tail in words:
        c = bisect_right(xs, (x0 + x1) / 2) - 1
        if not 0 <= c < len(xs) - 1:
            return False
        left, right = xs[c], xs[c + 1]
        digits = sorted((ch for ch in above if left <= ch.cx <= right and ch.text in _DIGIT_CHARS), key=lambda ch: ch.x0)
        if not digits or digits[-1].x1 - digits[0].x0 < _FULL * (right - left):
            return False
        if not _cut("".join(ch.text for ch in digits), tail):
            return False
    return True


def _cut(head: str, tail: str) -> bool:
    """head + tail is one amount a line end cut: neither part is one alone, or the decimals go on."""
    whole = head + tail
    if parse_amount(whole) is None or len(whole.partition(".")[2]) > 2:
        return False
    return parse_amount(head) is None or parse_amount(tail) is None or ("." in head and tail.isdigit())


def _mark_text_boundaries(inferred: Lattice, ruled: Lattice, lines) -> Lattice:
    """An inferred boundary is drawn in every row where no text runs across it."""
    xs, ys = inferred.xs, inferred.ys
    old_x, old_y = set(ruled.xs), set(ruled.ys)
    crossing_x = [[False] * len(xs) for _ in range(len(ys) - 1)]
    crossing_y = [[False] * (len(xs) - 1) for _ in range(len(ys))]
    for line, words in lines:
        cy = (line[0].top + line[0].bottom) / 2
        r = min(max(bisect_right(ys, cy) - 1, 0), len(ys) - 2)
        for x0, x1, _ in words:
            for c in range(1, len(xs) - 1):
                if x0 < xs[c] < x1:
                    crossing_x[r][c] = True
    for line, words in lines:
        top, bottom = min(c.top for c in line), max(c.bottom for c in line)
        for r in range(1, len(ys) - 1):
            if top < ys[r] < bottom:
                for x0, x1, _ in words:
                    for c in range(len(xs) - 1):
                        if x0 < xs[c + 1] and x1 > xs[c]:
                            crossing_y[r][c] = True
    for r in range(len(ys) - 1):
        for c in range(1, len(xs) - 1):
            if xs[c] not in old_x:
                inferred.vdrawn[r][c] = not crossing_x[r][c]
    for r in range(1, len(ys) - 1):
        if ys[r] not in old_y:
            for c in range(len(xs) - 1):
                inferred.hdrawn[r][c] = not crossing_y[r][c]
    return inferred


def _open_joins(lat: Lattice, lines) -> Lattice:
    """A header cell merged only because an inner rule is missing: split it where its texts
    sit in separate columns with a column-wide gap between them."""
    xs, ys = lat.xs, lat.ys
    for r in range(len(ys) - 1):
        row_lines = [words for line, words in lines if ys[r] <= (line[0].top + line[0].bottom) / 2 <= ys[r + 1]]
        if not row_lines:
            continue
        for c in range(1, len(xs) - 1):
            if lat.vdrawn[r][c]:
                continue
            x = xs[c]
            left = any(w[1] <= x for ws in row_lines for w in ws if w[1] > xs[c - 1])
            right = any(w[0] >= x for ws in row_lines for w in ws if w[0] < xs[c + 1])
            cross = any(w[0] < x < w[1] for ws in row_lines for w in ws)
            if left and right and not cross:
                lat.vdrawn[r][c] = True
    return lat
