"""The text form: narrative lines, tables as runs of tab-separated lines.

Stray HTML tags (<u>, <p>) are removed from cells; a <p>…</p> boundary becomes a line break.
Source.page is the 1-based line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from yusuan.ingest.blocks import Block, Cell, Grid, Line
from yusuan.ingest.limits import require_grid
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source

_TAG = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_PARA_BREAK = re.compile(r"</p>\s*<p>")


def clean_cell(text: str) -> str:
    text = _PARA_BREAK.sub("\n", text)
    return _TAG.sub("", text).strip()


def decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise IngestError(path.name, "文件是空的")
    if b"\x00" in data[:4096]:
        raise IngestError(path.name, "不是文本文件（含二进制内容）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(path.name, "无法识别文本编码（既不是 UTF-8 也不是 GB18030）")


def read_text_blocks(path: str | Path, *, name: str | None = None) -> Iterator[Block]:
    path = Path(path)
    file = name or path.name
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(file, f"文件无法打开（{e.strerror}）") from None
    text = decode(path, data)
    run: list[list[Cell]] = []
    run_start = width = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if "\t" in raw:
            if not run:
                run_start, width = number, 0
            width = max(width, raw.count("\t") + 1)
            require_grid(len(run) + 1, width, file, f"第 {run_start} 行起的表格")  # before the cells are made
            run.append([Cell(clean_cell(c), Source(file, number)) for c in raw.split("\t")])
            continue
        if run:
            yield Grid(run, Source(file, run_start))
            run = []
        stripped = raw.strip()
        if stripped:
            yield Line(clean_cell(stripped), Source(file, number))
    if run:
        yield Grid(run, Source(file, run_start))
