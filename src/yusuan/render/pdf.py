"""Layout → PDF: the same HTML and CSS as the web page, laid out by WeasyPrint (A4, repeated table
headers, 第 x 页 共 y 页)."""

from __future__ import annotations

import logging

from yusuan.render.html import render_html
from yusuan.render.layout import Layout


def render_pdf(layout: Layout) -> bytes:
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=render_html(layout)).write_pdf()
