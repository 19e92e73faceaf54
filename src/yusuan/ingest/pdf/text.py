"""Characters into text lines, and a cell's lines into its text."""

from __future__ import annotations

import re

from yusuan.ingest.pdf.chars import Char

_SAME_LINE = 0.45  # fraction of the smaller char height two centres may differ by on one line
# A char whose box lies within the box of a line's first char (but for this fraction of its height) is on that
# line: a font whose loose boxes reach far above its glyphs (LibreOffice writes Ascent 0, and pdfium then
# takes the embedded subset's bounding box) puts its characters' centres above the digits beside them.
_WITHIN = 0.15
_WORD_GAP = 0.6  # a gap wider than this fraction of the char height prints a space
_SPACES = re.compile(r" {2,}")


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Chars on the same baseline, top to bottom; each line sorted left to right. Only positions
    decide (ties too): producers draw a line's characters in any order."""
    if len(chars) <= 1:
        return [list(chars)] if chars else []  # most cells of a table: nothing to sort or group
    ordered = sorted(chars, key=_place)
    lines: list[list[Char]] = []
    first = ordered[0]
    current = [first]
    cy = (first.top + first.bottom) / 2
    h = first.bottom - first.top
    # min() and max() of two spelled out: this loop runs once per character of the page and of each cell
    for c in ordered[1:]:
        top, bottom = c.top, c.bottom
        c_cy = (top + bottom) / 2
        c_h = bottom - top
        least = c_h if c_h < h else h
        if c_cy - cy <= _SAME_LINE * (1.0 if 1.0 > least else least) or (
            top >= first.top - _WITHIN * c_h and bottom <= first.bottom + _WITHIN * c_h
        ):
            current.append(c)
        else:
            lines.append(current)
            first, current, cy, h = c, [c], c_cy, c_h
    lines.append(current)
    for line in lines:
        line.sort(key=_across)
    return lines


def _place(c: Char) -> tuple:
    return (c.top + c.bottom, c.x0, c.x1, c.text)


def _across(c: Char) -> tuple:
    """By the centre: where a typesetter compresses CJK punctuation (标点挤压: “ after a full stop, ）（),
    the box of one character overlaps the one before, and may even start left of it; centres keep order."""
    return (c.x0 + c.x1, c.x0, c.top, c.text)


def line_text(line: list[Char]) -> str:
    """The line as printed: a single space where the PDF has one or where the gap is wide."""
    parts: list[str] = []
    prev: Char | None = None
    pending_space = False
    for c in line:
        if c.text == " ":
            pending_space = prev is not None
            continue
        if prev is not None:
            gap = c.x0 - prev.x1
            height, prev_height = c.bottom - c.top, prev.bottom - prev.top
            if prev_height < height:  # the smaller of the two, as min() would
                height = prev_height
            if pending_space or gap > _WORD_GAP * height:
                parts.append(" ")
        parts.append(c.text)
        prev, pending_space = c, False
    return "".join(parts)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # radicals, CJK symbols and punctuation, kana, unified ideographs
        or 0xF900 <= o <= 0xFAFF
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x20000 <= o <= 0x2FA1F
        or ch in "“”‘’…—"
    )


def join_lines(texts: list[str]) -> str:
    """A wrapped cell's lines as one text: CJK joins directly, Latin words and numbers with a space."""
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(t[0]) or out[-1] in "-/(（" or t[0] in ",.;:)）%"):
            out += " "
        out += t
    return _SPACES.sub(" ", out)


def chars_text(chars: list[Char]) -> str:
    return join_lines([line_text(line) for line in group_lines(chars)])


def bbox(chars: list[Char]) -> tuple[float, float, float, float]:
    return (
        min(c.x0 for c in chars),
        min(c.top for c in chars),
        max(c.x1 for c in chars),
        max(c.bottom for c in chars),
    )


def lowest(chars: list[Char]) -> float | None:
    """The lowest OCR confidence of the chars; None when they come from a text layer."""
    scores = [c.ocr for c in chars if c.ocr is not None]
    return min(scores) if scores else None
