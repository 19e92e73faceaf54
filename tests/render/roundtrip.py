"""Helpers for the round trip: what must survive render → read."""

from __future__ import annotations

import re
from collections import Counter

from yusuan.export.cells import cell_records

_WS = re.compile(r"\s+")


def cells(doc) -> list[tuple]:
    """The cells export tuples without the page (which a new layout changes)."""
    return [r.as_tuple()[:-1] for r in cell_records(doc)]


def sections(doc, *, squash: bool = False) -> list[tuple]:
    def t(s: str) -> str:
        return _WS.sub("", s) if squash else s.strip()

    return [(s.level, t(s.heading), tuple(t(p.text) for p in s.paragraphs)) for s in doc.sections]


def without_glossary(read_sections: list[tuple], original: list[tuple]) -> list[tuple]:
    """The renderer adds a 名词解释 part to a disclosure that has none."""
    if any("名词解释" in h for _, h, _ in original):
        return read_sections
    out = list(read_sections)
    while out and "名词解释" in out[-1][1]:
        out.pop()
    return out


def diff(a: list, b: list) -> tuple[list, list]:
    ca, cb = Counter(a), Counter(b)
    return sorted((ca - cb).elements(), key=str), sorted((cb - ca).elements(), key=str)
