"""Read one disclosure from one or more files (text and tables may be published apart)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from yusuan.ingest.assemble.document import assemble
from yusuan.ingest.blocks import Block, Grid
from yusuan.ingest.errors import IngestError
from yusuan.ingest.formats import DOCX, HTML, PDF, TEXT, XLSX, sniff
from yusuan.ingest.limits import MAX_CELLS, MAX_LINES, require, require_amounts
from yusuan.model.disclosure import Disclosure


def blocks_of(path: Path) -> Iterator[Block]:
    return _blocks(path, sniff(path))


def _blocks(path: Path, fmt: str) -> Iterator[Block]:
    return _bounded(_reader_blocks(path, fmt), path.name)


def _bounded(blocks: Iterator[Block], file: str) -> Iterator[Block]:
    """A reader's blocks, stopped past the limits of one document (each reader bounds each table)."""
    lines = cells = 0
    for block in blocks:
        if isinstance(block, Grid):
            cells += len(block.rows) * block.width
            require(cells, MAX_CELLS, file, "表格单元格")
        else:
            lines += 1
            require(lines, MAX_LINES, file, "文字行")
        yield block


def _reader_blocks(path: Path, fmt: str) -> Iterator[Block]:
    if fmt == TEXT:
        from yusuan.ingest.text.reader import read_text_blocks

        return read_text_blocks(path)
    if fmt == PDF:
        from yusuan.ingest.pdf.reader import read_pdf_blocks

        return read_pdf_blocks(path)
    if fmt == HTML:
        from yusuan.ingest.html.reader import read_html_blocks

        return read_html_blocks(path)
    if fmt == DOCX:
        from yusuan.ingest.docx.reader import read_docx_blocks

        return read_docx_blocks(path)
    if fmt == XLSX:
        from yusuan.ingest.xlsx.reader import read_xlsx_blocks

        return read_xlsx_blocks(path)
    raise IngestError(path.name, f"暂不支持读取 {fmt.upper()} 文件")


def read_disclosure(*paths: str | Path) -> Disclosure:
    """One Disclosure from the files of one publication, in the order given."""
    files = [Path(p) for p in paths]
    formats = [sniff(p) for p in files]  # every file is checked before any is read
    prepared = [p for p, fmt in zip(files, formats) if _is_prepared(p, fmt)]
    if prepared:
        if len(files) > 1:
            raise IngestError(prepared[0].name, "准备工作簿是一份完整的公开文件，请单独给出，不要与其他文件合读")
        return _read_prepared(files[0])
    blocks: list[Block] = []
    for path, fmt in zip(files, formats):
        blocks.extend(_blocks(path, fmt))
    return _assemble(files, formats, blocks)


def read_publications(paths: list[str | Path]) -> list[Disclosure]:
    """Disclosures from many files: a file without tables (the text part) followed by a file of
    tables (the tables part) is one publication; every other file is one of its own."""
    files = [Path(p) for p in paths]
    formats = [sniff(p) for p in files]
    parts = [(path, fmt, [] if _is_prepared(path, fmt) else list(_blocks(path, fmt)))
             for path, fmt in zip(files, formats)]
    docs: list[Disclosure] = []
    i = 0
    while i < len(parts):
        if _is_prepared(parts[i][0], parts[i][1]):  # a preparation workbook is a publication of its own
            docs.append(_read_prepared(parts[i][0]))
            i += 1
            continue
        group = [parts[i]]
        if i + 1 < len(parts) and not _has_grids(parts[i][2]) and _has_grids(parts[i + 1][2]):
            group.append(parts[i + 1])
        docs.append(_assemble([g[0] for g in group], [g[1] for g in group], [b for g in group for b in g[2]]))
        i += len(group)
    return docs


def _is_prepared(path: Path, fmt: str) -> bool:
    """A preparation workbook (`yusuan template`), read by yusuan.prepare rather than as a publication."""
    if fmt != XLSX:
        return False
    from yusuan.prepare.workbook import is_workbook

    return is_workbook(path)


def _read_prepared(path: Path) -> Disclosure:
    from yusuan.prepare.workbook import read_workbook

    return read_workbook(path)  # its amounts are bounded as they are read (prepare/cells.py)


def _has_grids(blocks: list[Block]) -> bool:
    return any(isinstance(b, Grid) for b in blocks)


_BUDGET_WORDS = re.compile(r"(部门|单位)(预算|决算)|(预算|决算)公开")


def _assemble(files: list[Path], formats: list[str], blocks: list[Block]) -> Disclosure:
    doc = assemble(blocks, [p.name for p in files], text_form=all(f == TEXT for f in formats))
    if not doc.tables:
        said = [doc.title, *doc.contents, *(s.heading for s in doc.sections if s.level == 1)]
        if not any(_BUDGET_WORDS.search(t) for t in said):
            names = "、".join(p.name for p in files)
            raise IngestError(names, "没有找到任何预算表格，也没有预算或决算的标题，不像是部门预算或决算公开文件")
    require_amounts(doc)
    return doc
