"""The JSON model (`yusuan extract --format json`) back into a Disclosure."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from yusuan.model.disclosure import (
    Column,
    Disclosure,
    Identity,
    Indicator,
    Paragraph,
    Performance,
    Row,
    Section,
    Table,
    Target,
    Task,
    UnmappedColumn,
    Unreadable,
    Value,
)
from yusuan.model.provenance import Source
from yusuan.model.reading import reading_from_dict


def _source(d: dict | None) -> Source | None:
    return Source.from_dict(d) if d else None


def _value(d: dict) -> Value:
    return Value(Decimal(str(d["amount"])), str(d.get("text", d["amount"])), _source(d.get("source")) or Source("", 0))


def _values(d: dict | None) -> dict[str, Value]:
    return {k: _value(v) for k, v in (d or {}).items()}


def _paragraph(d: dict) -> Paragraph:
    return Paragraph(d.get("text", ""), _source(d.get("source")) or Source("", 0),
                     [(int(o), _source(s)) for o, s in d.get("lines", []) if s], bool(d.get("drafted")))


def _table(d: dict) -> Table:
    return Table(
        kind=d.get("kind", "unknown"), title=d.get("title", ""), number=d.get("number", ""),
        number_text=d.get("number_text", ""), unit=d.get("unit", ""),
        columns=[Column(c["measure"], c.get("header", ""), c.get("side", "")) for c in d.get("columns", [])],
        rows=[Row(
            label=r.get("label", ""), item=r.get("item", ""), values=_values(r.get("values")), code=r.get("code", ""),
            side=r.get("side", ""), level=int(r.get("level", 0)), is_total=bool(r.get("is_total")),
            texts=dict(r.get("texts", {})), source=_source(r.get("source")),
        ) for r in d.get("rows", [])],
        pages=list(d.get("pages", [])), notes=list(d.get("notes", [])),
        note_sources=[_source(n) or Source("", 0) for n in d.get("note_sources", [])], empty=bool(d.get("empty")),
        body=d.get("body", ""), source=_source(d.get("source")), reading=reading_from_dict(d.get("reading"), _source),
        unmapped=[UnmappedColumn(u.get("header", ""), u.get("side", ""), u.get("reason", ""),
                                 [_value(v) for v in u.get("values", [])]) for u in d.get("unmapped", [])],
        unreadable=[Unreadable(u.get("item", ""), u.get("measure", ""), u.get("text", ""), u.get("reason", ""),
                               _source(u.get("source")) or Source("", 0), u.get("code", ""), u.get("side", ""))
                    for u in d.get("unreadable", [])],
    )


def _target(d: dict) -> Target:
    dec = (lambda v: Decimal(str(v)) if v is not None else None)
    return Target(d.get("text", ""), d.get("operator", ""), dec(d.get("value")), dec(d.get("upper")),
                  d.get("unit", ""), d.get("date", ""), bool(d.get("measurable")))


def _performance(d: dict | None) -> Performance | None:
    if not d:
        return None
    return Performance(
        body=d.get("body", ""), parent=d.get("parent", ""),
        tasks=[Task(t.get("name", ""), t.get("content", ""), _values(t.get("values")), _source(t.get("source")))
               for t in d.get("tasks", [])],
        total=_values(d.get("total")), goals=[_paragraph(p) for p in d.get("goals", [])],
        indicators=[Indicator(i.get("level1", ""), i.get("level2", ""), i.get("name", ""), _target(i.get("target", {})),
                              _source(i.get("source"))) for i in d.get("indicators", [])],
        source=_source(d.get("source")),
    )


def disclosure_from_dict(d: dict) -> Disclosure:
    i = d.get("identity", {})
    return Disclosure(
        identity=Identity(i.get("body", ""), i.get("parent", ""), i.get("year"), i.get("kind", "budget"),
                          i.get("level", "department"), i.get("body_type", "")),
        files=list(d.get("files", [])), title=d.get("title", ""), date=d.get("date", ""),
        contents=list(d.get("contents", [])),
        contents_sources=[_source(c) or Source("", 0) for c in d.get("contents_sources", [])],
        sections=[Section(s.get("heading", ""), int(s.get("level", 1)), [_paragraph(p) for p in s.get("paragraphs", [])],
                          _source(s.get("source"))) for s in d.get("sections", [])],
        tables=[_table(t) for t in d.get("tables", [])],
        performance=_performance(d.get("performance")),
    )


def is_model_json(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(2048).lstrip()
    except OSError:
        return False
    return head.startswith(b"{") and b'"identity"' in head or head.startswith(b"[") and b'"identity"' in head


def load_disclosures(path: Path) -> list[Disclosure]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [disclosure_from_dict(d) for d in (data if isinstance(data, list) else [data])]
