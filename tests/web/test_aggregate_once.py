"""The aggregate counts each amount once: a department's 部门预算 contains its units' 单位预算s, so when both
are published the units are left out of the sums (unless the asker cuts the level). Both databases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.rules.departments import SHENZHEN_UNITS as UNITS
from tests.rules.rollup_cases import department
from tests.web.conftest import checked
from yusuan.rules.registry import run
from yusuan.store import aggregate as agg
from yusuan.store import models as m
from yusuan.store.access import PUBLIC
from yusuan.store.related import inside_others
from yusuan.store.repository import UploadedFile, ensure_body, ingest



def _total(s, **cuts) -> tuple[Decimal, int]:
    cut = [f"{k}:{v}" for k, v in cuts.items()]
    r = agg.aggregate(s, PUBLIC, agg.Query.parse(cut=["|".join(cut)] if cut else None))
    return Decimal(r["summary"]["sum"]), r["contained_left_out"]


def test_units_beside_their_department_count_once(store):
    with store.session() as s:
        for name in UNITS:  # each prints 深圳市生态环境局 as its parent body
            ingest(s, *checked(name), status="published", action="import")
        units_only, left = _total(s, year=2023)
        assert left == 0 and units_only > 0

        doc = department()  # 深圳市生态环境局's 部门预算, the sum of its two units
        dept = ensure_body(s, "深圳市生态环境局")
        ingest(s, doc, run(doc), [UploadedFile("部门.txt", b"dept", "text")], status="published", body=dept)
        s.flush()

        both, left = _total(s, year=2023)
        assert left == 2
        assert both == units_only  # the department's leaf rows sum to what its units' did: not twice
        # both units call themselves 部门预算 (二级部门), contained all the same: their parent body's 部门预算 is
        # summed. Cutting the level is choosing the disclosures: then every one is summed
        assert {d.level for d in s.scalars(select(m.Disclosure))} == {"department"}
        assert _total(s, year=2023, level="department") == (2 * units_only, 0)
        assert _total(s, year=2023, department=dept.id) == (units_only, 2)


@pytest.mark.parametrize("found, inside", [
    # (id, body, parent body, year, kind, level)
    ([(1, 10, None, 2023, "budget", "department"), (2, 11, 10, 2023, "budget", "unit"),
      (3, 10, None, 2023, "budget", "unit")], {2, 3}),  # a child's and the department's own 本级 单位预算
    ([(1, 10, None, 2023, "budget", "department"), (2, 11, 10, 2024, "budget", "unit"),
      (3, 11, 10, 2023, "final_accounts", "unit")], set()),  # another year, another kind: not contained
    ([(2, 11, 10, 2023, "budget", "unit"), (4, 12, 10, 2023, "budget", "unit")], set()),  # no department summed
    ([(1, 10, None, 2023, "budget", "department"), (5, 11, 10, 2023, "budget", "department"),
      (6, 13, 11, 2023, "budget", "unit")], {5, 6}),  # a child department and its own unit, both inside
])
def test_inside_others(found, inside):
    assert inside_others(found) == inside
