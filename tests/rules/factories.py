"""Small Disclosures for rule tests: a table is a kind, columns and rows of printed values."""

from __future__ import annotations

from decimal import Decimal

from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import Column, Disclosure, Identity, Paragraph, Row, Section, Table, Value
from yusuan.model.provenance import Source

FILE = "t.pdf"


def value(text: str, page: int = 1) -> Value:
    amount = parse_amount(text)
    assert amount is not None, text
    return Value(amount, text, Source(FILE, page, (0.0, 0.0, 10.0, 10.0)))


def row(item: str, page: int = 1, *, code: str = "", side: str = "", level: int | None = None,
        is_total: bool = False, **values: str) -> Row:
    """row("行政运行", code="2010101", total="10", basic="6", project="4")"""
    vals = {m.replace("__", "@"): value(t, page) for m, t in values.items()}
    lvl = level if level is not None else ({3: 1, 5: 2, 7: 3}.get(len(code), 0))
    return Row(label=item, item=item, values=vals, code=code, side=side, level=lvl, is_total=is_total,
               source=Source(FILE, page))


def table(kind: str, rows: list[Row], *, number: str = "1", title: str = "", unit: str = "万元") -> Table:
    measures: list[tuple[str, str]] = []
    for r in rows:
        for m in r.values:
            if (m, r.side) not in measures:
                measures.append((m, r.side))
    return Table(kind=kind, title=title or kind, number=number, number_text=f"表{number}", unit=unit,
                 columns=[Column(m, m, side) for m, side in measures], rows=rows, pages=[1])


def doc(*tables: Table, sections: list[Section] = (), year: int = 2023, body: str = "某单位") -> Disclosure:
    return Disclosure(identity=Identity(body=body, year=year), files=[FILE], tables=list(tables),
                      sections=list(sections))


def section(heading: str, *paragraphs: str, page: int = 1) -> Section:
    return Section(heading, 1, [Paragraph(p, Source(FILE, page), [(0, Source(FILE, page))]) for p in paragraphs],
                   Source(FILE, page))


def findings(d: Disclosure, rule_id: str) -> list[tuple]:
    from yusuan.rules.registry import run

    return [(f.rule, f.page, f.table_no, f.item, f.measure) for f in run(d, only=[rule_id])]


D = Decimal


def as_read(t: Table) -> Table:
    """The table with its own sums counted, as the assembler counts them for a table it read."""
    from yusuan.ingest.assemble.sums import own_sums

    t.reading.sums_checked, t.reading.sums_held = own_sums(t)
    return t
