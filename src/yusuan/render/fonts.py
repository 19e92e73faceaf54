"""The Chinese fonts the PDF, HTML and DOCX use, in order of preference.

Official documents print their text in a Song face (宋体) and their titles, headings and table headers
in a bold Hei face (黑体): Noto Serif CJK SC (regular and bold) and Noto Sans CJK SC Bold, from
Debian's fonts-noto-cjk. WenQuanYi Zen Hei (fonts-wqy-zenhei), which has no bold, is the fallback of
both; the generic family last serves a browser without any of them.
"""

from __future__ import annotations

BODY = ("Noto Serif CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")
HEADING = ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei")
_GENERIC = {BODY: "serif", HEADING: "sans-serif"}
DOCX_EAST_ASIA = "宋体"  # what Word and WPS substitute on an officer's machine
DOCX_LATIN = "Times New Roman"


def css_font_stack(families: tuple[str, ...] = BODY, first: tuple[str, ...] = ()) -> str:
    """A CSS font-family value: `first` (the PDF's cached copies), then `families`, then the generic one."""
    return ", ".join([*(f'"{f}"' for f in (*first, *families)), _GENERIC.get(families, "sans-serif")])
