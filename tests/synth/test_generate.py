"""The generator: the same seed gives the same document; a clean document of every family, kind and level
passes the checks with no error (nor warning), in the model and read back from each output format with
the cells it printed; its figures have plausible sizes and shares."""

from __future__ import annotations

import io
import itertools
import json
import zipfile
from decimal import Decimal

import pytest

from tests.render.roundtrip import cells, diff
from yusuan.export.json import disclosure_dict
from yusuan.ingest.read import read_disclosure
from yusuan.model.families import STYLES
from yusuan.render import render
from yusuan.rules.registry import run
from yusuan.synth.document import KINDS, LEVEL_KEYS, Spec, generate
from yusuan.synth.office import soffice, to_pdf

COMBOS = list(itertools.product(STYLES, KINDS, LEVEL_KEYS))
IDS = ["-".join(c) for c in COMBOS]
RENDERED = ("html", "xlsx", "docx", "pdf")


def _doc(style, kind, level, seed="t", year=2023):
    return generate(Spec(style, kind, level, year, seed), "synth")[0]


def _problems(doc) -> list[str]:
    return [f"{f.severity} {f.rule}: {f.message}" for f in run(doc) if f.severity in ("error", "warning")]


def test_the_same_seed_gives_the_same_document_and_bytes():
    a, b = _doc("jiangsu", "budget", "department", "s1"), _doc("jiangsu", "budget", "department", "s1")
    assert json.dumps(disclosure_dict(a), ensure_ascii=False) == json.dumps(disclosure_dict(b), ensure_ascii=False)
    for fmt in ("html", "pdf"):
        assert render(a, fmt, "jiangsu") == render(b, fmt, "jiangsu")
    for fmt in ("docx", "xlsx"):  # the package records when it was written (docProps/core.xml, zip dates)
        za, zb = (zipfile.ZipFile(io.BytesIO(render(d, fmt, "jiangsu"))) for d in (a, b))
        assert za.namelist() == zb.namelist()
        assert [n for n in za.namelist() if za.read(n) != zb.read(n)] in ([], ["docProps/core.xml"])
    other = _doc("jiangsu", "budget", "department", "s2")
    assert cells(other) != cells(a)


@pytest.mark.parametrize("combo", COMBOS, ids=IDS)
def test_a_clean_document_passes_every_check(combo):
    for seed in ("a", "b", "c"):
        for year in (2020, 2023):
            assert _problems(_doc(*combo, seed=seed, year=year)) == []


@pytest.mark.parametrize("n,combo", list(enumerate(COMBOS)), ids=IDS)
def test_a_clean_document_reads_back_with_its_cells_and_no_finding(n, combo, tmp_path):
    """Each document in HTML and in one more format, in turn (three of each)."""
    doc = _doc(*combo, seed=f"r{n}")
    for fmt in ("html", RENDERED[1 + n % 3]):
        path = tmp_path / f"d.{fmt}"
        path.write_bytes(render(doc, fmt, combo[0]))
        back = read_disclosure(path)
        assert diff(cells(doc), cells(back)) == ([], []), fmt
        assert (back.identity.body, back.identity.year, back.identity.kind, back.identity.level) == (
            doc.identity.body, doc.identity.year, doc.identity.kind, doc.identity.level)
        assert _problems(back) == [], fmt


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (scripts/apt-packages.txt) is not installed")
def test_libreoffice_prints_of_our_docx_and_xlsx_read_back_the_same(tmp_path):
    docs = {}
    files = []
    for fmt, combo in (("docx", ("shanghai", "final_accounts", "unit")), ("xlsx", ("shenzhen", "budget", "department"))):
        doc = _doc(*combo, seed="lo")
        path = tmp_path / fmt / f"{fmt}.{fmt}"
        path.parent.mkdir()
        path.write_bytes(render(doc, fmt, combo[0]))
        docs[fmt] = doc
        files.append(path)
    for fmt, pdf in zip(docs, to_pdf(files, tmp_path / "pdf")):
        back = read_disclosure(pdf)
        assert diff(cells(docs[fmt]), cells(back)) == ([], []), fmt
        assert _problems(back) == [], fmt


def test_sizes_and_shares_are_plausible():
    """Over many documents: basic spending mostly personnel, 公用经费 a tenth or so of it, projects from a third
    to three times the basic spending, “三公”经费 a few per cent of the basic spending, other funds a minor
    share, every line whole 万元 (Shenzhen) or cents; most documents have last year's figures to compare with."""
    shares = {"public": [], "project": [], "three": [], "other": []}
    with_prior = 0
    for n in range(120):
        style, kind, level = COMBOS[n % len(COMBOS)]
        doc, fig = generate(Spec(style, kind, level, 2020 + n % 6, f"size{n}"), "x")
        lines = fig.ledger.lines

        def total(test) -> Decimal:
            return sum((x.amount for x in lines if test(x)), Decimal(0))

        personnel, public = total(lambda x: x.personnel), total(lambda x: x.public)
        shares["public"].append(public / personnel)
        shares["project"].append(total(lambda x: x.purpose == "project" and x.fund == "general_budget")
                                 / (personnel + public))
        shares["three"].append(total(lambda x: bool(x.three_public)) / (personnel + public))
        shares["other"].append(total(lambda x: x.fund != "general_budget") / total(lambda x: True))
        unit = Decimal(1).scaleb(-fig.decimals)
        assert all(x.amount % unit == 0 for x in lines)
        assert 12 <= fig.staff <= 160
        assert 9 <= len(doc.tables) <= 13
        with_prior += any(x.prior_budget is not None or x.prior_final is not None for x in lines)
    assert all(0.07 <= s <= 0.21 for s in shares["public"])
    assert all(0.25 <= s <= 3.3 for s in shares["project"])
    assert all(s < 0.12 for s in shares["three"]) and sum(shares["three"]) / 120 < 0.05
    assert all(s < 0.3 for s in shares["other"]) and 0.2 < sum(1 for s in shares["other"] if s) / 120 < 0.7
    assert 0.5 < with_prior / 120 < 0.9
