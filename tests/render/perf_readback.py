"""Reading a rendered performance report back with yusuan's own readers: its running text and the cells
of its tables (a table continued over pages joined, its repeated header dropped)."""

from __future__ import annotations

from pathlib import Path

from yusuan.ingest.blocks import Grid, Line

READERS = {".pdf": "yusuan.ingest.pdf.reader:read_pdf_blocks", ".docx": "yusuan.ingest.docx.reader:read_docx_blocks",
           ".xlsx": "yusuan.ingest.xlsx.reader:read_xlsx_blocks"}


def blocks(path: Path):
    import importlib

    module, name = READERS[path.suffix].split(":")
    return list(getattr(importlib.import_module(module), name)(path))


def read_back(path: Path) -> tuple[str, list[list[list[str]]]]:
    """(the running text, each table as rows of cell texts)."""
    text, tables = [], []
    for b in blocks(path):
        if isinstance(b, Line):
            text.append(b.text)
        elif isinstance(b, Grid):
            rows = [[c.text if c is not None else "" for c in row] for row in b.rows]
            if tables and rows and rows[0] == tables[-1][0]:  # its header again: the table goes on
                tables[-1].extend(rows[1:])
            else:
                tables.append(rows)
    return "\n".join(text), tables


def table_with(tables, header_cell: str) -> list[list[str]]:
    return next(t for t in tables if header_cell in t[0])


def rendered(layout, path: Path) -> tuple[str, list[list[list[str]]]]:
    """`layout` written in the format `path` is named for, and read back."""
    from yusuan.render import render_layout

    path.write_bytes(render_layout(layout, path.suffix.lstrip(".")))
    return read_back(path)
