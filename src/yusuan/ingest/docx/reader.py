"""DOCX (ours, or one written by Word / WPS): paragraphs become Lines, tables Grids with their
merged cells (gridSpan across, vMerge down), in the body's order.

Source.page is the page as far as the file says: 1, plus one for every explicit page break
(a page-break run, "page break before", a section break). Header and footer text is not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from yusuan.ingest.blocks import Block, Cell, Grid, Line
from yusuan.ingest.limits import require_grid
from yusuan.ingest.package import open_package, read_xml
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY = "word/document.xml"


class _Reader:
    def __init__(self, file: str):
        self.file = file
        self.page = 1
        self.tables = 0
        self.blocks: list[Block] = []

    def body(self, body: ET.Element) -> None:
        # a stack, not recursion: content controls may be nested as deep as the file likes
        stack = [iter(body)]
        while stack:
            el = next(stack[-1], None)
            if el is None:
                stack.pop()
            elif el.tag == W + "p":
                self.paragraph(el)
            elif el.tag == W + "tbl":
                self.table(el)
            elif el.tag == W + "sdt":  # content controls (Word's contents, cover pages)
                content = el.find(W + "sdtContent")
                if content is not None:
                    stack.append(iter(content))
            elif el.tag in (W + "customXml", W + "ins", W + "smartTag"):
                stack.append(iter(el))

    def paragraph(self, p: ET.Element) -> None:
        ppr = p.find(W + "pPr")
        if ppr is not None and _on(ppr.find(W + "pageBreakBefore")):
            self.page += 1
        text, breaks = _text(p)
        for part in text.split("\n"):
            if part.strip():
                self.blocks.append(Line(part.strip(), Source(self.file, self.page)))
        self.page += breaks
        if ppr is not None and ppr.find(W + "sectPr") is not None:
            sect = ppr.find(W + "sectPr")
            kind = sect.find(W + "type")
            if kind is None or kind.get(W + "val") in (None, "nextPage", "oddPage", "evenPage"):
                self.page += 1

    def table(self, tbl: ET.Element) -> None:
        source = Source(self.file, self.page)
        self.tables += 1
        layout = [_row_layout(tr) for tr in tbl.findall(W + "tr")]
        width = max((before + sum(span for _, span, _ in cells) for before, cells in layout), default=0)
        require_grid(len(layout), width, self.file, f"第 {self.tables} 个表格")
        rows: list[list[Cell | None]] = []
        starts: dict[int, Cell] = {}  # column → the cell a vMerge continues
        for before, cells in layout:
            line: list[Cell | None] = []
            line.extend(Cell("", source) for _ in range(before))
            for tc, span, vmerge in cells:
                col = len(line)
                if vmerge is not None and vmerge.get(W + "val") in (None, "continue") and col in starts:
                    starts[col].rowspan += 1
                    line.extend([None] * span)
                    continue
                text = "\n".join(t for t in (_cell_text(tc)) if t)
                cell = Cell(text, source, colspan=span)
                if vmerge is not None and vmerge.get(W + "val") == "restart":
                    starts[col] = cell
                else:
                    starts.pop(col, None)
                line.append(cell)
                line.extend([None] * (span - 1))
            rows.append(line)
        width = max((len(r) for r in rows), default=0)
        for line in rows:
            line.extend(Cell("", source) for _ in range(width - len(line)))
        if rows and width:
            self.blocks.append(Grid(rows, source))


def _row_layout(tr: ET.Element) -> tuple[int, list[tuple[ET.Element, int, ET.Element | None]]]:
    """A table row's empty grid columns before its first cell, and its cells with their gridSpan and vMerge."""
    trpr = tr.find(W + "trPr")
    before = _int(trpr.find(W + "gridBefore"), 0) if trpr is not None else 0
    cells = []
    for tc in tr.findall(W + "tc"):
        tcpr = tc.find(W + "tcPr")
        span = _int(tcpr.find(W + "gridSpan"), 1) if tcpr is not None else 1
        cells.append((tc, span, tcpr.find(W + "vMerge") if tcpr is not None else None))
    return before, cells


def _on(el: ET.Element | None) -> bool:
    return el is not None and el.get(W + "val") not in ("0", "false", "off")


def _int(el: ET.Element | None, default: int) -> int:
    try:
        return max(1 if default else 0, int(el.get(W + "val"))) if el is not None else default
    except (TypeError, ValueError):
        return default


def _text(p: ET.Element) -> tuple[str, int]:
    """A paragraph's text (line breaks as \\n, tabs as \\t) and the page breaks it holds."""
    out: list[str] = []
    breaks = 0
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            out.append(el.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            if el.get(W + "type") == "page":
                breaks += 1
            else:
                out.append("\n")
        elif tag == W + "instrText" or tag == W + "delText":
            continue
    return "".join(out), breaks


def _cell_text(tc: ET.Element) -> list[str]:
    lines: list[str] = []
    for el in tc:
        if el.tag == W + "p":
            text, _ = _text(el)
            lines.extend(t.strip() for t in text.split("\n"))
        elif el.tag == W + "tbl":  # a nested table: its text
            for p in el.iter(W + "p"):
                text, _ = _text(p)
                lines.append(text.strip())
        elif el.tag == W + "sdt":
            for p in el.iter(W + "p"):
                text, _ = _text(p)
                lines.append(text.strip())
    return lines


def read_docx_blocks(path: str | Path, *, name: str | None = None) -> Iterator[Block]:
    path = Path(path)
    file = name or path.name
    with open_package(path, file, "DOCX") as z:
        try:
            data = read_xml(z, BODY, file)
        except KeyError:
            raise IngestError(file, f"DOCX 文件缺少正文（{BODY}）") from None
    try:
        root = ET.fromstring(data)  # checked well formed and bounded by read_xml
    except ET.ParseError:
        raise IngestError(file, "DOCX 文件已损坏，无法读取", BODY) from None
    body = root.find(W + "body")
    if body is None:
        raise IngestError(file, "DOCX 文件没有正文")
    reader = _Reader(file)
    reader.body(body)
    yield from reader.blocks
