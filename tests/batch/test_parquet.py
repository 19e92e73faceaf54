"""The batch's tables as other programs read them: DuckDB, pandas and polars read the files directly;
cells follow contract 1 with the amount exact; the JSON model comes back as it was."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq

from tests.batch.conftest import GOOD
from tests.conftest import corpus_doc
from yusuan.export.cells import HEADER, write_cells_csv
from yusuan.export.json import disclosure_dict
from yusuan.export.parquet import SCHEMAS, TABLES
from yusuan.export.records import finding_from_row
from yusuan.model.load import disclosure_from_dict
from yusuan.rules.registry import run
from yusuan.rules.report import sort


def test_duckdb_reads_every_table_with_its_schema(local_run):
    out, result = local_run
    con = duckdb.connect()
    for name in TABLES:
        described = con.execute(f"DESCRIBE SELECT * FROM '{out / name}.parquet'").fetchall()
        assert [row[0] for row in described] == SCHEMAS[name].names
        assert con.execute(f"SELECT count(*) FROM '{out / name}.parquet'").fetchone()[0] == \
            result.manifest["tables"][name]["rows"]
    types = dict((r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM '{out}/cells.parquet'").fetchall())
    assert types["amount"] == "DECIMAL(38,18)" and types["value"] == "VARCHAR" and types["page"] == "INTEGER"
    # a join across tables, and a sum that stays exact
    body, total = con.execute(f"""
        SELECT d.body, sum(c.amount) FROM '{out}/cells.parquet' c JOIN '{out}/documents.parquet' d USING (doc_id)
        WHERE d.files[1] = '{GOOD[0]}' AND c.kind = 'expense_summary' AND c.measure = 'total' AND c.code = ''
        GROUP BY d.body""").fetchone()
    doc = corpus_doc(GOOD[0])
    expected = sum(v.amount for t in doc.tables_of("expense_summary") for r in t.rows if not r.code
                   for m, v in r.values.items() if m == "total")
    assert body == doc.identity.body and total == expected and isinstance(total, Decimal)
    located = con.execute(f"SELECT locations[1].page, page FROM '{out}/findings.parquet' WHERE len(locations) > 0").fetchall()
    assert located and all(a == b for a, b in located)


def test_cells_are_the_cells_export_with_the_exact_amount(local_run):
    out, _ = local_run
    cells = pq.read_table(out / "cells.parquet")
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    for files in [(GOOD[0],), (GOOD[3], GOOD[2])]:
        doc_id = next(d["doc_id"] for d in docs if tuple(d["files"]) == files)
        mine = [r for r in cells.to_pylist() if r["doc_id"] == doc_id]
        csv = io.StringIO()
        write_cells_csv([corpus_doc(*files)], csv)
        lines = csv.getvalue().splitlines()
        assert lines[0] == ",".join(HEADER)
        assert [",".join(_csv_field(r[h]) for h in HEADER) for r in mine] == lines[1:]
        for r in mine:  # the amount is the printed value exactly, whatever its scale
            assert r["amount"] == Decimal(r["value"]) and r["unit"] in ("元", "万元")


def _csv_field(v) -> str:
    text = str(v)
    return f'"{text}"' if "," in text or '"' in text else text


def test_pandas_and_polars_read_the_tables(local_run):
    out, result = local_run
    frame = pd.read_parquet(out / "cells.parquet")
    assert len(frame) == result.manifest["tables"]["cells"]["rows"]
    assert isinstance(frame["amount"].iloc[0], Decimal)  # never a float
    docs = pd.read_parquet(out / "documents.parquet")
    assert sorted(docs["status"].value_counts().items()) == [("ok", 3), ("refused", 3)]
    findings = pl.read_parquet(out / "findings.parquet")
    assert findings.height == result.manifest["tables"]["findings"]["rows"]
    assert findings.group_by("severity").len().height >= 2
    assert str(pl.read_parquet(out / "cells.parquet").schema["amount"]).startswith("Decimal")


def test_findings_and_the_model_come_back_as_they_were(local_run):
    out, _ = local_run
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    models = {r["doc_id"]: r["model"] for r in pq.read_table(out / "models.parquet").to_pylist()}
    rows = pq.read_table(out / "findings.parquet").to_pylist()
    for files in [(GOOD[1],), (GOOD[3], GOOD[2])]:
        doc_id = next(d["doc_id"] for d in docs if tuple(d["files"]) == files)
        doc = corpus_doc(*files)
        back = disclosure_from_dict(json.loads(models[doc_id]))
        assert disclosure_dict(back) == disclosure_dict(doc)
        mine = sorted((r for r in rows if r["doc_id"] == doc_id), key=lambda r: r["position"])
        assert [finding_from_row(r).to_dict() for r in mine] == [f.to_dict() for f in sort(run(doc))]


DOC = (Path(__file__).resolve().parents[2] / "docs" / "batch.md").read_text(encoding="utf-8")


def test_every_column_is_documented_under_its_table():
    for name, schema in SCHEMAS.items():
        section = DOC.split(f"### {name}\n", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
        missing = [c for c in schema.names if f"`{c}`" not in section]
        assert missing == [], name


def test_the_documented_queries_run(local_run):
    out, _ = local_run
    queries = DOC.split("```sql\n", 1)[1].split("```", 1)[0].replace("'audit/", f"'{out}/").split(";")
    con = duckdb.connect()
    by_class, by_rule = (con.execute(q).fetchall() for q in queries if q.strip())
    assert [code for code, _, _ in by_class][:1] and all(len(code) == 3 for code, _, _ in by_class)
    assert all(isinstance(yuan, Decimal) for _, _, yuan in by_class) and by_rule
