"""Passages: the paragraphs of a section read as one text where the page broke a sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from yusuan.model.disclosure import Disclosure, Paragraph, Section
from yusuan.model.provenance import Source
from yusuan.rules.statements.tokens import enumerator, fold


@dataclass(slots=True)
class Passage:
    """One or more printed paragraphs of a section read as one text."""

    text: str  # folded (same length as printed)
    section: Section
    section_index: int
    paragraphs: list[tuple[int, Paragraph]]  # (offset of the paragraph in text, paragraph)
    style: str  # enumerator style of its first paragraph
    printed: str = ""  # the text as printed
    ends: list[int] = field(init=False, default_factory=list)  # where its sentences end

    def __post_init__(self):
        self.printed = self.printed or self.text
        self.ends = [m.start() for m in _SENTENCE_END.finditer(self.text)]

    def sentence_of(self, offset: int) -> int:
        """How many sentences end before `offset`."""
        return bisect_left(self.ends, offset)

    def source_at(self, offset: int) -> Source:
        start, para = self.paragraphs[0]
        for s, p in self.paragraphs:
            if s > offset:
                break
            start, para = s, p
        return para.source_at(max(0, offset - start))


_SENTENCE_END = re.compile(r"[。!?]")
_OPEN_END = re.compile(r"[。.!?)\"]\s*$")


def passages(doc: Disclosure) -> list[Passage]:
    out: list[Passage] = []
    for si, section in enumerate(doc.sections):
        current: Passage | None = None
        for para in section.paragraphs:
            text = fold(para.text)
            if not text.strip():
                continue
            style = enumerator(text)
            if current is not None and not _OPEN_END.search(current.text) and not style:
                current.paragraphs.append((len(current.text), para))
                current.text += text
                current.printed += para.text
                continue
            current = Passage(text, section, si, [(0, para)], style, para.text)
            out.append(current)
    return out
