"""Printed characters of a page with their boxes, cleaned of pdfium's text-layer artefacts."""

from __future__ import annotations

from typing import NamedTuple

import pypdfium2.raw as pdfium_c

from yusuan.ingest.pdf.geometry import PageSpace

# pdfium adds CR/LF and spaces of its own (flagged "generated"); \x02 marks a hyphen at a line end.
_DROP = frozenset("\r\n\x00\x02\ufeff\ufffe\ufffd\u00ad\u200b")
_SPACES = frozenset(" \t\u00a0\u3000")
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


def is_private_use(ch: str) -> bool:
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o >= 0xF0000


def read_chars(textpage, space: PageSpace) -> list[Char]:
    """Every printed character, fake-bold doubles removed, in content order."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    rect = pdfium_c.FS_RECTF()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    is_generated = pdfium_c.FPDFText_IsGenerated
    to_box = space.box
    out: list[Char] = []
    for i in range(n):
        code = get_unicode(raw, i)
        if code == 0 or code > 0x10FFFF:
            continue
        ch = chr(code)
        if ch in _DROP or is_private_use(ch) or (code < 0x20 and ch not in _SPACES):
            continue
        if ch in _SPACES:
            if is_generated(raw, i):
                continue
            ch = " "
        if not get_box(raw, i, rect):
            continue
        x0, top, x1, bottom = to_box(rect.left, rect.bottom, rect.right, rect.top)
        if x1 - x0 <= 0 and ch == " ":
            continue
        out.append(Char(x0, top, x1, bottom, ch))
    return dedupe(out)


def dedupe(chars: list[Char]) -> list[Char]:
    """Drop a character drawn a second time at (nearly) the same place: "fake bold"."""
    tol = _DUP_TOLERANCE
    seen: dict[tuple[str, int, int], list[Char]] = {}
    out: list[Char] = []
    for c in chars:
        gx, gy = int(c.x0 // tol), int(c.top // tol)
        if _seen_near(seen, c, gx, gy, tol):
            continue
        seen.setdefault((c.text, gx, gy), []).append(c)
        out.append(c)
    return out


def _seen_near(seen: dict, c: Char, gx: int, gy: int, tol: float) -> bool:
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for o in seen.get((c.text, gx + dx, gy + dy), ()):
                if abs(o.x0 - c.x0) <= tol and abs(o.top - c.top) <= tol:
                    return True
    return False
