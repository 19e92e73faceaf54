"""Layout → PDF: the same HTML and CSS as the web page, laid out by WeasyPrint (A4, repeated table
headers, 第 x 页 共 y 页).

The Chinese fonts come first from small cached copies (`fontcache`: Song for the text, bold Hei for
titles, headings and table headers), so WeasyPrint reads and subsets about 9,500 glyphs a face instead
of whole font collections; what a copy lacks falls back to the page's own font stacks."""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import re

from yusuan.model.formats import Writer
from yusuan.render.fontcache import SANS, SERIF, subset_fonts
from yusuan.render.html import render_html
from yusuan.render.layout import Layout


def font_css() -> str:
    """A user stylesheet declaring the cached copies (their file URLs stay out of the HTML)."""
    return "\n".join(f'@font-face {{ font-family: "{f.family}"; font-weight: {700 if f.bold else 400}; '
                     f'src: url("{f.path.as_uri()}"); }}' for f in subset_fonts())


def cached_families() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cached families first in the body's and the headings' font stacks: the headings take the
    body's copy after their own, so without a bold Hei face (WenQuanYi only) they still print from a copy."""
    families = {f.family for f in subset_fonts()}
    body = (SERIF,) if SERIF in families else ()
    return body, tuple(f for f in (SANS, SERIF) if f in families)


# Rules of WeasyPrint's user-agent stylesheet for pseudo-elements yusuan never prints (list markers,
# footnotes, notes). Each matches every element, and WeasyPrint computes a style for each of them
# per element: a tenth of a PDF's time.
_UNUSED_UA_RULES = re.compile(r"^::(?:marker|footnote-[a-z]+|note-[a-z]+)\s*\{[^}]*\}", re.M)


@functools.cache
def _html_class():
    """WeasyPrint's HTML with its user-agent stylesheet less `_UNUSED_UA_RULES` (same PDF, less
    cascade). Through WeasyPrint's `_ua_stylesheets`: if a later version drops it, or its stylesheet
    moves, the PDF is made with the whole stylesheet as before."""
    from weasyprint import CSS, HTML

    try:
        from weasyprint.html import UA, UA_COUNTER_STYLE
    except ImportError:
        return HTML
    sheet = CSS(string=_UNUSED_UA_RULES.sub("", UA), counter_style=UA_COUNTER_STYLE)

    class LeanHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            return super()._ua_stylesheets(forms) if forms else [sheet]

    return LeanHTML


@contextlib.contextmanager
def _young_garbage_only():
    """Collect only what WeasyPrint allocates, once, at the end.

    WeasyPrint builds millions of objects, many in reference cycles (boxes and their parents), so
    Python's collector runs full collections during a render, each walking the whole heap (in a
    server or a batch, every document already read). Frozen, the heap from before is left out of
    them; one collection at the end frees the render's cycles. About a fifth of a PDF's time in a
    process holding many documents, for a little more memory at its peak."""
    gc.freeze()
    try:
        yield
    finally:
        gc.collect()
        gc.unfreeze()


def render_pdf(layout: Layout) -> bytes:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    font_config = FontConfiguration()  # @font-face in a user stylesheet needs one shared with write_pdf
    css = font_css()
    stylesheets = [CSS(string=css, font_config=font_config)] if css else []
    with _young_garbage_only():
        html = render_html(layout, *cached_families())
        return _html_class()(string=html).write_pdf(stylesheets=stylesheets, font_config=font_config)


WRITER = Writer("pdf", "PDF", (".pdf",), "application/pdf", "yusuan.render.pdf:render_pdf")
