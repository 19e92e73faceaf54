"""The department of the roll-up tests: 深圳市生态环境局 made of its two units in the corpus."""

from __future__ import annotations

import copy
import functools

from tests.conftest import corpus_doc
from tests.rules.departments import SHENZHEN_UNITS, department_of
from yusuan.rules.context import Related
from yusuan.rules.registry import run


def units():
    return [corpus_doc(n) for n in SHENZHEN_UNITS]


@functools.cache
def _department():
    return department_of(units())


def department():
    """A fresh copy each time: a test may change a figure."""
    return copy.deepcopy(_department())


def found(doc, rule_id: str, related: Related | None = None) -> list[tuple]:
    related = Related(units=tuple(units())) if related is None else related
    return [(f.severity, f.table_no, f.item, f.measure, f.expected, f.actual) for f in run(doc, [rule_id], related)]


def row_of(doc, kind: str, *, code: str = "", item: str = "", side: str = ""):
    table = next(t for t in doc.tables if t.kind == kind)
    return next(r for r in table.rows if r.side == side and (r.code == code if code else r.item == item))
