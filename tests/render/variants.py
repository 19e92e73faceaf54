"""Layouts of other producers: our DOCX and XLSX restyled, then printed to PDF by LibreOffice.

A variant changes what an office changes: the font (Noto CJK, WenQuanYi Zen Hei / Micro Hei), the page
(A4, A3, Letter, portrait or landscape) and the column widths. The files are edited as XML inside their
zip (a regex on the attributes that carry these settings), so everything else, cached formula results
included, stays as yusuan wrote it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from yusuan.synth.office import soffice, to_pdf  # noqa: F401  (LibreOffice, as the synthetic corpus prints with it)

PAPER = {  # twentieths of a point (DOCX), and the paperSize code of a worksheet
    "A4": ((11906, 16838), 9),
    "A3": ((16838, 23811), 8),
    "Letter": ((12240, 15840), 1),
}


@dataclass(frozen=True)
class Variant:
    name: str
    fmt: str  # docx | xlsx
    font: str
    paper: str
    landscape: bool | None  # None: each section or sheet keeps its own orientation
    widths: float = 1.0  # column widths multiplied by this


VARIANTS = [
    Variant("docx-a4-noto-serif", "docx", "Noto Serif CJK SC", "A4", None),
    Variant("docx-a3-landscape-zenhei", "docx", "WenQuanYi Zen Hei", "A3", True, 1.2),
    Variant("docx-letter-microhei-narrow", "docx", "WenQuanYi Micro Hei", "Letter", None, 0.85),
    Variant("docx-a4-landscape-noto-sans", "docx", "Noto Sans CJK SC", "A4", True, 1.15),
    Variant("xlsx-a4-noto-sans", "xlsx", "Noto Sans CJK SC", "A4", None),
    Variant("xlsx-a3-landscape-microhei", "xlsx", "WenQuanYi Micro Hei", "A3", True, 1.2),
    Variant("xlsx-letter-landscape-zenhei-narrow", "xlsx", "WenQuanYi Zen Hei", "Letter", True, 0.8),
    Variant("xlsx-a4-portrait-noto-serif-wide", "xlsx", "Noto Serif CJK SC", "A4", False, 1.25),
]

_FONT_ATTR = re.compile(r'(w:(?:ascii|hAnsi|eastAsia|cs)=")[^"]*(")')
_THEME_ATTR = re.compile(r'\s+w:(?:asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)="[^"]*"')
_PG_SZ = re.compile(r"<w:pgSz\b[^>]*/>")
_GRID_COL = re.compile(r'(<w:gridCol w:w=")(\d+)(")')
_TC_W = re.compile(r'(<w:tcW w:w=")(\d+)(" w:type="dxa")')
_XLSX_FONT = re.compile(r'(<name val=")[^"]*(")')
_XLSX_COL = re.compile(r'(<col [^>]*width=")([\d.]+)(")')
_PAGE_SETUP = re.compile(r"<pageSetup\b[^>]*/>")


def restyle(data: bytes, v: Variant) -> bytes:
    """`data` (our DOCX or XLSX) in the variant's font, paper and column widths."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename.endswith(".xml"):
                text = body.decode("utf-8")
                text = _docx(text, v) if v.fmt == "docx" else _xlsx(text, v)
                body = text.encode("utf-8")
            dst.writestr(item, body)
    return out.getvalue()


def _scale(m: re.Match, factor: float, digits: int = 0) -> str:
    value = float(m.group(2)) * factor
    return f"{m.group(1)}{round(value, digits) if digits else int(round(value))}{m.group(3)}"


def _docx(text: str, v: Variant) -> str:
    text = _THEME_ATTR.sub("", text)
    text = _FONT_ATTR.sub(lambda m: f"{m.group(1)}{v.font}{m.group(2)}", text)
    (short, long), _ = PAPER[v.paper]

    def page(m: re.Match) -> str:
        landscape = v.landscape if v.landscape is not None else 'w:orient="landscape"' in m.group(0)
        w, h = (long, short) if landscape else (short, long)
        orient = ' w:orient="landscape"' if landscape else ""
        return f'<w:pgSz w:w="{w}" w:h="{h}"{orient}/>'

    text = _PG_SZ.sub(page, text)
    if v.widths != 1.0:
        text = _GRID_COL.sub(lambda m: _scale(m, v.widths), text)
        text = _TC_W.sub(lambda m: _scale(m, v.widths), text)
    return text


def _xlsx(text: str, v: Variant) -> str:
    text = _XLSX_FONT.sub(lambda m: f"{m.group(1)}{v.font}{m.group(2)}", text)
    if v.widths != 1.0:
        text = _XLSX_COL.sub(lambda m: _scale(m, v.widths, 4), text)
    _, code = PAPER[v.paper]

    def setup(m: re.Match) -> str:
        tag = re.sub(r'paperSize="\d+"', f'paperSize="{code}"', m.group(0))
        if v.landscape is not None:
            tag = re.sub(r'orientation="\w+"', f'orientation="{"landscape" if v.landscape else "portrait"}"', tag)
        return tag

    return _PAGE_SETUP.sub(setup, text)

