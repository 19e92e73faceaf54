"""The open-data tables of a batch as Parquet (docs/batch.md): one schema per table, rows from
export/records.py, every file written under a temporary name and renamed into place (a reader never sees
half a file).

Amounts are exact. A cell keeps the contract's `value` (export/cells.py: the digits as printed, a string)
and its `amount` as decimal128(38, 18): every amount a reader accepts has at most 18 digits in all and in
its integer part (ingest/limits.py), so 20 integer and 18 decimal places hold each one exactly, and
DuckDB, pandas and polars add them as decimals, never as floats. A finding's `expected`, `actual` and
`tolerance` stay decimal strings, as in contract 2: a sum of many amounts has no such bound.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

SCHEMA_VERSION = "1"
MANIFEST, FORMAT = "manifest.json", "yusuan-batch"  # a batch's folder: its manifest and what it says it is
AMOUNT = pa.decimal128(38, 18)
COMPRESSION = "zstd"

_str, _i32, _i64 = pa.string(), pa.int32(), pa.int64()
_KEY = pa.field("doc_id", _str, nullable=False)
_LOCATION = pa.struct([("file", _str), ("page", _i32), ("x0", pa.float64()), ("top", pa.float64()),
                       ("x1", pa.float64()), ("bottom", pa.float64()), ("cell", _str), ("ocr", pa.float64())])

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        _KEY, ("status", _str), ("error", _str), ("files", pa.list_(_str)), ("paths", pa.list_(_str)),
        ("bytes", _i64), ("pages", _i32), ("body", _str), ("parent", _str), ("year", _i32), ("kind", _str),
        ("level", _str), ("body_type", _str), ("title", _str), ("date", _str), ("family", _str), ("tables", _i32),
        ("doubtful_tables", _i32), ("cells", _i32), ("sections", _i32), ("findings", _i32), ("errors", _i32),
        ("warnings", _i32), ("infos", _i32), ("ruleset", _str), ("seconds", pa.float64()),
        ("cpu_seconds", pa.float64()),
    ]),
    "tables": pa.schema([
        _KEY, ("table_index", _i32), ("table_no", _str), ("number_text", _str), ("kind", _str), ("title", _str),
        ("unit", _str), ("body", _str), ("pages", pa.list_(_i32)), ("rows", _i32), ("cells", _i32),
        ("empty", pa.bool_()), ("sums_checked", _i32), ("sums_held", _i32), ("doubtful", _str),
    ]),
    "cells": pa.schema([
        _KEY, ("table_index", _i32), ("table_no", _str), ("kind", _str), ("side", _str), ("code", _str),
        ("item", _str), ("measure", _str), ("value", _str), ("amount", AMOUNT), ("unit", _str), ("page", _i32),
        ("file", _str),
    ]),
    "findings": pa.schema([
        _KEY, ("position", _i32), ("rule", _str), ("severity", _str), ("category", _str), ("message", _str),
        ("table_no", _str), ("kind", _str), ("side", _str), ("code", _str), ("item", _str), ("measure", _str),
        ("expected", _str), ("actual", _str), ("tolerance", _str), ("file", _str), ("page", _i32),
        ("locations", pa.list_(_LOCATION)),
    ]),
    "sections": pa.schema([
        _KEY, ("section_index", _i32), ("heading", _str), ("level", _i32), ("file", _str), ("page", _i32),
        ("paragraphs", _i32), ("text", _str),
    ]),
    "models": pa.schema([_KEY, ("model", pa.large_string())]),  # the JSON model (yusuan extract --format json)
}
TABLES = tuple(SCHEMAS)


def arrow_table(name: str, rows: list[dict]) -> pa.Table:
    """`rows` (dicts with every column of the table) typed by the table's schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def file_name(name: str) -> str:
    return f"{name}.parquet"


def writer(path: Path, name: str) -> pq.ParquetWriter:
    """A writer of table `name` into `path` (the caller renames it into place when done)."""
    schema = SCHEMAS[name].with_metadata({"yusuan.table": name, "yusuan.schema": SCHEMA_VERSION})
    return pq.ParquetWriter(path, schema, compression=COMPRESSION)


def write(table: pa.Table, path: Path, name: str) -> None:
    """`table` into `path`, atomically: written beside it under a temporary name, then renamed."""
    tmp = path.with_name(f".{path.name}.tmp")
    with writer(tmp, name) as w:
        w.write_table(table)
    os.replace(tmp, path)


def read(path: Path, columns: list[str] | None = None) -> pa.Table:
    return pq.read_table(path, columns=columns)
