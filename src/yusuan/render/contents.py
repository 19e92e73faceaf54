"""The contents of a rendered disclosure: the body's own entries, each pointed at the heading or table it
names best; without printed contents, the parts, chapters and tables."""

from __future__ import annotations

import os
import re

from yusuan.ingest.assemble.sections import toc_core, with_remark
from yusuan.model.disclosure import Disclosure
from yusuan.model.text import match_key
from yusuan.render.layout import (
    Block,
    Heading,
    TableLayout,
    TocEntry,
)


def contents(blocks: list[Block], doc: Disclosure) -> list[TocEntry]:
    """The contents as the body printed them (its own words), each entry pointing at the part or
    table it names; then any printed table the contents do not name. Without printed contents:
    the headings of parts and chapters, then every table. The page numbers come from the layout."""
    if not doc.contents:
        toc = []
        for b in blocks:
            if isinstance(b, Heading) and b.level <= 2:
                toc.append(TocEntry(b.text, b.anchor, b.level))
            elif isinstance(b, TableLayout) and b.captioned:
                toc.append(TocEntry(b.caption, b.anchor, 3))
        return toc
    toc = []
    used: set[str] = set()
    for entry in _unwrapped(doc.contents, blocks):
        target = _entry_target(entry, blocks, used)
        level = 1 if re.match(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)", match_key(entry)) else 2
        if target is not None:
            used.add(target.anchor)
            if isinstance(target, TableLayout):
                level = 3
        toc.append(TocEntry(entry, target.anchor if target is not None else "", level))
    for b in blocks:
        if isinstance(b, TableLayout) and b.captioned and b.anchor not in used:
            toc.append(TocEntry(b.caption, b.anchor, 3))
    return toc


_PART_NO = re.compile(r"^第[一二三四五六七八九十]+部分")
_QUALIFIER = re.compile(r"[（(][^（()）]*[)）]$")  # 财政拨款支出预算表（功能科目）
_STRONG = 5  # a score of `_match` naming the very words of a heading or title
_SUFFIX = 6  # the fewest characters two titles must end alike in to be taken for one another


def _unwrapped(contents: list[str], blocks: list[Block]) -> list[str]:
    """The contents entries with an entry wrapped onto a second printed line joined again: a short
    fragment without an ordinal (表, 说明) that completes the entry before it into a heading or title."""

    out: list[str] = []
    for entry in contents:
        fragment = match_key(entry)
        if (out and len(fragment) <= 4 and toc_core(entry) == fragment
                and _best(out[-1] + entry.strip(), blocks, set())[0] >= _STRONG > _best(out[-1], blocks, set())[0]):
            out[-1] += entry.strip()
        else:
            out.append(entry)
    return out


def _entry_target(entry: str, blocks: list[Block], used: set[str]) -> Heading | TableLayout | None:
    """The heading or captioned table a contents entry names best (the first of equals), not yet taken."""
    score, target = _best(entry, blocks, used)
    return target if score > 0 else None


def _best(entry: str, blocks: list[Block], used: set[str]) -> tuple[int, Heading | TableLayout | None]:
    best: tuple[int, Heading | TableLayout | None] = (0, None)
    for b in blocks:
        if isinstance(b, TableLayout) and b.captioned and b.title:
            texts = [b.title_line, b.title]
        elif isinstance(b, Heading):
            texts = [b.text]
        else:
            continue
        if b.anchor in used:
            continue
        score = max(_match(entry, t, heading=isinstance(b, Heading)) for t in texts)
        if score > best[0]:
            best = (score, b)
    return best


def _match(entry: str, text: str, heading: bool) -> int:
    """How surely a contents entry names a printed heading or title: 6 the same words, 5 the same
    after ordinals, year and 部门 / 单位, 4 but for a remark in brackets, 3 the same part (第二部分),
    2 one ending with the other, 1 the same last six characters or more; 0 not at all."""

    e, t = match_key(entry), match_key(text)
    ce, ct = toc_core(entry), toc_core(text)
    if len(ce) < 2:
        return 0  # 表, 说明: a fragment names nothing
    if e == t:
        return 6
    if ce == ct:
        return 5
    qe, qt = _QUALIFIER.sub("", ce), _QUALIFIER.sub("", ct)
    if with_remark(text, entry) or qt == ce or qe == ct:
        return 4
    part = _PART_NO.match(e)
    if heading and part and t.startswith(part.group(0)):
        return 3
    ce, ct = qe, qt
    shorter = min(len(ce), len(ct))
    if shorter >= 4 and (ce.endswith(ct) or ct.endswith(ce)):
        return 2
    common = len(os.path.commonprefix([ce[::-1], ct[::-1]]))
    return 1 if common >= _SUFFIX and 2 * common >= shorter else 0
