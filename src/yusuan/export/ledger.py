"""A ledger of lines as CSV (the columns of the XLSX of lines, docs/ledger.md) and as JSON."""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import TextIO

from yusuan.catalog.mapping import gov_economic_of
from yusuan.prepare.ledger import columns as C
from yusuan.prepare.ledger.model import Ledger
from yusuan.prepare.ledger.xlsx import cell_value


def write_lines_csv(ledger: Ledger, stream: TextIO) -> None:
    """One row per line under the XLSX's header row; amounts as decimal strings, flags 是 or blank."""
    w = csv.writer(stream)
    w.writerow([c.title(ledger.year, ledger.unit) for c in C.COLUMNS])
    for line in ledger.lines:
        w.writerow(["" if (v := cell_value(line, c)) is None else f"{v:f}" if isinstance(v, Decimal) else v
                    for c in C.COLUMNS])


def ledger_dict(ledger: Ledger) -> dict:
    """The whole ledger: its identity, unit, the names beyond the catalog and every line with its source."""
    def amount(v):
        return None if v is None else f"{v:f}"

    lines = []
    for line in ledger.lines:
        item = {}
        for c in C.COLUMNS:
            v = getattr(line, c.field)
            item[c.field] = amount(v) if c.kind == C.AMOUNT else v
        # the 政府经济分类 as given, else by the mapping table (catalog/mapping.py); "" when it has none
        item["gov_economic_mapped"] = line.gov_economic or gov_economic_of(line.economic, ledger.year)
        item["source"] = line.source.to_dict() if line.source else None
        lines.append(item)
    return {"body": ledger.body, "parent": ledger.parent, "year": ledger.year, "level": ledger.level,
            "body_type": ledger.body_type, "style": ledger.style, "unit": ledger.unit,
            "names": [{"scheme": s, "code": code, "name": name} for (s, code), name in sorted(ledger.names.items())],
            "lines": lines}
