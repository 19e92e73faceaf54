"""`check` on every corpus publication: each error-severity finding was read by a person on the page and
is a real defect, kept in tests/rules/expected/<family>.csv with a one-line justification."""

import csv
from pathlib import Path

import pytest

from tests.ingest.test_corpus import PINS, load
from yusuan.rules import catalog
from yusuan.rules.registry import run

EXPECTED = Path(__file__).parent / "expected"
FIELDS = ("publication", "rule", "page", "table_no", "item", "measure", "justification")


def expected(family: str) -> list[dict]:
    path = EXPECTED / f"{family}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        assert tuple(row) == FIELDS, path
        assert row["justification"].strip(), f"{path}: every expected finding says why it is a real defect"
    return rows


@pytest.mark.parametrize("family", list(catalog.FAMILIES))
@pytest.mark.parametrize("name", PINS)
def test_error_findings_are_the_known_printed_defects(name, family):
    _, doc = load(name)
    rules = [r for r, info in catalog.load().items() if info.family == family]
    found = sorted(
        (f.rule, str(f.page or ""), f.table_no, f.item, f.measure)
        for f in run(doc, only=rules) if f.severity == "error"
    )
    known = sorted(
        (r["rule"], r["page"], r["table_no"], r["item"], r["measure"])
        for r in expected(family) if r["publication"] == name
    )
    assert found == known
