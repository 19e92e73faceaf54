"""PDF pages into Line and Grid blocks, top to bottom (pypdfium2: text with boxes, ruling lines)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from yusuan.ingest.blocks import Block, Grid, Line
from yusuan.ingest.limits import (
    MAX_PAGE_CHARS,
    MAX_PAGE_OBJECTS,
    MAX_PAGE_RULE_PAIRS,
    MAX_PAGE_SEGMENTS,
    MAX_PDF_PAGES,
    require,
)
from yusuan.ingest.pdf import ocr
from yusuan.ingest.pdf.calls import count_objects, form_count, form_get, get_object, get_type, path_segments
from yusuan.ingest.pdf.chars import Char, read_chars
from yusuan.ingest.pdf.document import open_pdf, page_place, read_bytes
from yusuan.ingest.pdf.geometry import IDENTITY, Matrix, PageSpace, compose, object_matrix
from yusuan.ingest.pdf.grid import build_grid, is_table, take_chars
from yusuan.ingest.pdf.infer import refine
from yusuan.ingest.pdf.lattice import find_lattices
from yusuan.ingest.pdf.rules import FORM_DEPTH as RULES_FORM_DEPTH
from yusuan.ingest.pdf.rules import Rules, read_rules
from yusuan.ingest.pdf.text import bbox, group_lines, line_text, lowest
from yusuan.ingest.pdf.visible import FORM_DEPTH, page_visibility
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
        require(len(doc), MAX_PDF_PAGES, name, "页")
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
        paths = _require_drawing(page, name, place)
        textpage = page.get_textpage()
        try:
            require(pdfium_c.FPDFText_CountChars(textpage.raw), MAX_PAGE_CHARS, name, "页面文字", place)
            return page_blocks(page, textpage, name, index + 1, paths)
        finally:
            textpage.close()
    except IngestError:
        raise
    except Exception as e:
        raise IngestError(name, f"页面内容无法解析（{type(e).__name__}）", place) from None
    finally:
        page.close()


def _require_drawing(page, name: str, place: str) -> list[tuple[int, Matrix]]:
    """The page's objects (those inside form XObjects too) and path segments within their limits, counted
    before anything walks them; and, from the same walk, the path objects the ruling lines are read from,
    each with its matrix (those in form XObjects nested up to rules.FORM_DEPTH deep)."""
    objects = segments = 0
    paths: list[tuple[int, Matrix]] = []
    stack: list[tuple] = [(page.raw, count_objects, get_object, 0, IDENTITY)]
    while stack:
        holder, count, get, depth, matrix = stack.pop()  # matrix None: deeper than the rules look
        n = count(holder)
        objects += n
        require(objects, MAX_PAGE_OBJECTS, name, "页面图形对象", place)
        for k in range(n):
            obj = get(holder, k)
            kind = get_type(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                segments += path_segments(obj)
                if matrix is not None:
                    paths.append((obj, matrix))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < FORM_DEPTH:
                inner = compose(object_matrix(obj), matrix) if matrix is not None and depth < RULES_FORM_DEPTH else None
                stack.append((obj, form_count, form_get, depth + 1, inner))
        require(segments, MAX_PAGE_SEGMENTS, name, "页面线段", place)
    return paths


def page_blocks(page, textpage, name: str, number: int, paths: list[tuple[int, Matrix]] | None = None) -> list[Block]:
    """The page's blocks from its text layer; a page without one that shows an image is read by OCR
    when the `ocr` extra is installed. `paths`: the page's path objects, when found already."""
    l, b, r, t = page.get_cropbox()
    space = PageSpace(l, b, r, t, page.get_rotation() % 360)
    chars = read_chars(textpage, space, page_visibility(page))
    if chars:
        rules = read_rules(page, space, paths)
        # every horizontal rule is tried against every vertical one
        require(len(rules.horizontal) * len(rules.vertical), MAX_PAGE_RULE_PAIRS, name, "表格线交点", page_place(number - 1))
        return layout_blocks(chars, rules, name, number)
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
