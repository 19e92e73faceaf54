"""PDF pages into Line and Grid blocks, top to bottom (pypdfium2: text with boxes, ruling lines)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pypdfium2 as pdfium

from yusuan.ingest.blocks import Block, Grid, Line
from yusuan.ingest.pdf import ocr
from yusuan.ingest.pdf.chars import Char, read_chars
from yusuan.ingest.pdf.document import open_pdf, page_place, read_bytes
from yusuan.ingest.pdf.geometry import PageSpace
from yusuan.ingest.pdf.grid import build_grid, is_table, take_chars
from yusuan.ingest.pdf.infer import refine
from yusuan.ingest.pdf.lattice import find_lattices
from yusuan.ingest.pdf.rules import Rules, read_rules
from yusuan.ingest.pdf.text import bbox, group_lines, line_text, lowest
from yusuan.ingest.pdf.visible import page_visibility
from yusuan.model.errors import IngestError
from yusuan.model.provenance import Source

NO_TEXT = "扫描件：文件没有文本层（只有图像），{why}，无法读取其中的文字"
NO_OCR = "没有安装文字识别（OCR）组件（pip install yusuan[ocr]）"
OCR_OFF = f"文字识别（OCR）已由环境变量 {ocr.SWITCH} 关闭"


def read_pdf_blocks(path: str | Path, *, name: str | None = None) -> Iterator[Block]:
    """Every page's text lines and table grids, page by page, top to bottom."""
    path = Path(path)
    name = name or path.name
    data = read_bytes(path, name)
    with open_pdf(data, name) as doc:
        held: list[Block] = []  # nothing is yielded before some page is known to have text
        seen_text = False
        for index in range(len(doc)):
            blocks = _read_page(doc, index, name)
            if seen_text:
                yield from blocks
                continue
            held.extend(blocks)
            if any(_has_text(b) for b in blocks):
                seen_text = True
                yield from held
                held = []
        if not seen_text:
            raise IngestError(name, NO_TEXT.format(why=OCR_OFF if ocr.switched_off() else NO_OCR))


def _read_page(doc: pdfium.PdfDocument, index: int, name: str) -> list[Block]:
    place = page_place(index)
    try:
        page = doc[index]
    except Exception:
        raise IngestError(name, "页面无法加载（页面对象损坏）", place) from None
    try:
        textpage = page.get_textpage()
        try:
            return page_blocks(page, textpage, name, index + 1)
        finally:
            textpage.close()
    except IngestError:
        raise
    except Exception as e:
        raise IngestError(name, f"页面内容无法解析（{type(e).__name__}）", place) from None
    finally:
        page.close()


def page_blocks(page, textpage, name: str, number: int) -> list[Block]:
    """The page's blocks from its text layer; a page without one that shows an image is read by OCR
    when the `ocr` extra is installed."""
    l, b, r, t = page.get_cropbox()
    space = PageSpace(l, b, r, t, page.get_rotation() % 360)
    chars = read_chars(textpage, space, page_visibility(page))
    if chars:
        return layout_blocks(chars, read_rules(page, space), name, number)
    if ocr.available() and ocr.has_image(page):
        return layout_blocks(*ocr.read_page(page), name, number)
    return []


def layout_blocks(chars: list[Char], rules: Rules, name: str, number: int) -> list[Block]:
    """Characters and ruling lines of one page into its grids and lines, top to bottom."""
    placed: list[tuple[float, float, Block]] = []
    if chars:
        for ruled in find_lattices(rules):
            inside, rest = take_chars(ruled, chars)
            lat = refine(ruled, inside)
            if not is_table(lat, inside):
                continue  # a box around a note, a chart frame: its text stays running text
            chars = rest
            placed.append((lat.ys[0], lat.xs[0], build_grid(lat, inside, name, number)))
    for line in group_lines(chars):
        text = line_text(line).strip()
        if text:
            printed = [c for c in line if c.text != " "]
            box = bbox(printed)
            placed.append((box[1], box[0], Line(text, Source(name, number, box, ocr=lowest(printed)))))
    placed.sort(key=lambda p: (p[0], p[1]))
    return [p[2] for p in placed]


def _has_text(block: Block) -> bool:
    if isinstance(block, Line):
        return True
    return any(cell is not None and cell.text for row in block.rows for cell in row)


__all__ = ["read_pdf_blocks", "page_blocks", "Char", "Grid", "Line"]
