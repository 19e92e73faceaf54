"""Render a Disclosure as the complete standard disclosure, from one layout, in every registered output
format (model.formats: PDF, DOCX, XLSX, HTML)."""

from pathlib import Path

from yusuan.model.families import DEFAULT_STYLE, STYLES, family_of
from yusuan.model.formats import writer_for, writers
from yusuan.render.build import build_layout

__all__ = ["build_layout", "render", "render_file", "render_layout", "DEFAULT_STYLE", "STYLES", "family_of",
           "output_formats"]


def output_formats() -> tuple[str, ...]:
    return tuple(writers())


def render(doc, fmt: str, style: str = DEFAULT_STYLE) -> bytes:
    """The disclosure `doc` rendered in `fmt` (pdf, docx, xlsx, html) and layout family `style`."""
    return render_layout(build_layout(doc, style), fmt)


def render_layout(layout, fmt: str) -> bytes:
    """Any layout (a disclosure's, a performance report's: render/perf.py) written in `fmt`."""
    writer = writer_for(fmt)
    if writer is None:
        raise ValueError(f"不支持的输出格式：{fmt}（可选 {'、'.join(output_formats())}）")
    return writer.load()(layout)


def render_file(doc, path, style: str = DEFAULT_STYLE) -> None:
    path = Path(path)
    path.write_bytes(render(doc, path.suffix, style))
