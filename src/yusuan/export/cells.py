"""Contract 1 (docs/architecture.md): every numeric cell of every table, one per line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from yusuan.model.amount import printed_value
from yusuan.model.disclosure import Disclosure, Row, Table, Value

HEADER = ("table_no", "kind", "side", "code", "item", "measure", "value", "unit", "page")


@dataclass(frozen=True, slots=True)
class CellRecord:
    table_no: str
    kind: str
    side: str
    code: str
    item: str
    measure: str
    value: str
    unit: str
    page: int

    def as_tuple(self) -> tuple:
        return (self.table_no, self.kind, self.side, self.code, self.item, self.measure, self.value, self.unit,
                self.page)


def cell_records(doc: Disclosure) -> Iterator[CellRecord]:
    for table in doc.tables:
        for row, measure, value in table.cells():
            yield cell_record(table, row, measure, value)


def cell_record(table: Table, row: Row, measure: str, value: Value) -> CellRecord:
    return CellRecord(table.number, table.kind, row.side, row.code, row.item, measure, printed_value(value.text),
                      table.unit, value.source.page)


def write_cells_csv(docs: list[Disclosure], out: io.TextIOBase) -> int:
    """The cells of one publication under the contract's header; of several, with a last column `file`."""
    writer = csv.writer(out, lineterminator="\n")
    many = len(docs) > 1
    writer.writerow(HEADER + (("file",) if many else ()))
    n = 0
    for doc in docs:
        extra = ("+".join(doc.files),) if many else ()
        for record in cell_records(doc):
            writer.writerow(record.as_tuple() + extra)
            n += 1
    return n
