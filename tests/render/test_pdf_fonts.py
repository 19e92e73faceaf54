"""The PDF's cached Chinese fonts (`render.fontcache`): small copies used first, every character printed."""

from __future__ import annotations

import io

import pytest

from yusuan.render import fontcache
from yusuan.render.layout import CoverLine, Heading, Layout, Paragraph
from yusuan.render.pdf import cached_families, font_css, render_pdf

RARE = "堃喆"  # in WenQuanYi Zen Hei and Noto CJK, not in GB2312: left to the whole font


@pytest.fixture
def copy():
    faces = fontcache.subset_fonts()
    if not faces:
        pytest.skip("no Chinese font installed")
    return faces[0].path


def test_copy_holds_gb2312_and_symbols_not_rare_hanzi(copy):
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(copy))["cmap"].getBestCmap()
    assert all(ord(c) in cmap for c in "中华人民共和国预算，。（）：；“”、１２３ABCabc0123①Ⅱ％")
    assert not any(ord(c) in cmap for c in RARE)
    source, index = fontcache.find_source()
    assert fontcache.gb2312() & set(TTFont(str(source), fontNumber=index, lazy=True).getBestCmap()) <= set(cmap)


def test_bold_faces_only_where_the_font_has_them():
    faces = {(f.family, f.bold) for f in fontcache.subset_fonts()}
    if fontcache.find_source(fontcache.BODY, bold=True) is None:
        assert faces <= {(fontcache.SERIF, False)}  # WenQuanYi Zen Hei alone: no bold
    else:
        assert faces == {(fontcache.SERIF, False), (fontcache.SERIF, True), (fontcache.SANS, True)}


def test_every_character_comes_back_from_the_text_layer(copy):
    import pdfplumber
    import pypdfium2

    text = f"一般公共预算{RARE}支出 1,234.56 万元（“三公”经费）"
    layout = Layout(style="shenzhen", title="某单位2024年部门预算", cover=[CoverLine("深圳市")], toc=[],
                    blocks=[Heading("一、部门职责", 1, "h1"), Paragraph(text)])
    data = render_pdf(layout)
    pdf = pypdfium2.PdfDocument(data)
    try:
        printed = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    assert text.replace(" ", "") in printed.replace(" ", "").replace("\r\n", "")
    with pdfplumber.open(io.BytesIO(data)) as doc:
        fonts = {ch["text"]: ch["fontname"].split("+")[-1] for page in doc.pages for ch in page.chars}
    body, heading = cached_families()
    assert fonts["预"].startswith(body[0].replace(" ", "-"))
    assert fonts["职"].startswith(heading[0].replace(" ", "-"))  # the bold heading
    assert not fonts[RARE[0]].startswith("yusuan")  # from the whole font, next in the stack


def test_unwritable_cache_falls_back_to_a_temporary_directory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = fontcache.cache_dir()
    assert not str(path).startswith(str(blocker)) and path.is_dir()


def test_without_the_font_the_page_font_stack_is_kept(monkeypatch):
    monkeypatch.setattr(fontcache, "find_source", lambda *a, **k: None)
    fontcache.subset_fonts.cache_clear()
    try:
        assert font_css() == "" and cached_families() == ((), ())
        layout = Layout(style="shenzhen", title="预算", cover=[], toc=[], blocks=[Paragraph("中文")])
        assert render_pdf(layout).startswith(b"%PDF")
    finally:
        fontcache.subset_fonts.cache_clear()
