"""Scanned pages read by OCR (the `ocr` extra): a PDF whose first page keeps its text layer and whose
next two are scans (corpus table pages rendered to images) is read back with the numbers of the original:
the text page as before, the scanned ones by OCR, each number marked with its confidence; an OCR number
is taken only where its table's sums confirm it."""

from __future__ import annotations

import dataclasses

import pypdfium2 as pdfium
import pytest

from tests.conftest import CORPUS, corpus_doc
from yusuan.export.cells import cell_records
from yusuan.ingest.assemble.confirm import confirm_ocr
from yusuan.model.errors import IngestError
from yusuan.ingest.pdf import ocr
from yusuan.ingest.read import read_disclosure
from yusuan.model.amount import printed_value
from yusuan.rules.registry import run

SOURCE = "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf"
TEXT_PAGE = 3  # 0-based: 表4 财政拨款收支预算总表, kept with its text layer
PAGES = (4, 5)  # scanned: 表5 财政拨款支出预算表（功能科目）, 表6 财政拨款基本支出预算表（经济科目）

needs_ocr = pytest.mark.skipif(ocr.engine() is None, reason="the ocr extra (rapidocr-onnxruntime) is not installed")


def scan(path, pages=PAGES, dpi=ocr.DPI):
    """An image-only PDF of the pages, as a scanner makes it."""
    doc = pdfium.PdfDocument(CORPUS / SOURCE)
    images = [doc[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return path


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """The text page, then the scans: one publication partly scanned."""
    tmp = tmp_path_factory.mktemp("scan")
    images = pdfium.PdfDocument(scan(tmp / "images.pdf"))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(CORPUS / SOURCE), [TEXT_PAGE])
    mixed.import_pages(images)
    path = tmp / "部分扫描.pdf"
    mixed.save(path)
    return path, read_disclosure(path)


def _key(r):
    return (r.table_no, r.side, r.code, r.measure)


def original(pages=PAGES):
    return {_key(r): r.value for r in cell_records(corpus_doc(SOURCE)) if r.page - 1 in pages}


@needs_ocr
def test_scanned_tables_read_by_ocr(scanned):
    _, doc = scanned
    want = corpus_doc(SOURCE)
    assert [(t.number, t.kind, t.unit) for t in doc.tables] == [
        (t.number, t.kind, t.unit) for t in want.tables if t.pages[0] - 1 in (TEXT_PAGE, *PAGES)]
    text, *scans = doc.tables
    for _, _, value in text.cells():
        assert value.source.ocr is None and value.source.page == 1
    for _, _, value in (c for t in scans for c in t.cells()):
        assert value.source.ocr is not None and 0 < value.source.ocr <= 1 and value.source.page in (2, 3)


@needs_ocr
def test_the_text_page_reads_as_before(scanned):
    _, doc = scanned
    got = {_key(r): r.value for r in cell_records(doc) if r.page == 1}
    assert got == original([TEXT_PAGE])


@needs_ocr
def test_confirmed_ocr_numbers_are_the_printed_ones(scanned):
    """Every number the sums confirm is the printed number; and nearly all are confirmed."""
    _, doc = scanned
    printed = original()
    confirmed = {}
    for t in doc.tables[1:]:
        unconfirmed = {u.source for u in t.unreadable}
        for row, measure, value in t.cells():
            if value.source not in unconfirmed:
                confirmed[(t.number, row.side, row.code, measure)] = printed_value(value.text)
    assert {k: printed.get(k) for k in confirmed} == confirmed
    assert len(confirmed) >= 0.9 * len(printed)


@needs_ocr
def test_a_misread_number_is_reported_and_unknown_to_the_rules(scanned):
    """A digit read wrong breaks its table's sums: the cells are reported, and no rule calls the
    printed figures wrong on the strength of it."""
    _, doc = scanned
    doc = dataclasses.replace(doc, tables=[dataclasses.replace(t, rows=[dataclasses.replace(r, values=dict(
        r.values)) for r in t.rows]) for t in doc.tables])
    table = doc.tables[1]
    row = next(r for r in table.rows if r.code == "2010201")
    value = row.values["amount"]
    row.values["amount"] = dataclasses.replace(value, amount=value.amount + 1000, text="6,223.22")
    confirm_ocr(doc)
    assert "行政运行" in {u.item for u in table.unreadable}
    found = run(doc)
    assert [f for f in found if f.severity == "error"] == []
    assert any(f.rule == "hyg-ocr-unconfirmed" and f.item == "行政运行" for f in found)
    assert any(f.rule == "arith-parent-children" and f.severity == "info" for f in found)


def test_without_the_ocr_extra_a_scan_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "engine", lambda: None)
    path = scan(tmp_path / "扫描件.pdf", pages=PAGES[:1], dpi=72)
    with pytest.raises(IngestError) as info:
        read_disclosure(path)
    assert "扫描件" in info.value.reason and "pip install yusuan[ocr]" in info.value.reason
