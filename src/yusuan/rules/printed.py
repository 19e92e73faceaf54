"""Every piece of printed text of a Disclosure with where it was printed, for the rules that read
words (完整性、主体与年度、文字规范): the cover, the contents, headings, paragraphs (line by line),
table titles, column headers, notes, row labels and text cells, and the 绩效目标表."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass

from yusuan.model.disclosure import Disclosure, Paragraph, Row, Section, Table
from yusuan.model.provenance import Source
from yusuan.model.text import match_key
from yusuan.rules.finding import Finding

# What a piece is, in the words a budget officer would use in a message.
PARTS = {
    "title": "封面标题",
    "contents": "目录",
    "heading": "标题",
    "paragraph": "正文",
    "table_title": "表名",
    "header": "表头",
    "note": "表注",
    "label": "表中项目",
    "cell": "表中文字",
    "goal": "绩效目标表·年度目标",
    "indicator": "绩效目标表·指标",
    "target": "绩效目标表·指标值",
    "task": "绩效目标表·任务",
}


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    part: str  # a key of PARTS
    source: Source | None
    table: Table | None = None
    row: Row | None = None
    paragraph: Paragraph | None = None
    section: Section | None = None

    def source_at(self, offset: int) -> Source | None:
        """The printed line of the character at `offset` (paragraphs), else the piece's source."""
        if self.paragraph is not None:
            return self.paragraph.source_at(offset)
        return self.source

    @property
    def where(self) -> str:
        if self.table is not None and self.part != "table_title":
            return f"《{self.table.title}》{PARTS[self.part]}"
        if self.section is not None and self.part == "paragraph":
            return f"“{match_key(self.section.heading)[:30]}”部分正文"
        return PARTS[self.part]


def pieces(doc: Disclosure) -> Iterator[Piece]:
    first = _first_source(doc)
    if doc.title:
        yield Piece(doc.title, "title", first)
    for entry in doc.contents:
        yield Piece(entry, "contents", None)
    for section in doc.sections:
        yield Piece(section.heading, "heading", section.source, section=section)
        for p in section.paragraphs:
            yield Piece(p.text, "paragraph", p.source, paragraph=p, section=section)
    for table in doc.tables:
        yield from table_pieces(table)
    perf = doc.performance
    if perf is not None:
        for goal in perf.goals:
            yield Piece(goal.text, "goal", goal.source, paragraph=goal)
        for task in perf.tasks:
            yield Piece(task.name, "task", task.source)
            if task.content:
                yield Piece(task.content, "task", task.source)
        for ind in perf.indicators:
            yield Piece(ind.name, "indicator", ind.source)
            if ind.target.text:
                yield Piece(ind.target.text, "target", ind.source)


def table_pieces(table: Table) -> Iterator[Piece]:
    where = table_source(table)
    yield Piece(table.title, "table_title", where, table=table)
    for column in table.columns:
        yield Piece(column.header, "header", where, table=table)
    for note in table.notes:
        yield Piece(note, "note", note_source(table), table=table)
    for row in table.rows:
        source = row.source or next((v.source for v in row.values.values()), where)
        if row.label:
            yield Piece(row.label, "label", source, table=table, row=row)
        for text in row.texts.values():
            yield Piece(text, "cell", source, table=table, row=row)


def table_source(table: Table) -> Source | None:
    if table.source is not None:
        return table.source
    for _, _, v in table.cells():
        return Source(v.source.file, table.pages[0] if table.pages else v.source.page)
    return None


def note_source(table: Table) -> Source | None:
    """Notes are printed under the table and keep no position of their own: the table's last row."""
    for row in reversed(table.rows):
        if row.source is not None:
            return row.source
    return table_source(table)


def _first_source(doc: Disclosure) -> Source | None:
    for section in doc.sections:
        if section.source is not None:
            return Source(section.source.file, 1)
    return Source(doc.files[0], 1) if doc.files else None


def quote(text: str, start: int, end: int, context: int = 12) -> str:
    """The matched text with a little context, as printed on one line."""
    a, b = max(0, start - context), min(len(text), end + context)
    out = ("…" if a > 0 else "") + text[a:b] + ("…" if b < len(text) else "")
    return re.sub(r"\s+", " ", out).strip()


def lead(text: str, start: int, end: int, before: int = 10, after: int = 6, longest: int = 24) -> str:
    """A short handle on a match for a finding's `item`: a little of what is printed before and after
    it around the match (cut at `longest` characters), on one line."""
    a = max(0, start - before)
    if end - start > longest:
        out = text[a:start + longest] + "…"
    else:
        b = min(len(text), end + after)
        out = text[a:b] + ("…" if b < len(text) else "")
    return re.sub(r"\s+", " ", ("…" if a > 0 else "") + out).strip()


def located(finding: Finding, **changes) -> Finding:
    """A finding with fields the emitter cannot fill from a table row: the `item` quoted from a
    paragraph, the `kind` of a table that is missing."""
    return dataclasses.replace(finding, **changes)
