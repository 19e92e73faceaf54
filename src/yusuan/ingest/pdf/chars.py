"""Printed characters of a page with their boxes, cleaned of pdfium's text-layer artefacts."""

from __future__ import annotations

import ctypes
from typing import NamedTuple

import pypdfium2.raw as pdfium_c

from yusuan.ingest.pdf.geometry import PageSpace
from yusuan.ingest.pdf.visible import Visibility

# pdfium adds CR/LF and spaces of its own (flagged "generated"); \x02 marks a hyphen at a line end.
_DROP = frozenset("\r\n\x00\x02\ufeff\u00ad\u200b")
_UNMAPPED = "\ufffd"  # a glyph without a Unicode mapping (pdfminer's "(cid:N)") stays visible as this
_SPACES = frozenset(" \t\u00a0\u3000")
_SPACE_CODES = frozenset(ord(c) for c in _SPACES)
_DUP_TOLERANCE = 1.5  # points: a glyph drawn again this close is "fake bold"


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
    codes = _codes(raw, n)
    rect = pdfium_c.FS_RECTF()
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    is_generated = pdfium_c.FPDFText_IsGenerated
    to_box = space.box
    if visibility is not None:
        vl, vb, vr, vt = visibility.view
        shows = visibility.checker(textpage)
    else:
        vl = vb = float("-inf")
        vr = vt = float("inf")
        shows = None
    out: list[Char] = []
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
            if is_generated(raw, i):
                continue
            ch = " "
        if not get_box(raw, i, rect):
            continue
        cx, cy = (rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2
        if not (vl <= cx <= vr and vb <= cy <= vt) or (shows is not None and not shows(i, cx, cy)):
            continue  # outside the page, or hidden by a clip path or by the lack of ink
        x0, top, x1, bottom = to_box(rect.left, rect.bottom, rect.right, rect.top)
        if ch == " " and x1 - x0 <= 0:
            continue
        out.append(Char(x0, top, x1, bottom, ch))
    return dedupe(out)


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
    leftmost (then topmost) is kept, whichever was drawn first. Kept characters are filed by text and squares
    of the tolerance's side, so each is compared with its neighbours only: a page of one repeated character
    costs no more than any."""
    tol = _DUP_TOLERANCE
    order = sorted(range(len(chars)), key=lambda i: (chars[i].text, chars[i].x0, chars[i].top, i))
    kept: dict[tuple[str, int, int], list[Char]] = {}  # (text, column, row of squares) -> kept characters
    drop = set()
    for i in order:
        c = chars[i]
        gx, gy = int(c.x0 // tol), int(c.top // tol)
        if _copy_of_kept(kept, c, gx, gy, tol):
            drop.add(i)
        else:
            kept.setdefault((c.text, gx, gy), []).append(c)
    if not drop:
        return chars
    return [c for i, c in enumerate(chars) if i not in drop]


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
