"""Read one disclosure from one or more files (text and tables may be published apart)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from yusuan.ingest.assemble.confirm import confirm_ocr
from yusuan.ingest.assemble.document import assemble
from yusuan.ingest.blocks import Block, Grid
from yusuan.ingest.formats import sniff
from yusuan.ingest.limits import MAX_CELLS, MAX_LINES, require, require_amounts
from yusuan.model.disclosure import Disclosure
from yusuan.model.errors import IngestError
from yusuan.model.formats import Reader


def blocks_of(path: Path) -> Iterator[Block]:
    return _blocks(path, sniff(path))


def _blocks(path: Path, fmt: Reader) -> Iterator[Block]:
    return _bounded(fmt.load()(path), path.name)


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


def read_disclosure(*paths: str | Path) -> Disclosure:
    """One Disclosure from the files of one publication: the text part first, then the tables, whatever
    the order given."""
    files = [Path(p) for p in paths]
    formats = [sniff(p) for p in files]  # every file is checked before any is read
    whole = [(p, fmt) for p, fmt in zip(files, formats) if fmt.whole]
    if whole:
        if len(files) > 1:
            path, fmt = whole[0]
            raise IngestError(path.name, f"{fmt.label}是一份完整的公开文件，请单独给出，不要与其他文件合读")
        return formats[0].load()(files[0])
    parts = _text_first([(path, fmt, list(_blocks(path, fmt))) for path, fmt in zip(files, formats)])
    return _assemble([p[0] for p in parts], [p[1] for p in parts], [b for p in parts for b in p[2]])


def read_publications(paths: list[str | Path]) -> list[Disclosure]:
    """Disclosures from many files: a file without tables (the text part) next to a file of tables
    (the tables part), in either order, is one publication when their names say so (`publication_stem`);
    every other file is one of its own."""
    files = [Path(p) for p in paths]
    formats = [sniff(p) for p in files]
    parts = [(path, fmt, [] if fmt.whole else list(_blocks(path, fmt))) for path, fmt in zip(files, formats)]
    docs: list[Disclosure] = []
    i = 0
    while i < len(parts):
        path, fmt, _ = parts[i]
        if fmt.whole:  # a format read whole (the preparation workbook) is a publication of its own
            docs.append(fmt.load()(path))
            i += 1
            continue
        group = [parts[i]]
        if i + 1 < len(parts) and not parts[i + 1][1].whole \
                and _has_grids(parts[i][2]) != _has_grids(parts[i + 1][2]) \
                and publication_stem(parts[i][0]) == publication_stem(parts[i + 1][0]):
            group = _text_first([parts[i], parts[i + 1]])
        docs.append(_assemble([g[0] for g in group], [g[1] for g in group], [b for g in group for b in g[2]]))
        i += len(group)
    return docs


# Words that name a part of a publication in its file name, not the publication: the text part's and the
# tables part's as a batch pairs files by them (batch/inputs.py), and more that only tell two names apart.
TEXT_PART_WORDS = ("text", "文字部分", "文字")
TABLES_PART_WORDS = ("tables", "表格部分", "表格")
_PART_WORDS = re.compile("(?i)(" + "|".join(["文字说明", *TEXT_PART_WORDS, *TABLES_PART_WORDS, "table", "part", "body",
                                              "报表", "附表", "公开表", "正文", "说明", "部分"])
                         + r"|[-_ .()（）\[\]【】])")


def publication_stem(path: Path) -> str:
    """A file's name without the words that name a part (文字部分 / 表格 / text / tables …): the text and
    the tables of one publication share it (`x-text.pdf`, `x-tables.pdf`; `文字部分.pdf`, `表格部分.pdf`),
    two publications' files do not."""
    return _PART_WORDS.sub("", path.stem).lower()


def _has_grids(blocks: list[Block]) -> bool:
    return any(isinstance(b, Grid) for b in blocks)


def _text_first(parts: list) -> list:
    """A publication's text part (no grids) is read before its tables part, whichever order the
    files were given in; files of one kind keep their order."""
    return sorted(parts, key=lambda part: _has_grids(part[2]))


_BUDGET_WORDS = re.compile(r"(部门|单位)(预算|决算)|(预算|决算)公开")


SCAN_UNREADABLE = "扫描件：文字识别（OCR）没有读出任何表格（图像可能过于模糊或倾斜），请提供清晰的扫描件或带文本层的 PDF"


def _by_ocr(block: Block) -> bool:
    if isinstance(block, Grid):
        return any(c is not None and c.source.ocr is not None for row in block.rows for c in row)
    return block.source.ocr is not None


def _assemble(files: list[Path], formats: list[Reader], blocks: list[Block]) -> Disclosure:
    doc = assemble(blocks, [p.name for p in files], text_form=all(f.name == "text" for f in formats))
    confirm_ocr(doc)
    if not doc.tables and any(_by_ocr(b) for b in blocks):
        raise IngestError("、".join(p.name for p in files), SCAN_UNREADABLE)
    if not doc.tables:
        said = [doc.title, *doc.contents, *(s.heading for s in doc.sections if s.level == 1)]
        if not any(_BUDGET_WORDS.search(t) for t in said):
            names = "、".join(p.name for p in files)
            raise IngestError(names, "没有找到任何预算表格，也没有预算或决算的标题，不像是部门预算或决算公开文件")
    require_amounts(doc)
    return doc
