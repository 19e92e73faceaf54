"""Render a Disclosure as the complete standard disclosure: HTML, PDF, DOCX, XLSX from one layout."""

from yusuan.render.build import build_layout
from yusuan.render.families import DEFAULT_STYLE, STYLES, family_of

FORMATS = ("pdf", "docx", "xlsx", "html")

__all__ = ["build_layout", "render", "render_file", "DEFAULT_STYLE", "STYLES", "FORMATS", "family_of"]


def render(doc, fmt: str, style: str = DEFAULT_STYLE) -> bytes:
    """The disclosure `doc` rendered in `fmt` (pdf, docx, xlsx, html) and layout family `style`."""
    layout = build_layout(doc, style)
    if fmt == "html":
        from yusuan.render.html import render_html

        return render_html(layout).encode("utf-8")
    if fmt == "pdf":
        from yusuan.render.pdf import render_pdf

        return render_pdf(layout)
    if fmt == "docx":
        from yusuan.render.docx import render_docx

        return render_docx(layout)
    if fmt == "xlsx":
        from yusuan.render.xlsx import render_xlsx

        return render_xlsx(layout)
    raise ValueError(f"不支持的输出格式：{fmt}（可选 {'、'.join(FORMATS)}）")


def render_file(doc, path, style: str = DEFAULT_STYLE) -> None:
    from pathlib import Path

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt == "htm":
        fmt = "html"
    data = render(doc, fmt, style)
    path.write_bytes(data)
