"""Printed characters of a page with their boxes, cleaned of pdfium's text-layer artefacts."""

from __future__ import annotations

import ctypes
from collections import Counter
from typing import NamedTuple

import pypdfium2.raw as pdfium_c

from yusuan.ingest.pdf.calls import H, I, fast, handle
from yusuan.ingest.pdf.geometry import PageSpace
from yusuan.ingest.pdf.visible import Visibility

# pdfium adds CR/LF and spaces of its own (flagged "generated"); \x02 marks a hyphen at a line end.
_DROP = frozenset("\r\n\x00\x02\ufeff\u00ad\u200b")
_UNMAPPED = "\ufffd"  # a glyph without a Unicode mapping (pdfminer's "(cid:N)") stays visible as this
_SPACES = frozenset(" \t\u00a0\u3000")
_SPACE_CODES = frozenset(ord(c) for c in _SPACES)
_DUP_TOLERANCE = 1.5  # points: a glyph drawn again this close is "fake bold"
_loose_box = fast(pdfium_c.FPDFText_GetLooseCharBox, I, H, I, H)
_is_generated = fast(pdfium_c.FPDFText_IsGenerated, I, H, I)


class Char(NamedTuple):
    x0: float
    top: float
    x1: float
    bottom: float
    text: str  # one character; " " for a space printed in the PDF
    ocr: float | None = None  # read from the page's image: the recogniser's confidence (0–1)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def read_chars(textpage, space: PageSpace, visibility: Visibility | None = None) -> list[Char]:
    """Every printed character, fake-bold doubles removed, in content order; with `visibility`,
    only those that can be seen on the page."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return []
    page = handle(raw)
    printed = _printed(page, _codes(raw, n))
    # every box asked for into one array (FS_RECTF: left, top, right, bottom), read back as floats at once
    rects = (ctypes.c_float * (4 * len(printed)))()
    at = ctypes.addressof(rects)
    found = [_loose_box(page, i, at + 16 * k) for k, (i, _) in enumerate(printed)]
    to_box = space.box
    if visibility is not None:
        vl, vb, vr, vt = visibility.view
        shows = visibility.checker(textpage)
    else:
        vl = vb = float("-inf")
        vr = vt = float("inf")
        shows = None
    out: list[Char] = []
    new = tuple.__new__  # Char(...) without the Python-level __new__ of a NamedTuple: a third of the loop
    floats = iter(rects[:])  # zip() of one iterator four times: the four sides of each box in turn
    for (i, ch), ok, left, top, right, bottom in zip(printed, found, floats, floats, floats, floats):
        if not ok:
            continue
        cx, cy = (left + right) / 2, (bottom + top) / 2
        if not (vl <= cx <= vr and vb <= cy <= vt) or (shows is not None and not shows(i, cx, cy)):
            continue  # outside the page, or hidden by a clip path or by the lack of ink
        x0, y0, x1, y1 = to_box(left, bottom, right, top)
        if ch == " " and x1 - x0 <= 0:
            continue
        out.append(new(Char, (x0, y0, x1, y1, ch, None)))
    return dedupe(out)


def _printed(page: int, codes: list[int]) -> list[tuple[int, str]]:
    """(char index, text) of the characters that print something: pdfium's own line breaks, spaces and
    hyphen marks left out, a printed space as " "."""
    out = []
    for i, code in enumerate(codes):
        if code < 0x20 and code not in _SPACE_CODES:
            continue  # control characters carry no printed text
        # a private-use glyph (a symbol font's bullet, a character set outside Unicode) is kept as it is, with its
        # box: it prints something the text cannot show, and hyg-undisplayable reports it where it is printed.
        # A lone surrogate (from a damaged ToUnicode map) is no character: it could be neither written as UTF-8
        # nor stored
        ch = chr(code) if code != 0xFFFE and not 0xD800 <= code <= 0xDFFF else _UNMAPPED
        if ch in _DROP:
            continue
        if ch in _SPACES:
            if _is_generated(page, i):
                continue
            ch = " "
        out.append((i, ch))
    return out


def _codes(raw, n: int) -> list[int]:
    """The code point of every char index: one call for the page, per char only if that fails."""
    buf = (ctypes.c_uint16 * (n + 1))()
    got = pdfium_c.FPDFText_GetText(raw, 0, n, buf)
    units = bytes(buf)[: max(got - 1, 0) * 2]
    if len(units) == 2 * n:
        text = units.decode("utf-16-le", errors="surrogatepass")
        if len(text) == n and not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
            return [ord(c) for c in text]
    return [pdfium_c.FPDFText_GetUnicode(raw, i) for i in range(n)]


def dedupe(chars: list[Char]) -> list[Char]:
    """Drop a character drawn a second time at (nearly) the same place: "fake bold". Of the copies, the
    leftmost (then topmost) is kept, whichever was drawn first. Only characters with a possible copy near them
    (_near_same) are compared, and those filed by text and squares of the tolerance's side, so each is compared
    with its neighbours only: a page of one repeated character costs no more than any."""
    tol = _DUP_TOLERANCE
    texts = [c.text for c in chars]
    cols = [int(c.x0 // tol) for c in chars]
    rows = [int(c.top // tol) for c in chars]
    suspects = _near_same(texts, cols, rows)
    if not suspects:
        return chars
    order = sorted(suspects, key=lambda i: (texts[i], chars[i].x0, chars[i].top, i))
    kept: dict[tuple[str, int, int], list[Char]] = {}  # (text, column, row of squares) -> kept characters
    drop = set()
    for i in order:
        c, gx, gy = chars[i], cols[i], rows[i]
        if _copy_of_kept(kept, c, gx, gy, tol):
            drop.add(i)
        else:
            kept.setdefault((c.text, gx, gy), []).append(c)
    if not drop:
        return chars
    return [c for i, c in enumerate(chars) if i not in drop]


def _near_same(texts: list[str], cols: list[int], rows: list[int]) -> list[int]:
    """The characters with another of the same text at most one square away in each direction: the only ones
    that can be copies or have one. Two such lie in one cell of squares paired two by two (2 x 2 squares), in at
    least one of the four ways of pairing them (starting at an even or an odd column, an even or an odd row), so
    four sets of cells find them without looking at the neighbours of each; on most pages every cell is
    different in all four."""
    found: set[int] = set()
    for dx in (0, 1):
        xs = [(g + dx) >> 1 for g in cols]
        for dy in (0, 1):
            cells = list(zip(texts, xs, [(g + dy) >> 1 for g in rows]))
            if len(set(cells)) < len(cells):
                counts = Counter(cells)
                found.update(i for i, cell in enumerate(cells) if counts[cell] > 1)
    return sorted(found)


def _copy_of_kept(kept: dict[tuple[str, int, int], list[Char]], c: Char, gx: int, gy: int, tol: float) -> bool:
    """Whether `c` is a copy of a character kept to its left: within half that glyph (the next "1" of "110"
    printed small is a whole advance away) and the tolerance."""
    for dx in (-1, 0):
        for dy in (-1, 0, 1):
            for k in kept.get((c.text, gx + dx, gy + dy), ()):
                near = min(tol, (k.x1 - k.x0) / 2) if k.x1 > k.x0 else tol
                if c.x0 - k.x0 <= near and abs(c.top - k.top) <= tol:
                    return True
    return False
