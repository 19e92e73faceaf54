"""The model (yusuan.model.Disclosure, rules' Findings) to database rows and back.

`disclosure_rows` builds the rows of one disclosure; `load_disclosure` rebuilds the model from them
exactly (every value with its text and source), so renderers and exports work from the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from yusuan.model import disclosure as md
from yusuan.model.amount import parse_amount, to_yuan
from yusuan.model.kinds import code_scheme, leaf_codes
from yusuan.model.provenance import Source
from yusuan.rules.finding import Finding as RuleFinding
from yusuan.store import models as m
from yusuan.store.codec import decode, encode, extras, restore

# model fields with columns of their own; every other field goes to the row's `extra` JSON
MAPPED = {
    md.Disclosure: frozenset({"identity", "files", "title", "contents", "sections", "tables", "performance"}),
    md.Table: frozenset({"kind", "title", "number", "number_text", "unit", "columns", "rows", "pages", "notes",
                         "empty", "source"}),
    md.Row: frozenset({"label", "item", "values", "code", "side", "level", "is_total", "texts", "source"}),
    md.Section: frozenset({"heading", "level", "paragraphs", "source"}),
    md.Paragraph: frozenset({"text", "source", "lines"}),
}


def _loc(source: Source | None) -> dict:
    if source is None:
        return {}
    d: dict[str, Any] = {"file": source.file, "page": source.page}
    if source.bbox is not None:
        d.update(zip(("x0", "top", "x1", "bottom"), source.bbox))
    if source.cell:
        d["cell"] = source.cell
    return d


def source_of(row: Any) -> Source | None:
    if not row.file and row.page is None:
        return None
    bbox = None if row.x0 is None else (row.x0, row.top, row.x1, row.bottom)
    return Source(row.file, row.page, bbox, row.cell or "")


def _key(source: Source) -> tuple:
    return (source.file, source.page, source.bbox, source.cell)


def disclosure_rows(doc: md.Disclosure, d: m.Disclosure) -> tuple[dict, dict]:
    """Fill `d` with the tables, rows, cells and sections of `doc`. Returns maps from printed sources to
    the new cells / rows and paragraphs, for locating findings once the rows have ids."""
    by_cell: dict[tuple, m.Cell] = {}
    by_row: dict[tuple, tuple[m.Table, m.Row]] = {}
    by_text: dict[tuple, m.Paragraph] = {}
    d.title = doc.title
    d.contents = list(doc.contents)
    d.performance = encode(doc.performance) if doc.performance is not None else None
    d.extra = extras(doc, MAPPED[md.Disclosure])
    count = 0
    for ti, t in enumerate(doc.tables):
        table = m.Table(
            position=ti, kind=t.kind, number=t.number, number_text=t.number_text, title=t.title, unit=t.unit,
            columns=[{"measure": c.measure, "header": c.header, "side": c.side} for c in t.columns],
            pages=list(t.pages), notes=list(t.notes), empty=t.empty, extra=extras(t, MAPPED[md.Table]),
            **_loc(t.source),
        )
        leaves = leaf_codes(t.rows)
        for ri, r in enumerate(t.rows):
            row = m.Row(position=ri, label=r.label, item=r.item, code=r.code, side=r.side, level=r.level,
                        is_total=r.is_total, texts=dict(r.texts), extra=extras(r, MAPPED[md.Row]), **_loc(r.source))
            if r.source is not None:
                by_row.setdefault(_key(r.source), (table, row))
            for ci, (measure, v) in enumerate(r.values.items()):
                cell = m.Cell(
                    position=ci, measure=measure, text=v.text, amount=v.amount, unit=t.unit,
                    yuan=to_yuan(v.amount, t.unit, measure), kind=t.kind, table_no=t.number, side=r.side,
                    code=r.code, item=r.item, scheme=code_scheme(r.code) or "", is_total=r.is_total,
                    is_leaf=(r.side, r.code) in leaves and not r.is_total, **_loc(v.source),
                )
                cell.disclosure = d
                cell.table = table
                row.cells.append(cell)
                by_cell.setdefault(_key(v.source), cell)
                count += 1
            table.rows.append(row)
        d.tables.append(table)
    for si, s in enumerate(doc.sections):
        section = m.Section(position=si, heading=s.heading, level=s.level, extra=extras(s, MAPPED[md.Section]),
                            **_loc(s.source))
        for pi, p in enumerate(s.paragraphs):
            para = m.Paragraph(position=pi, text=p.text, lines=[[o, encode(src)] for o, src in p.lines],
                               extra=extras(p, MAPPED[md.Paragraph]), **_loc(p.source))
            section.paragraphs.append(para)
            for src in [p.source, *(src for _, src in p.lines)]:
                by_text.setdefault(_key(src), para)
        d.sections.append(section)
    d.cell_count = count
    return by_cell, {"rows": by_row, "text": by_text}


def finding_rows(findings: Iterable[RuleFinding], by_cell: dict, others: dict, start: int = 0) -> list[m.Finding]:
    """Findings with each location tied to the cell, row or paragraph printed there (ids must exist),
    numbered from `start`."""
    out = []
    for fi, f in enumerate(findings, start):
        row = m.Finding(position=fi, rule=f.rule, severity=f.severity, category=f.category, message=f.message,
                        table_no=f.table_no, kind=f.kind, side=f.side, code=f.code, item=f.item,
                        measure=f.measure, expected=f.expected, actual=f.actual, tolerance=f.tolerance)
        for li, loc in enumerate(f.locations):
            key = _key(loc)
            cell = by_cell.get(key)
            table_row = others["rows"].get(key)
            para = others["text"].get(key)
            row.locations.append(m.FindingLocation(
                position=li, **_loc(loc),
                cell_id=cell.id if cell else None,
                row_id=cell.row_id if cell else (table_row[1].id if table_row else None),
                table_id=cell.table_id if cell else (table_row[0].id if table_row else None),
                paragraph_id=para.id if para else None,
            ))
        out.append(row)
    return out


def stored_locations(d: m.Disclosure) -> tuple[dict, dict]:
    """The maps `disclosure_rows` returns, rebuilt from a stored disclosure's rows (to locate findings made
    later: a re-check)."""
    by_cell: dict[tuple, m.Cell] = {}
    by_row: dict[tuple, tuple[m.Table, m.Row]] = {}
    by_text: dict[tuple, m.Paragraph] = {}
    for table in d.tables:
        for row in table.rows:
            if (src := source_of(row)) is not None:
                by_row.setdefault(_key(src), (table, row))
            for cell in row.cells:
                if (src := source_of(cell)) is not None:
                    by_cell.setdefault(_key(src), cell)
    for section in d.sections:
        for para in section.paragraphs:
            sources = [source_of(para), *(decode(Source, src) for _, src in para.lines)]
            for src in sources:
                if src is not None:
                    by_text.setdefault(_key(src), para)
    return by_cell, {"rows": by_row, "text": by_text}


# back to the model


def load_disclosure(session: Session, disclosure_id: int) -> md.Disclosure:
    d = session.execute(
        select(m.Disclosure).where(m.Disclosure.id == disclosure_id).options(
            selectinload(m.Disclosure.body), selectinload(m.Disclosure.files),
            selectinload(m.Disclosure.tables).selectinload(m.Table.rows).selectinload(m.Row.cells),
            selectinload(m.Disclosure.sections).selectinload(m.Section.paragraphs).undefer(m.Paragraph.lines),
        )
    ).scalar_one()
    doc = md.Disclosure(
        identity=md.Identity(body=d.body.name, parent=d.parent_name, year=d.year, kind=d.kind, level=d.level,
                             body_type=d.body_type),
        files=[f.name for f in d.files], title=d.title, contents=list(d.contents or []),
    )
    restore(doc, d.extra)
    for t in d.tables:
        table = md.Table(kind=t.kind, title=t.title, number=t.number, number_text=t.number_text, unit=t.unit,
                         columns=[md.Column(**c) for c in t.columns], pages=list(t.pages), notes=list(t.notes),
                         empty=t.empty, source=source_of(t))
        restore(table, t.extra)
        for r in t.rows:
            row = md.Row(label=r.label, item=r.item, code=r.code, side=r.side, level=r.level, is_total=r.is_total,
                         texts=dict(r.texts), source=source_of(r))
            restore(row, r.extra)
            for c in r.cells:
                row.values[c.measure] = md.Value(_printed_amount(c), c.text, source_of(c))
            table.rows.append(row)
        doc.tables.append(table)
    for s in d.sections:
        section = restore(md.Section(heading=s.heading, level=s.level, source=source_of(s)), s.extra)
        for p in s.paragraphs:
            section.paragraphs.append(restore(md.Paragraph(
                text=p.text, source=source_of(p), lines=[(o, decode(Source, src)) for o, src in p.lines]), p.extra))
        doc.sections.append(section)
    if d.performance is not None:
        doc.performance = decode(md.Performance, d.performance)
    return doc


def _printed_amount(c: m.Cell) -> Decimal:
    """The amount with the exponent it was printed with (5,682.00 stays 5682.00)."""
    printed = parse_amount(c.text)
    return printed if printed is not None and printed == c.amount else c.amount


def load_findings(session: Session, disclosure_id: int) -> list[RuleFinding]:
    rows = session.execute(
        select(m.Finding).where(m.Finding.disclosure_id == disclosure_id).order_by(m.Finding.position)
        .options(selectinload(m.Finding.locations))
    ).scalars()
    return [
        RuleFinding(rule=f.rule, severity=f.severity, category=f.category, message=f.message, table_no=f.table_no,
                    kind=f.kind, side=f.side, code=f.code, item=f.item, measure=f.measure, expected=f.expected,
                    actual=f.actual, tolerance=f.tolerance,
                    locations=tuple(source_of(loc) for loc in f.locations))
        for f in rows
    ]
