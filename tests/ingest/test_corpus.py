"""Every corpus publication read exactly: tables, identity, totals, hand-checked cells, identities."""

import importlib
import pkgutil

import pytest

from tests.conftest import CORPUS, corpus_doc
from tests.ingest import pins
from yusuan.export.cells import cell_records
from yusuan.ingest.text.reader import clean_cell
from yusuan.model.vocabulary import SIDES, TABLE_KINDS, check_measure
from yusuan.rules.registry import run

ARITHMETIC = ["arith-column-parts", "arith-parent-children"]

PINS = sorted(m.name for m in pkgutil.iter_modules(pins.__path__) if m.name != "draft")


def load(name):
    module = importlib.import_module(f"tests.ingest.pins.{name}")
    return module, corpus_doc(*module.FILES)


def records(doc):
    return {(r.table_no, r.side, r.code, r.item, r.measure, r.value, r.page) for r in cell_records(doc)}


@pytest.mark.parametrize("name", PINS)
def test_tables(name):
    pin, doc = load(name)
    assert [(t.number, t.kind, t.title, t.unit, len(t.rows)) for t in doc.tables] == pin.TABLES


@pytest.mark.parametrize("name", PINS)
def test_identity(name):
    pin, doc = load(name)
    i = doc.identity
    assert (i.body, i.year, i.kind, i.level) == pin.IDENTITY


@pytest.mark.parametrize("name", PINS)
def test_totals_rows(name):
    pin, doc = load(name)
    got = records(doc)
    assert [t for t in pin.TOTALS if t not in got] == []


@pytest.mark.parametrize("name", PINS)
def test_hand_checked_cells(name):
    pin, doc = load(name)
    got = records(doc)
    assert [c for c in pin.CELLS if c not in got] == []


@pytest.mark.parametrize("name", PINS)
def test_vocabulary(name):
    _, doc = load(name)
    for r in cell_records(doc):
        assert r.kind in TABLE_KINDS and r.kind != "unknown"
        assert r.side in SIDES
        check_measure(r.measure)
        assert r.unit in {"元", "万元"}


@pytest.mark.parametrize("name", PINS)
def test_identities_hold_where_printed(name):
    """The arithmetic inside each table holds (parents = Σ children, totals = Σ parts) wherever the
    printed document holds it: the exceptions are the printed defects, each read on the page."""
    pin, doc = load(name)
    found = [(f.rule, f.table_no, f.item, f.measure) for f in run(doc, only=ARITHMETIC)]
    assert found == getattr(pin, "PRINTED_DEFECTS", [])


@pytest.mark.parametrize("name", [n for n in PINS if n.startswith("shenzhen")])
def test_text_form_provenance(name):
    """Every value of a text-form document is printed on the line its provenance names."""
    pin, doc = load(name)
    lines = (CORPUS / pin.FILES[0]).read_text(encoding="utf-8").splitlines()
    for table in doc.tables:
        for _, _, value in table.cells():
            assert value.text in [clean_cell(c) for c in lines[value.source.page - 1].split("\t")]


@pytest.mark.parametrize("name", [n for n in PINS if hasattr(importlib.import_module(f"tests.ingest.pins.{n}"), "HEADINGS")])
def test_sections(name):
    """The narrative's headings (levels 1 and 2) in order, and the table of contents' length."""
    pin, doc = load(name)
    assert [(s.level, s.heading, s.source.page) for s in doc.sections if s.level <= 2] == pin.HEADINGS
    assert len(doc.contents) == pin.CONTENTS
