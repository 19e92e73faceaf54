"""One checked publication as plain rows of the open-data tables (documents, tables, cells, findings,
sections) and its whole model as JSON: what a batch (yusuan.batch) writes as Parquet (export/parquet.py).
Plain Python values only (Decimal amounts, strings, lists), so that they travel from a worker process
cheaply and are typed once, by the Parquet schema. Columns are described in docs/batch.md."""

from __future__ import annotations

import json
from collections import Counter

from yusuan.export.cells import cell_record
from yusuan.export.json import disclosure_dict
from yusuan.model.disclosure import Disclosure
from yusuan.model.families import family_of
from yusuan.model.reading import doubtful
from yusuan.rules.finding import Finding
from yusuan.rules.report import sort


def publication_records(doc: Disclosure, findings: list[Finding]) -> dict:
    """{"document": {...}, "tables": [...], "cells": [...], "findings": [...], "sections": [...],
    "model": JSON text}: the rows of one publication, without its key (the batch adds `doc_id`)."""
    tables = [table_row(i, t) for i, t in enumerate(doc.tables)]
    cells = [cell_row(i, t, row, measure, value) for i, t in enumerate(doc.tables)
             for row, measure, value in t.cells()]
    found = [finding_row(i, f) for i, f in enumerate(sort(findings))]
    sections = [section_row(i, s) for i, s in enumerate(doc.sections)]
    return {"document": document_row(doc, findings, tables, cells), "tables": tables, "cells": cells,
            "findings": found, "sections": sections,
            "model": json.dumps(disclosure_dict(doc, cells=False), ensure_ascii=False, separators=(",", ":"))}


def document_row(doc: Disclosure, findings: list[Finding], tables: list[dict], cells: list[dict]) -> dict:
    i = doc.identity
    severities = Counter(f.severity for f in findings)
    return {"body": i.body, "parent": i.parent, "year": i.year, "kind": i.kind, "level": i.level,
            "body_type": i.body_type, "title": doc.title, "date": doc.date, "family": family_of(doc),
            "tables": len(tables), "doubtful_tables": sum(1 for t in tables if t["doubtful"]),
            "cells": len(cells), "sections": len(doc.sections), "findings": len(findings),
            "errors": severities["error"], "warnings": severities["warning"], "infos": severities["info"]}


def table_row(index: int, t) -> dict:
    return {"table_index": index, "table_no": t.number, "number_text": t.number_text, "kind": t.kind,
            "title": t.title, "unit": t.unit, "body": t.body, "pages": list(t.pages), "rows": len(t.rows),
            "cells": sum(len(r.values) for r in t.rows), "empty": t.empty,
            "sums_checked": t.reading.sums_checked, "sums_held": t.reading.sums_held, "doubtful": doubtful(t)}


def cell_row(index: int, table, row, measure: str, value) -> dict:
    """Contract 1's columns (export/cells.py), the table's place in the document, the amount exactly."""
    record = cell_record(table, row, measure, value)
    return {"table_index": index, "table_no": record.table_no, "kind": record.kind, "side": record.side,
            "code": record.code, "item": record.item, "measure": record.measure, "value": record.value,
            "amount": value.amount, "unit": record.unit, "page": record.page, "file": value.source.file}


def finding_row(index: int, f: Finding) -> dict:
    d = f.to_dict()
    first = f.locations[0] if f.locations else None
    return {"position": index, **{k: d[k] for k in FINDING_FIELDS}, "file": first.file if first else None,
            "page": first.page if first else None,
            "locations": [_location(s) for s in d["locations"]]}


def _location(s: dict) -> dict:
    x0, top, x1, bottom = s.get("bbox") or (None,) * 4
    return {"file": s["file"], "page": s["page"], "x0": x0, "top": top, "x1": x1, "bottom": bottom,
            "cell": s.get("cell", ""), "ocr": s.get("ocr")}


FINDING_FIELDS = ("rule", "severity", "category", "message", "table_no", "kind", "side", "code", "item", "measure",
                  "expected", "actual", "tolerance")


def finding_from_row(row: dict) -> Finding:
    """A finding row (as Parquet gives it back) as the rules' Finding."""
    locations = [{"file": s["file"], "page": s["page"], "cell": s["cell"], "ocr": s["ocr"],
                  "bbox": None if s["x0"] is None else [s["x0"], s["top"], s["x1"], s["bottom"]]}
                 for s in row.get("locations") or ()]
    return Finding.from_dict({**{k: row[k] for k in FINDING_FIELDS}, "locations": locations})


def section_row(index: int, s) -> dict:
    return {"section_index": index, "heading": s.heading, "level": s.level,
            "file": s.source.file if s.source else None, "page": s.source.page if s.source else None,
            "paragraphs": len(s.paragraphs), "text": s.text}
