"""Reading depends on where things are printed, never on the order they are drawn in.

Every corpus publication is rewritten with the text of each page cut into its separately positioned
runs and drawn in a shuffled order (tests/ingest/drawing_order.py), as ONLYOFFICE and some WPS exports
draw it; the rewritten pages look the same (checked on rendered pixels), and read back the same cells
(with their pages) and sections.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from PIL import ImageChops

from tests.conftest import CORPUS
from tests.ingest.drawing_order import shuffle_pdf
from tests.ingest.test_corpus import PINS, load
from tests.render.roundtrip import sections
from yusuan.export.cells import cell_records
from yusuan.ingest.read import read_disclosure

PDF_PINS = [n for n in PINS if all(f.endswith(".pdf") for f in load(n)[0].FILES)]
SEEDS = {name: k + 1 for k, name in enumerate(PDF_PINS)}


def _shuffled(name: str, tmp_path):
    pin, doc = load(name)
    paths = []
    for k, file in enumerate(pin.FILES):
        path = tmp_path / file
        assert shuffle_pdf(CORPUS / file, path, seed=SEEDS[name] * 10 + k) > 0
        paths.append(path)
    return doc, paths


@pytest.mark.parametrize("name", PDF_PINS)
def test_shuffled_drawing_order_reads_the_same(name, tmp_path):
    doc, paths = _shuffled(name, tmp_path)
    back = read_disclosure(*paths)
    assert [r.as_tuple() for r in cell_records(back)] == [r.as_tuple() for r in cell_records(doc)]
    assert sections(back) == sections(doc)
    assert [(t.number, t.kind, t.title, t.unit) for t in back.tables] == [
        (t.number, t.kind, t.title, t.unit) for t in doc.tables
    ]


def test_shuffled_pages_look_the_same(tmp_path):
    """The rewriter keeps every run's graphics state: the pages print the same pixels."""
    for name in PDF_PINS[:3]:
        pin, _ = load(name)
        _, paths = _shuffled(name, tmp_path)
        for file, path in zip(pin.FILES, paths):
            a, b = pdfium.PdfDocument(CORPUS / file), pdfium.PdfDocument(path)
            for i in (0, len(a) // 2, len(a) - 1):
                ia, ib = (d[i].render(scale=1).to_pil().convert("L") for d in (a, b))
                assert ImageChops.difference(ia, ib).point(lambda v: 255 if v > 64 else 0).getbbox() is None, (file, i)
