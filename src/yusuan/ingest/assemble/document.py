"""Blocks from one or more files → one Disclosure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from yusuan.ingest.assemble.captions import (
    Caption,
    is_caption_line,
    is_page_number,
    take_caption,
)
from yusuan.ingest.assemble.identity import identity_of, is_cover_date, named_in_title
from yusuan.ingest.assemble.performance import parse_performance
from yusuan.ingest.assemble.sections import SectionBuilder, heading_level, page_margins
from yusuan.ingest.assemble.sums import own_sums
from yusuan.ingest.assemble.tables import TableBuilder, is_note, printed_rows
from yusuan.ingest.blocks import Block, Grid, Line
from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import Disclosure, Performance, Row, Table
from yusuan.model.kinds import kind_of_heading
from yusuan.model.reading import Reading
from yusuan.model.text import ORDINAL_2, match_key, squash


def assemble(blocks: Iterable[Block], files: list[str], *, text_form: bool = False) -> Disclosure:
    blocks = list(blocks)
    lines = [b for b in blocks if isinstance(b, Line)]
    front_title = _front_title(lines)
    doc = Disclosure(files=files, title=front_title, date=_cover_date(lines))
    early = identity_of(front_title, [], headings=[l.text for l in lines[:400]])
    year, final_accounts = early.year, early.kind == "final_accounts"
    default_unit = _document_unit(lines)

    sections = SectionBuilder(text_form)
    sections.set_margins(page_margins(lines))
    pending: list[Line] = []
    current: TableBuilder | None = None
    bodies: list[str] = []
    tables: list[Table] = []

    def close() -> None:
        nonlocal current
        if current is not None:
            table = current.finish()
            if table.kind == "performance_targets":
                doc.performance = _performance(current, table)
            table.reading.sums_checked, table.reading.sums_held = own_sums(table)
            tables.append(table)
            current = None

    for block in blocks:
        if isinstance(block, Line):
            if current is not None and _takes_note(current, block, pending, sections):
                current.note(block)
                pending.clear()  # page numbers at most: the notes go on under the note
            else:
                pending.append(block)
            continue
        caption = take_caption(pending, block.source)
        narrative = [line for line in pending if not is_page_number(line.text)]
        for line in pending:
            sections.add(line)
        pending.clear()
        if caption.body:
            bodies.append(caption.body)
        if narrative and not caption.names_table:
            close()
        if caption.names_table and not (current is not None and current.same_table(caption)):
            close()
            current = TableBuilder(
                caption, block, year=year, final_accounts=final_accounts, unit=default_unit,
                body=bodies[-1] if bodies else "",
            )
        elif current is not None:
            current.add(block)
        elif _has_amounts(block):  # an untitled table inside the narrative
            heading = sections.sections[-1].heading if sections.sections else ""
            current = TableBuilder(
                Caption(title=squash(heading)), block, year=year, final_accounts=final_accounts,
                unit=default_unit, body=bodies[-1] if bodies else "", kind=kind_of_heading(heading),
            )
        else:
            for line in _grid_as_lines(block):
                sections.add(line)
    close()
    for line in pending:
        sections.add(line)

    doc.tables = _once(tables)
    doc.contents, doc.contents_sources = sections.contents, sections.contents_sources
    doc.sections = sections.sections
    front = [l.text for l in sections.front] or [front_title]
    headings = doc.contents + [s.heading for s in doc.sections] + [t.title for t in tables]
    doc.identity = identity_of(front_title, bodies, named_in_title(front, "主管部门"), headings)
    # the department printed above the body in the tables is its parent; else the 绩效目标表's 主管部门
    doc.identity.parent = (
        _parent_in_tables(tables, doc.identity.body) or doc.identity.parent
        or (doc.performance.parent if doc.performance else "")
    )
    return doc


def _once(tables: list[Table]) -> list[Table]:
    """A table printed twice (the same title and the same amounts in every row) is read once."""
    seen: set[tuple] = set()
    kept = []
    for table in tables:
        key = (table.kind, match_key(table.title), printed_rows(table))
        if any(r.values for r in table.rows) and key in seen:
            continue
        seen.add(key)
        kept.append(table)
    return kept


def _parent_in_tables(tables: list[Table], body: str) -> str:
    """Shenzhen prints the department's row above its unit's row (深圳市生态环境局 / …中心)."""
    above: Counter[str] = Counter()
    for table in tables:
        named = [r.item for r in table.rows if r.is_total and not r.code and not r.label and r.item]
        if body in named and (i := named.index(body)) > 0:
            above[named[i - 1]] += 1
    return above.most_common(1)[0][0] if above else ""


def _takes_note(current: TableBuilder, line: Line, pending: list[Line], sections: SectionBuilder) -> bool:
    """Whether a line is a note of the open table: printed right under it, or at the top of the next
    page with only the page number between (the page ended under the grid, or inside a note) — there,
    a note (注：…), or the table's notes carried on: the next numbered one (2.…), or the tail of one
    the page end broke."""
    if not pending:
        return _note_of_table(line.text, sections)
    if not all(is_page_number(l.text) for l in pending) or not _on_next_page(current.table, line):
        return False
    if is_note(line.text):
        return True
    notes = current.table.notes
    return bool(notes) and _note_of_table(line.text, sections) and bool(
        ORDINAL_2.match(match_key(line.text)) or not _SENTENCE_END.search(match_key(notes[-1]))
    )


def _on_next_page(table: Table, line: Line) -> bool:
    """A PDF line on the page after the table's last grid or note, in the same file."""
    last = table.note_sources[-1] if table.note_sources else None
    page = max(table.pages[-1] if table.pages else 0, last.page if last else 0)
    file = table.source.file if table.source else line.source.file
    return line.source.bbox is not None and line.source.file == file and line.source.page == page + 1


_SENTENCE_END = re.compile(r"[。；;！!？?]$")


def _note_of_table(text: str, sections: SectionBuilder) -> bool:
    """Lines printed right under a table (注：…, 本套报表金额单位转换时可能存在尾数误差) are its notes,
    up to the next caption or heading."""
    if is_note(text):
        return True
    return not (is_caption_line(text) or sections.is_heading(text) or len(match_key(text)) > 80)


def _performance(builder: TableBuilder, table: Table) -> Performance:
    """The 绩效目标表: tasks, goals and indicators; its rows are the tasks' amounts."""
    rows = [row for grid in builder.raw_grids for row in grid.rows]
    perf = parse_performance(rows, builder.raw_grids[0].source.file)
    table.rows = [
        Row(label=task.name, item=squash(task.name), values=dict(task.values), source=task.source)
        for task in perf.tasks
    ]
    if perf.total:
        first = next(iter(perf.total.values()))
        table.rows.append(Row(label="金额合计", item="金额合计", values=dict(perf.total), is_total=True, source=first.source))
    table.columns = []
    table.empty = not table.rows
    table.reading = Reading()  # the grid was read by the performance parser, not as columns of amounts
    return perf


def _front_title(lines: list[Line]) -> str:
    """The cover title: the first lines before the table of contents or the first heading. The cover's
    date (2025年3月, 二〇二五年三月) and page furniture are not part of it, nor is the issuing line
    (…编制 / …发布) where it names the body the title already names."""
    parts: list[str] = []
    for line in lines[:8]:
        t = match_key(line.text)
        if not t or is_page_number(t) or is_cover_date(t):
            continue
        if t in {"目录"} or heading_level(line.text) or len(parts) >= 4 or is_caption_line(t) and parts:
            break
        issuer = _ISSUED.sub("", t)
        if issuer != t and (not issuer or issuer in "".join(parts)):
            continue
        parts.append(issuer)
    return "".join(parts)


_ISSUED = re.compile(r"(编制|编印|发布|印发)$")


def _cover_date(lines: list[Line]) -> str:
    """The date printed alone on the cover, before the contents or the first heading (as printed)."""
    for line in lines[:12]:
        t = match_key(line.text)
        if t == "目录" or heading_level(line.text):
            break
        if is_cover_date(t):
            return t
    return ""


def _document_unit(lines: list[Line]) -> str:
    for line in lines:
        t = match_key(line.text)
        if "单位:万元" in t or "金额单位:万元" in t:
            return "万元"
        if "单位:元" in t:
            return "元"
    return ""


_COUNTERS = {"序号", "编号", "栏次", "行次"}


def _has_amounts(grid: Grid) -> bool:
    """Whether a grid prints amounts (a 序号 column's 1, 2, 3 are not amounts)."""
    first = grid.rows[0] if grid.rows else []
    counters = {i for i, c in enumerate(first) if c is not None and match_key(c.text) in _COUNTERS}
    return any(
        c is not None and i not in counters and parse_amount(c.text) is not None
        for row in grid.rows[1:] for i, c in enumerate(row)
    )


def _grid_as_lines(grid: Grid) -> list[Line]:
    out = []
    for row in grid.rows:
        cells = [c for c in row if c is not None and c.text.strip()]
        if cells:
            out.append(Line("\t".join(c.text for c in cells), cells[0].source))
    return out
