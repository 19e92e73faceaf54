"""Layout → PDF, typeset by Typst (the `typst` package bundles the compiler): A4, wide tables on landscape
pages, table headers repeated on every page, the contents with page numbers, 第 x 页 共 y 页.

The layout model goes to the template (`templates/document.typ`, which mirrors the HTML's document.css) as
JSON; the template walks it as the HTML template does. Fonts: the small cached copies of the Song and Hei
faces (`fontcache`); the system's fonts only when the publication has a character the copies lack (reading
them costs about 0.1 s); never Typst's own Latin fonts (Chinese documents print digits and Latin letters in
the Chinese faces, as the HTML does)."""

from __future__ import annotations

import functools
import json
import threading
from importlib.resources import files

from yusuan.model.formats import Writer
from yusuan.render import fontcache
from yusuan.render.fonts import BODY, HEADING
from yusuan.render.layout import Cell, Heading, Layout, Paragraph, TableLayout

_lock = threading.Lock()  # one Typst compiler a font set, used by one thread at a time


def layout_data(layout: Layout, families: frozenset[str] | None = None) -> dict:
    """The layout as the template reads it, with the font stacks of the body and the headings: the cached
    copies first, then the whole fonts, those of `families` only (the fonts Typst was given)."""
    body = [fontcache.SERIF, *BODY]
    heading = [fontcache.SANS, fontcache.SERIF, *HEADING]
    if families is not None:
        body, heading = ([f for f in stack if f.lower() in families] for stack in (body, heading))
    return {
        "title": layout.title,
        "fonts": {"body": body, "heading": heading},
        "cover": [{"text": c.text, "role": c.role, "size": c.size} for c in layout.cover],
        "toc": [{"text": e.text, "anchor": e.anchor, "level": e.level} for e in layout.toc],
        "blocks": [_block(b) for b in layout.blocks],
    }


def _block(b) -> dict:
    if isinstance(b, Heading):
        return {"k": "h", "text": b.text, "level": max(1, b.level), "anchor": b.anchor, "new_page": b.new_page,
                "wide": b.wide}
    if isinstance(b, Paragraph):
        return {"k": "p", "text": b.text, "drafted": b.drafted, "new_page": False, "wide": False}
    assert isinstance(b, TableLayout)
    return {
        "k": "t", "anchor": b.anchor, "captioned": b.captioned, "new_page": b.new_page, "wide": b.wide,
        "number": "" if b.number_inline else b.number_text, "title": b.title_line, "body": b.body,
        "unit": b.unit or "万元", "widths": b.widths or [100 / max(b.width, 1)] * b.width, "roles": b.roles,
        "header": [_cells(r) for r in b.header], "rows": [_cells(r) for r in b.rows], "notes": b.notes,
    }


def _cells(row: list[Cell | None]) -> list:
    """A row's cells (those a merged cell covers left out): the text alone where that is all the cell has."""
    return [_cell(c) for c in row if c is not None]


def _cell(c: Cell) -> str | dict:
    if c.colspan == c.rowspan == 1 and not c.indent and not c.bold:
        return c.text
    d: dict = {"t": c.text}
    if c.colspan > 1:
        d["cs"] = c.colspan
    if c.rowspan > 1:
        d["rs"] = c.rowspan
    if c.indent:
        d["i"] = c.indent
    if c.bold:
        d["b"] = True
    return d


def _chars(layout: Layout) -> set[str]:
    texts = [layout.title, *(c.text for c in layout.cover), *(e.text for e in layout.toc)]
    for b in layout.blocks:
        if isinstance(b, TableLayout):
            texts += [b.caption, b.body, b.unit, *b.notes]
            texts += [c.text for r in (*b.header, *b.rows) for c in r if c is not None]
        else:
            texts.append(b.text)
    return set("".join(texts))


@functools.cache
def _template() -> bytes:
    return files("yusuan.render").joinpath("templates/document.typ").read_bytes()


@functools.cache
def _compiler(system: bool):
    """A Typst compiler over the copies, and the system's fonts too when `system` or without copies; made
    once a process, with the families it has (lower case, as Typst compares them)."""
    import typst

    folder = fontcache.font_dir()
    system = system or folder is None
    fonts = typst.Fonts(include_system_fonts=system, include_embedded_fonts=False,
                        font_paths=[str(folder)] if folder else [])
    families = frozenset(f.lower() for f in fonts.families())
    return typst.Compiler(font_paths=fonts, ignore_system_fonts=not system), families


def render_pdf(layout: Layout) -> bytes:
    compiler, families = _compiler(not fontcache.covered(_chars(layout)))
    data = json.dumps(layout_data(layout, families), ensure_ascii=False)
    with _lock:
        return compiler.compile(_template(), format="pdf", sys_inputs={"layout": data})


WRITER = Writer("pdf", "PDF", (".pdf",), "application/pdf", "yusuan.render.pdf:render_pdf")
