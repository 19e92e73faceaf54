"""OCR numbers are taken only where the table's own sums confirm them.

A number read by OCR (its Source has a confidence) is confirmed when it is the total or a part of a sum
of its table that holds (ingest/assemble/sums.py: columns of a row, a code's children, total rows). Every
other OCR number stays in its row as read but is listed in `Table.unreadable` with the reason, and the
table's reading report counts it (model/reading.py); the rules take such cells as unknown
(rules/registry.py).
"""

from __future__ import annotations

from yusuan.ingest.assemble.sums import identities
from yusuan.model.disclosure import Disclosure, Table, Unreadable

NO_SUM = "文字识别（OCR）读出的数字，表内没有可核对它的合计关系，未能确认"
SUM_FAILS = "文字识别（OCR）读出的数字，所在的表内合计关系不成立，未能确认"


def confirm_ocr(doc: Disclosure) -> None:
    for table in doc.tables:
        if any(v.source.ocr is not None for _, _, v in table.cells()):
            _confirm(table)


def _confirm(table: Table) -> None:
    confirmed: set[int] = set()
    in_sums: set[int] = set()
    for s in identities(table):
        members = [s.total, *(p for p in s.parts if p is not None)]
        in_sums.update(id(v) for v in members)
        if s.holds:
            confirmed.update(id(v) for v in members)
    table.unreadable = [
        Unreadable(row.item, measure, value.text, SUM_FAILS if id(value) in in_sums else NO_SUM, value.source,
                   row.code, row.side)
        for row, measure, value in table.cells()
        if value.source.ocr is not None and id(value) not in confirmed
    ]
    for u in table.unreadable:
        table.reading.add("ocr-unconfirmed", f"“{u.item}”{u.text}", u.source)
