"""Each type of defect is printed where the manifest says, in every output format, and the checks report
it at the severity the manifest expects (a table missing from the contents too, a renamed class printed once
in a year without its catalog: a warning)."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.ingest.read import read_disclosure
from yusuan.model.text import match_key
from yusuan.rules.registry import run
from yusuan.synth.corpus import Planned, make
from yusuan.synth.defects import TYPES, found
from yusuan.synth.document import Spec

CASES = [  # (type, family, kind, level): each type in a family and kind it has a place in
    ("amount", "shenzhen", "budget", "department"),
    ("amount", "shanghai", "final_accounts", "unit"),
    ("percent", "jiangsu", "budget", "unit"),
    ("percent", "shenzhen", "final_accounts", "department"),
    ("missing_table", "jiangsu", "final_accounts", "department"),
    ("missing_table", "shanghai", "budget", "department"),
    ("year", "shanghai", "budget", "unit"),
    ("year", "shenzhen", "budget", "department"),
    ("residue", "jiangsu", "budget", "department"),
    ("residue", "shanghai", "final_accounts", "department"),
    ("renamed_class", "shenzhen", "budget", "unit"),
    ("renamed_class", "jiangsu", "final_accounts", "unit"),
]


def _made(tmp_path: Path, kind: str, style: str, doc_kind: str, level: str, seed: str,
          year: int = 2023) -> tuple[dict, dict]:
    p = Planned(0, "d", Spec(style, doc_kind, level, year, seed), kind, ("html", "xlsx"))
    entry = make(p, tmp_path, tmp_path / "staging")
    return entry, {fmt: read_disclosure(tmp_path / rel) for fmt, rel in entry["files"].items()}


def _text(doc, heading: str) -> str:
    return "".join(match_key(p.text) for s in doc.sections if match_key(s.heading) == match_key(heading)
                   for p in s.paragraphs)


def _printed(defect: dict, doc) -> bool:
    """The defect is in the document read back, where the manifest says."""
    w, after = defect["where"], defect["after"]
    if defect["type"] in ("amount", "renamed_class"):
        rows = [r for t in doc.tables if t.kind == w["kind"] and t.number_text == w["number"] for r in t.rows
                if r.side == w["side"] and (r.code == w["code"] if w["code"] else r.item == w["item"])]
        if defect["type"] == "renamed_class":
            return any(r.label == after for r in rows)
        return any(r.values[w["measure"]].text == after for r in rows if w["measure"] in r.values)
    if defect["type"] == "missing_table":
        listed = any(match_key(w["title"]) in match_key(c) for c in doc.contents)
        return all(t.kind != w["kind"] for t in doc.tables) and listed == (w["contents"] == "kept")
    if w["part"] == "title":
        return any(f"{w['printed']}年" in t.title for t in doc.tables if t.kind == w["kind"])
    return match_key(after) in _text(doc, w["section"]) or match_key(after) in "".join(
        match_key(p.text) for s in doc.sections for p in s.paragraphs)


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
def test_the_defect_is_printed_where_the_manifest_says(case, tmp_path):
    kind, style, doc_kind, level = case
    for seed in ("x", "y"):
        entry, docs = _made(tmp_path / seed, kind, style, doc_kind, level, seed)
        defect = entry["defect"]
        assert defect["type"] == kind
        for fmt, doc in docs.items():
            assert _printed(defect, doc), (seed, fmt, defect)


def _findings(doc) -> list[dict]:
    return [{"rule": f.rule, "severity": f.severity, "kind": f.kind, "code": f.code, "message": f.message}
            for f in run(doc)]


@pytest.mark.parametrize("kind", ["amount", "percent", "year", "residue", "renamed_class"])
def test_the_checks_report_it(kind, tmp_path):
    for n, (style, doc_kind, level) in enumerate([("shenzhen", "budget", "department"), ("jiangsu", "final_accounts",
                                                   "unit"), ("shanghai", "budget", "unit")]):
        entry, docs = _made(tmp_path / str(n), kind, style, doc_kind, level, f"f{n}")
        for fmt, doc in docs.items():
            findings = [{"rule": f.rule, "severity": f.severity, "kind": f.kind, "code": f.code, "message": f.message}
                        for f in run(doc)]
            assert found(entry["defect"], findings), (fmt, entry["defect"], findings)


def test_a_table_left_out_of_the_contents_it_is_listed_in_is_reported(tmp_path):
    for seed in "abcdefghij":
        entry, docs = _made(tmp_path / seed, "missing_table", "shanghai", "final_accounts", "unit", seed)
        if entry["defect"]["where"]["contents"] != "kept":
            continue
        for doc in docs.values():
            findings = [{"rule": f.rule, "severity": f.severity, "kind": f.kind, "code": f.code, "message": f.message}
                        for f in run(doc)]
            assert found(entry["defect"], findings)
        return
    pytest.fail("no seed kept the contents entry")


def test_every_type_is_tested():
    assert {c[0] for c in CASES} == set(TYPES)


def test_a_table_left_out_of_the_contents_as_well_is_a_warning(tmp_path):
    for style, doc_kind in (("jiangsu", "budget"), ("shanghai", "final_accounts"), ("shenzhen", "budget")):
        for seed in "abcdefghij":
            entry, docs = _made(tmp_path / style / seed, "missing_table", style, doc_kind, "department", seed)
            if entry["defect"]["where"]["contents"] == "dropped":
                break
        else:
            pytest.fail("no seed dropped the contents entry")
        assert entry["defect"]["expected_severity"] == "warning"
        for doc in docs.values():
            assert found(entry["defect"], _findings(doc)), (style, entry["defect"])


def test_a_renamed_class_in_a_year_without_its_catalog_is_reported(tmp_path):
    """2021: the shipped list is 2023's; printed once, a warning; printed right elsewhere, an error."""
    severities = set()
    for seed in "abcdef":
        entry, docs = _made(tmp_path / seed, "renamed_class", "shanghai", "budget", "department", seed, year=2021)
        severities.add(entry["defect"]["expected_severity"])
        for doc in docs.values():
            assert found(entry["defect"], _findings(doc)), entry["defect"]
    assert "warning" in severities
