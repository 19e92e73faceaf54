"""The Chinese fonts the PDF and DOCX use, in order of preference."""

from __future__ import annotations

# Song/Hei faces installed by scripts/apt-packages.txt (fonts-wqy-zenhei; Noto CJK when present).
FAMILIES = ("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei")
DOCX_EAST_ASIA = "宋体"  # what Word and WPS substitute on an officer's machine
DOCX_LATIN = "Times New Roman"


def css_font_stack() -> str:
    return ", ".join(f'"{f}"' for f in FAMILIES) + ", sans-serif"
