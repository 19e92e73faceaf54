"""Layouts of another producer: a handful of corpus publications rendered to DOCX / XLSX, restyled
(font, paper, orientation, column widths) and printed to PDF by LibreOffice read back with the same
cells (tests/render/variants.py; all 104 variants: bench/variants.py).

The samples hold what LibreOffice does and yusuan's own PDF does not: a tall row broken across a page
end, amounts too wide for their cells wrapped onto a second line, a sheet shrunk to fit the page, other
fonts' widths. An XLSX's narrative sheet is compared on cells only: LibreOffice prints its long wrapped
cells over each other (the sheet's rows keep their height), which no reader can undo.
"""

from __future__ import annotations

import functools

import pytest

from tests.ingest.test_corpus import load
from tests.render.roundtrip import cells, diff, sections, without_glossary
from tests.render.variants import VARIANTS, restyle, soffice, to_pdf
from yusuan.ingest.read import read_disclosure
from yusuan.render import family_of, render

SAMPLES = [  # each holds a category of misreading the variants showed (bench/README.md, "Layout variants")
    ("shanghai_2025_putuo_wanli", "docx-a4-noto-serif"),  # rows broken across a page end
    ("shanghai_2025_putuo_shangwu", "docx-letter-microhei-narrow"),  # amounts wrapped in their cells
    ("shanghai_final_accounts_template", "docx-a3-landscape-zenhei"),  # a short centred heading, wide paper
    ("jiangsu_2017_jianchayuan", "xlsx-a4-portrait-noto-serif-wide"),  # a wide sheet fitted small: 110.00
    ("shanghai_2024_putuo_shehui_final", "xlsx-a3-landscape-microhei"),  # the cover title's end cut off
    ("shenzhen_2023_pingshan", "xlsx-a4-noto-sans"),  # wrapped header texts printed over the first row
]
BY_NAME = {v.name: v for v in VARIANTS}

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (scripts/apt-packages.txt) is not installed")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Every sample printed by LibreOffice in one process."""
    tmp = tmp_path_factory.mktemp("variants")
    files = []
    for name, variant in SAMPLES:
        v = BY_NAME[variant]
        _, doc = load(name)
        path = tmp / f"{name}--{variant}.{v.fmt}"
        path.write_bytes(restyle(render(doc, v.fmt, family_of(doc)), v))
        files.append(path)
    pdfs = to_pdf(files, tmp / "pdf", tmp / "profile")
    return dict(zip(SAMPLES, pdfs))


@functools.cache
def _read(path):
    return read_disclosure(path)


@pytest.mark.parametrize("sample", SAMPLES, ids=[f"{n}-{v}" for n, v in SAMPLES])
def test_variant_reads_back_the_same_cells(sample, printed):
    _, doc = load(sample[0])
    back = _read(printed[sample])
    assert diff(cells(doc), cells(back)) == ([], [])


@pytest.mark.parametrize("sample", [s for s in SAMPLES if s[1].startswith("docx")],
                         ids=[f"{n}-{v}" for n, v in SAMPLES if v.startswith("docx")])
def test_variant_reads_back_the_same_sections(sample, printed):
    _, doc = load(sample[0])
    back = _read(printed[sample])
    whole = [(lvl, h, "".join(ps)) for lvl, h, ps in sections(doc, squash=True)]
    got = without_glossary(sections(back, squash=True), sections(doc, squash=True))
    assert [(lvl, h, "".join(ps)) for lvl, h, ps in got] == whole


def test_restyle_changes_font_paper_and_widths():
    """The restyled file really carries the variant's settings (the edit is not a no-op)."""
    _, doc = load(SAMPLES[0][0])
    v = BY_NAME["docx-a3-landscape-zenhei"]
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(restyle(render(doc, "docx", family_of(doc)), v))).read("word/document.xml")
    text = xml.decode("utf-8")
    assert 'w:w="23811" w:h="16838" w:orient="landscape"' in text and "w:orient=\"portrait\"" not in text
    styles = zipfile.ZipFile(io.BytesIO(restyle(render(doc, "docx", family_of(doc)), v))).read("word/styles.xml")
    assert "WenQuanYi Zen Hei" in styles.decode("utf-8")
