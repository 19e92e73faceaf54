"""Layout → HTML: one Jinja2 template, autoescaped (every text from a document is untrusted)."""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from yusuan.model.formats import Writer
from yusuan.render.fonts import BODY, HEADING, css_font_stack
from yusuan.render.layout import Layout


@functools.cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("yusuan.render", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@functools.cache
def stylesheet(body_first: tuple[str, ...] = (), heading_first: tuple[str, ...] = ()) -> str:
    """The CSS (ours, not from documents), with the font stacks filled in; `*_first`: families put
    before them (the PDF's cached copies)."""
    css_env = Environment(loader=PackageLoader("yusuan.render", "templates"), autoescape=False)
    return css_env.get_template("document.css").render(
        body_fonts=css_font_stack(BODY, body_first), heading_fonts=css_font_stack(HEADING, heading_first))


def render_html(layout: Layout, body_first: tuple[str, ...] = (), heading_first: tuple[str, ...] = ()) -> str:
    css = stylesheet(body_first, heading_first)
    return _env().get_template("document.html").render(layout=layout, css=Markup(css))


WRITER = Writer("html", "HTML", (".html", ".htm"), "text/html; charset=utf-8", "yusuan.render.html:html_bytes",
                aliases=("htm",))


def html_bytes(layout: Layout) -> bytes:
    return render_html(layout).encode("utf-8")
