"""Narrative lines → the table of contents and sections with headings and paragraphs."""

from __future__ import annotations

import re

from yusuan.ingest.assemble.captions import is_page_number
from yusuan.ingest.blocks import Line
from yusuan.model.disclosure import Paragraph, Section
from yusuan.model.kinds import looks_like_title
from yusuan.model.provenance import Source
from yusuan.model.text import CN_NUMERAL, ORDINAL, match_key

_HEADINGS: list[tuple[re.Pattern, int]] = [
    (re.compile(r"^第[一二三四五六七八九十]+部分"), 1),
    (re.compile(r"^[一二三四五六七八九十]+、"), 2),
    (re.compile(r"^[(（][一二三四五六七八九十]+[)）]"), 3),
]
_PART = re.compile(r"^[一二三四]、(文字部分|表格部分|报表部分|公开表格|附表)$")
_SENTENCE_END = re.compile(r"[。；;，,：:]$")
_ITEM = re.compile(rf"^({ORDINAL.pattern[1:]}|第|注|目标)")
_TOC = re.compile(r"^目录([(（]续[)）])?$")
_LEADER = re.compile(r"[.．…·\-\s]*\d*$")
_BULLET = re.compile(r"^[-•·]\s*")


def heading_level(text: str) -> int:
    t = match_key(text)
    if _PART.match(t):
        return 1
    if len(t) > 40 or _SENTENCE_END.search(t) or re.search(r"[。；;，,：:]", t):
        return 0
    for pattern, level in _HEADINGS:
        if pattern.match(t):
            return level
    return 0


_LEADERS = re.compile(r"\s*[.．…·]{3,}.*$")
_ORDINAL_PREFIX = re.compile(rf"^(第{CN_NUMERAL}部分|{ORDINAL.pattern[1:]})")
_CORE_NOISE = re.compile(r"^(20\d\d年度?)?(部门|单位)?")


def toc_entry(text: str) -> str:
    t = _LEADERS.sub("", _BULLET.sub("", text.strip()))
    return _LEADER.sub("", t).strip() if re.search(r"\s\d+$", t) else t.strip()


def toc_core(entry: str) -> str:
    """What a heading printed for this entry must contain: 一、部门主要职能 → 主要职能."""
    return _CORE_NOISE.sub("", _ORDINAL_PREFIX.sub("", match_key(entry)))


def with_remark(heading: str, entry: str) -> bool:
    """The heading prints the contents entry and a remark in brackets after it."""
    return _remarked(match_key(heading), match_key(entry))


def _remarked(heading_key: str, entry_key: str) -> bool:
    return heading_key.startswith(entry_key) and heading_key[len(entry_key):len(entry_key) + 1] in ("(", "（")


class SectionBuilder:
    """Feed narrative lines in order; read `contents`, `sections` and `front` (lines before the first heading)."""

    def __init__(self, text_form: bool):
        self.text_form = text_form
        self.contents: list[str] = []
        self.contents_sources: list[Source] = []
        self.sections: list[Section] = []
        self.front: list[Line] = []
        self._toc = False
        self._toc_page = 0
        self._toc_last = 0  # the last page the contents went on to
        self._last_heading: Line | None = None
        self._last: Line | None = None
        self._margins: dict[tuple[str, int], tuple[float, float]] = {}
        self._entries: dict[str, tuple[str, int, str, str]] = {}

    def set_margins(self, margins: dict[tuple[str, int], tuple[float, float]]) -> None:
        self._margins = margins

    def add(self, line: Line) -> None:
        text = line.text.strip()
        if not text or is_page_number(text):
            return
        t = match_key(text)
        if _TOC.match(t):
            self._toc = True
            self._toc_page = self._toc_last = line.source.page
            return
        if self._toc:
            entry = toc_entry(text)
            if self._in_toc(line, entry):
                self.contents.append(entry)
                self.contents_sources.append(line.source)
                return
            self._toc = False
        if self._wraps_heading(line):
            self.sections[-1].heading += text
            return
        level = heading_level(text) or self._toc_heading(t)
        if level:
            self.sections.append(Section(heading=text, level=level, source=line.source))
            self._last = None
            self._last_heading = line
            return
        if not self.sections:
            self.front.append(line)
            return
        section = self.sections[-1]
        if self._continues(line):
            para = section.paragraphs[-1]
            para.text += "" if _cjk_join(para.text, text) else " "
            para.lines.append((len(para.text), line.source))
            para.text += text
        else:
            section.paragraphs.append(Paragraph(text, line.source, [(0, line.source)]))
        self._last = line

    def is_heading(self, text: str) -> bool:
        return bool(heading_level(text) or self._toc_heading(match_key(text)))

    def _wraps_heading(self, line: Line) -> bool:
        """A heading printed to the right margin continues on the next line: 支出预算 / 情况说明."""
        if not self.sections or self.sections[-1].paragraphs or self._last_heading is None:
            return False
        last = self._last_heading.source
        if last.bbox is None or line.source.bbox is None or last.page != line.source.page:
            return False
        left, right = self._margins.get((last.file, last.page), (0.0, 1e9))
        t = match_key(line.text)
        # it runs from the margin (or a first-line indent) to the margin: a short centred heading, the
        # widest line of a sparse page, reaches the right "margin" it makes itself from far inside
        full = right - last.bbox[2] < 24 and last.bbox[0] - left < 60
        return full and len(t) <= 12 and not re.search(r"[。；;，,：:]", t)

    def _toc_heading(self, t: str) -> int:
        """A short line naming a contents entry in its own words (…（部门）主要职能) is a heading; so is
        an entry printed with a remark in brackets (二、部门决算单位构成（仅有一个单位的部门，…）)."""
        entries = [self._entry(e) for e in self.contents]
        for _, level, key, _ in entries:
            if level and _remarked(t, key):
                return level
        if len(t) > 40 or re.search(r"[，。；：:]", t):
            return 0
        for entry, _, _, core in entries:
            if len(core) >= 4 and t.endswith(core):
                parts = any(e.startswith("第") for e in self.contents)
                return 1 if entry.startswith("第") or not parts and re.match(r"^[一二三四五六七八九十]+、", entry) else 2
        return 0

    def _entry(self, entry: str) -> tuple[str, int, str, str]:
        """A contents entry with its heading level, match key and core, worked out once."""
        if (known := self._entries.get(entry)) is None:
            known = self._entries[entry] = (entry, heading_level(entry), match_key(entry), toc_core(entry))
        return known

    def _in_toc(self, line: Line, entry: str) -> bool:
        """Table-of-contents entries are short, not sentences, on the page(s) after 目录, and end
        where the first entry is printed again as a heading."""
        t = match_key(entry)
        if self.contents and t == match_key(self.contents[0]):
            return False
        if len(t) > 60 or re.search(r"[，；]|。.", t):
            return False
        if self.text_form or line.source.page == self._toc_page:
            return True
        # on the next page, only lines shaped like entries: numbered, ending in a page number, or the
        # name of a table; the contents may go on over several pages
        entry_like = _ORDINAL_PREFIX.match(t) or re.search(r"\d$", line.text.strip()) or looks_like_title(t)
        if entry_like and 0 <= line.source.page - self._toc_last <= 1:
            self._toc_last = line.source.page
            return True
        return False

    def _continues(self, line: Line) -> bool:
        """A printed line continues the paragraph before it (PDFs wrap; the text form does not)."""
        last = self._last
        if last is None:
            return False
        if self.text_form:  # lines broken mid-sentence continue; a new item starts anew
            return not re.search(r"[。；;：:！!？?]$", last.text.strip()) and not _ITEM.match(match_key(line.text))
        if last.source.bbox is None or line.source.bbox is None or "\t" in line.text or "\t" in last.text:
            return False  # rows of a grid read as lines stand alone
        if last.source.file != line.source.file:
            return False
        left, right = self._margins.get((line.source.file, line.source.page), (0.0, 1e9))
        last_right = self._margins.get((last.source.file, last.source.page), (0.0, 1e9))[1]
        indented = line.source.bbox[0] - left > 12
        short = last_right - last.source.bbox[2] > max(24.0, _lead_width(line))
        ended = bool(re.search(r"[。；;：:！!？?]$", last.text.strip()))
        item = bool(_ITEM.match(match_key(line.text)))
        # a paragraph starts indented, or after a short line that ends a sentence; justified CJK
        # lines end short without ending anything; an item (（二）, 2.) after a sentence that ended at the
        # margin starts anew too (a spreadsheet's cells, printed without a first-line indent)
        return not indented and not (short and (ended or item)) and not (ended and item)


_LEAD = re.compile(r"^[0-9A-Za-z.,%/+\-\[\]()]+[。，、；：）)”%]?")


def _lead_width(line: Line) -> float:
    """Width of the unbreakable run a line starts with (33.45%。): a line before it that stops
    short of the margin by less than this was broken there, not ended (text that is not justified)."""
    m = _LEAD.match(line.text.strip())
    if not m or line.source.bbox is None:
        return 0.0
    size = line.source.bbox[3] - line.source.bbox[1]
    return sum(0.6 * size if c.isascii() else size for c in m.group(0))


def _cjk_join(before: str, after: str) -> bool:
    return not (before[-1:].isascii() and after[:1].isascii())


def page_margins(lines: list[Line]) -> dict[tuple[str, int], tuple[float, float]]:
    """Left and right text edges of each page, from its narrative lines."""
    edges: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for line in lines:
        if line.source.bbox is not None and len(match_key(line.text)) > 15:
            edges.setdefault((line.source.file, line.source.page), []).append(
                (line.source.bbox[0], line.source.bbox[2])
            )
    margins = {}
    for key, pairs in edges.items():
        lefts = sorted(p[0] for p in pairs)
        rights = sorted(p[1] for p in pairs)
        margins[key] = (lefts[len(lefts) // 10], rights[-1])  # most lines of a page may be indented
    return margins
