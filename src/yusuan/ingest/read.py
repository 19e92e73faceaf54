"""Read one disclosure from one or more files (text and tables may be published apart)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from yusuan.ingest.assemble.document import assemble
from yusuan.ingest.blocks import Block, Grid
from yusuan.ingest.errors import IngestError
from yusuan.ingest.formats import DOCX, PDF, TEXT, XLSX, sniff
from yusuan.model.disclosure import Disclosure


def blocks_of(path: Path) -> Iterator[Block]:
    return _blocks(path, sniff(path))


def _blocks(path: Path, fmt: str) -> Iterator[Block]:
    if fmt == TEXT:
        from yusuan.ingest.text.reader import read_text_blocks

        return read_text_blocks(path)
    if fmt == PDF:
        from yusuan.ingest.pdf.reader import read_pdf_blocks

        return read_pdf_blocks(path)
    raise IngestError(path.name, f"暂不支持读取 {fmt.upper()} 文件")


def read_disclosure(*paths: str | Path) -> Disclosure:
    """One Disclosure from the files of one publication, in the order given."""
    files = [Path(p) for p in paths]
    formats = [sniff(p) for p in files]  # every file is checked before any is read
    blocks: list[Block] = []
    for path, fmt in zip(files, formats):
        blocks.extend(_blocks(path, fmt))
    doc = assemble(blocks, [p.name for p in files], text_form=all(f == TEXT for f in formats))
    if not doc.tables and not any(isinstance(b, Grid) for b in blocks):
        names = "、".join(p.name for p in files)
        raise IngestError(names, "没有找到任何预算表格，不像是部门预算或决算公开文件")
    return doc
