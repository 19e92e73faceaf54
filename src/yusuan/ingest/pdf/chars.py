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
        if (code < 0x20 or 0xE000 <= code <= 0xF8FF or code >= 0xF0000) and code not in _SPACE_CODES:
            continue  # control characters and private-use glyphs carry no printed text
        ch = chr(code) if code != 0xFFFE and not 0xD800 <= code <= 0xDFFF else _UNMAPPED  # a lone surrogate
        # (from a damaged ToUnicode map) is no character: it could be neither written as UTF-8 nor stored
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
    """Drop a character drawn again at (nearly) the same place, "fake bold": the first drawn is kept.
    Kept characters are filed by text and squares of the tolerance's side (at most one in a square), so
    each is compared with its neighbours only: a page of one repeated character costs no more than any."""
    tol = _DUP_TOLERANCE
    kept: dict[tuple[str, int], dict[int, Char]] = {}  # (text, column of squares) -> {row of squares: char}
    out: list[Char] = []
    for c in chars:
        gx, gy = int(c.x0 // tol), int(c.top // tol)
        if not _near(kept, c, gx, gy, tol):
            kept.setdefault((c.text, gx), {})[gy] = c
            out.append(c)
    return out if len(out) < len(chars) else chars


def _near(kept: dict[tuple[str, int], dict[int, Char]], c: Char, gx: int, gy: int, tol: float) -> bool:
    for dx in (-1, 0, 1):
        column = kept.get((c.text, gx + dx))
        if column is not None:
            for dy in (-1, 0, 1):
                k = column.get(gy + dy)
                if k is not None and abs(k.x0 - c.x0) <= tol and abs(k.top - c.top) <= tol:
                    return True
    return False
