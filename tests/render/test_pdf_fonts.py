"""The PDF's Chinese fonts (`render.fontcache`, `render.pdf`): small copies used first, the system's fonts
only for what they lack, every character printed."""

from __future__ import annotations

import io

import pytest

from yusuan.render import fontcache, pdf
from yusuan.render.layout import CoverLine, Heading, Layout, Paragraph
from yusuan.render.pdf import render_pdf

RARE = "堃喆"  # in WenQuanYi Zen Hei and Noto CJK, not in GB2312: left to the whole font
OUTSIDE = "‟"  # U+201F, in neither Noto CJK nor WenQuanYi Zen Hei (a Jiangsu court's 苏财预„2019‟7号)


@pytest.fixture
def faces():
    faces = fontcache.subset_fonts()
    if not faces:
        pytest.skip("no Chinese font installed")
    return faces


def _layout(text: str) -> Layout:
    return Layout(style="shenzhen", title="某单位2024年部门预算", cover=[CoverLine("深圳市")], toc=[],
                  blocks=[Heading("一、部门职责", 1, "h1"), Paragraph(text)])


def _fonts(data: bytes) -> dict[str, str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as doc:
        return {ch["text"]: ch["fontname"].split("+")[-1] for page in doc.pages[1:] for ch in page.chars}


def _text(data: bytes) -> str:
    import pypdfium2

    doc = pypdfium2.PdfDocument(data)
    try:
        return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_copy_holds_gb2312_and_symbols_not_rare_hanzi(faces):
    from fontTools.ttLib import TTFont

    copy = faces[0]
    cmap = TTFont(str(copy.path))["cmap"].getBestCmap()
    assert all(ord(c) in cmap for c in "中华人民共和国预算，。（）：；“”、１２３ABCabc0123①Ⅱ％")
    assert not any(ord(c) in cmap for c in RARE)
    source, index = fontcache.find_source()
    assert fontcache.gb2312() & set(TTFont(str(source), fontNumber=index, lazy=True).getBestCmap()) <= set(cmap)
    assert {chr(c) for c in cmap if c > 32} <= copy.chars <= {chr(c) for c in cmap}  # what the copy says it holds


def test_each_copy_is_a_family_of_its_own_in_one_folder(faces):
    import typst

    assert {f.path.parent for f in faces} == {fontcache.font_dir()}
    found = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                        font_paths=[str(fontcache.font_dir())]).fonts()
    assert sorted((f.family, f.weight) for f in found) == sorted((f.family, 700 if f.bold else 400) for f in faces)


def test_bold_faces_only_where_the_font_has_them(faces):
    got = {(f.family, f.bold) for f in faces}
    if fontcache.find_source(fontcache.BODY, bold=True) is None:
        assert got <= {(fontcache.SERIF, False)}  # WenQuanYi Zen Hei alone: no bold
    else:
        assert got == {(fontcache.SERIF, False), (fontcache.SERIF, True), (fontcache.SANS, True)}


def test_the_copies_alone_print_a_publication_in_gb2312(faces, monkeypatch):
    """Without a character beyond the copies, Typst is given the copies only (the system's fonts cost
    about 0.1 s to read): body text in the Song copy, headings in the bold Hei copy."""
    asked = []
    monkeypatch.setattr(pdf, "_compiler", lambda system, real=pdf._compiler: asked.append(system) or real(system))
    text = "一般公共预算支出 1,234.56 万元（“三公”经费）"
    data = render_pdf(_layout(text))
    assert asked == [False]
    assert text.replace(" ", "") in _text(data).replace(" ", "").replace("\r\n", "")
    fonts = _fonts(data)
    assert fonts["预"] == "yusuanSerif-Regular"
    assert fonts["职"] == ("yusuanSans-Bold" if (fontcache.SANS, True) in {(f.family, f.bold) for f in faces}
                          else "yusuanSerif-Regular")


def test_every_character_comes_back_from_the_text_layer(faces):
    """A rare hanzi comes from the whole font, next in the stack; a character no Chinese font has from any
    font of the system that has it."""
    text = f"一般公共预算{RARE}支出（苏财预„2019{OUTSIDE}7号）"
    data = render_pdf(_layout(text))
    assert text in _text(data).replace(" ", "").replace("\r\n", "")
    fonts = _fonts(data)
    assert fonts["预"].startswith("yusuan")
    assert not fonts[RARE[0]].startswith("yusuan")


def test_unwritable_cache_falls_back_to_a_temporary_directory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = fontcache.cache_dir()
    assert not str(path).startswith(str(blocker)) and path.is_dir()


def test_a_new_copy_replaces_the_old_one_of_its_face(tmp_path):
    old = tmp_path / "serif-regular-0000000000000000.ttf"
    other = tmp_path / "sans-bold-0000000000000000.ttf"
    for path in (old, old.with_suffix(".txt"), other):
        path.write_text("")
    new = tmp_path / "serif-regular-1111111111111111.ttf"
    new.write_text("")
    fontcache._remove_others(tmp_path, new)
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, new.name]


def test_without_the_font_the_system_fonts_are_used(monkeypatch):
    monkeypatch.setattr(fontcache, "_sources", lambda folder: {fontcache._slug(f, b): None for f, _, b in fontcache.FACES})
    fontcache.subset_fonts.cache_clear()
    pdf._compiler.cache_clear()
    try:
        assert fontcache.font_dir() is None and not fontcache.covered({"中"})
        data = render_pdf(Layout(style="shenzhen", title="预算", cover=[], toc=[], blocks=[Paragraph("中文")]))
        assert data.startswith(b"%PDF") and "中文" in _text(data)
    finally:
        fontcache.subset_fonts.cache_clear()
        pdf._compiler.cache_clear()


def test_fontconfig_is_asked_again_only_when_the_fonts_change(faces, tmp_path, monkeypatch):
    """What fc-match found is kept beside the copies; it is asked again when fontconfig's folders change."""
    asked = []
    real = fontcache.find_source
    monkeypatch.setattr(fontcache, "find_source", lambda *a, **k: asked.append(a) or real(*a, **k))
    first = fontcache._sources(tmp_path)
    assert len(asked) == len(fontcache.FACES)
    assert fontcache._sources(tmp_path) == first and len(asked) == len(fontcache.FACES)  # kept
    state = fontcache._fontconfig_state()
    monkeypatch.setattr(fontcache, "_fontconfig_state", lambda: [*state, "/usr/share/fonts:changed"])
    assert fontcache._sources(tmp_path) == first and len(asked) == 2 * len(fontcache.FACES)  # asked again
