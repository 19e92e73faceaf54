"""Round trip on every corpus publication: extract(render(doc)) has the cells and sections of doc.

The layout family is the one the publication was printed in, so numbers and titles are kept. Page
numbers change with the layout and are not compared. A PDF loses where paragraphs end (the reader
infers it from indentation and line ends), so for PDF the text of each section is compared whole.
"""

from __future__ import annotations

import functools

import pytest

from tests.ingest.test_corpus import PINS, load
from tests.render.roundtrip import cells, diff, sections, without_glossary
from yusuan.ingest.read import read_disclosure
from yusuan.render import family_of, render

FORMATS = ["html", "docx", "xlsx", "pdf"]

@functools.cache
def rendered(name: str, fmt: str, tmp: str):
    _, doc = load(name)
    data = render(doc, fmt, family_of(doc))
    from pathlib import Path

    path = Path(tmp) / f"{name}.{fmt}"
    path.write_bytes(data)
    return doc, read_disclosure(path)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return str(tmp_path_factory.mktemp("render"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", PINS)
def test_cells(name, fmt, tmp):
    doc, back = rendered(name, fmt, tmp)
    assert diff(cells(doc), cells(back)) == ([], [])
    assert cells(back) == cells(doc)  # and in the same order


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", PINS)
def test_sections(name, fmt, tmp):
    doc, back = rendered(name, fmt, tmp)
    if fmt == "pdf":
        whole = [(lvl, h, "".join(ps)) for lvl, h, ps in sections(doc, squash=True)]
        got = without_glossary(sections(back, squash=True), sections(doc, squash=True))
        assert [(lvl, h, "".join(ps)) for lvl, h, ps in got] == whole
    else:
        assert without_glossary(sections(back), sections(doc)) == sections(doc)


@pytest.mark.parametrize("name", PINS)
def test_identity(name, tmp):
    doc, back = rendered(name, "html", tmp)
    i, j = doc.identity, back.identity
    assert (j.body, j.year, j.kind, j.level) == (i.body, i.year, i.kind, i.level)
