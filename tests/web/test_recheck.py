"""A department stored before its units is checked again when a unit is published: its roll-up findings are
replaced by those of a check against the units stored now, audit-logged. Both databases."""

from __future__ import annotations

from sqlalchemy import select

from tests.rules.departments import SHENZHEN_UNITS as UNITS
from tests.rules.rollup_cases import department, row_of
from tests.web.conftest import checked
from yusuan.rules.registry import run
from yusuan.store import models as m
from yusuan.store.accounts import create_user
from yusuan.store.convert import load_disclosure
from yusuan.store.recheck import rechecks, rollup_rules
from yusuan.store.related import related_for
from yusuan.store.repository import UploadedFile, ensure_body, ingest
from yusuan.store.review import step



def _wrong_department():
    doc = department()
    row_of(doc, "income_expense_summary", item="收入总计", side="income").values["amount"].amount += 5
    return doc


def _rollup(d: m.Disclosure) -> list[tuple]:
    return sorted((f.rule, f.severity, f.item, f.message) for f in d.findings if f.rule.startswith("rollup-"))


def test_a_unit_published_later_rechecks_its_department(store):
    with store.session() as s:
        admin = create_user(s, "admin", "correct horse battery", "admin")
        dept = ensure_body(s, "深圳市生态环境局")
        doc = _wrong_department()
        stored = ingest(s, doc, run(doc), [UploadedFile("部门.txt", b"dept", "text")], status="published", body=dept)
        assert _rollup(stored) == []  # no unit known yet: nothing to compare with
        other = [f.rule for f in stored.findings]
        dept_id = stored.id

        first = checked(UNITS[0])
        ingest(s, *first, status="published", user=admin, action="import")
        second = checked(UNITS[1])
        unit = ingest(s, *second, status="approved_finance", user=admin)
        step(s, unit, "publish", admin)  # publishing at the end of the review chain (not only importing) re-checks too

    with store.session() as s:
        d = s.get(m.Disclosure, dept_id)
        # exactly what a check against both stored units says now
        doc = load_disclosure(s, d.id)
        fresh = run(doc, rollup_rules(), related_for(s, doc, d.body, d.year))
        assert _rollup(d) == sorted((f.rule, f.severity, f.item, f.message) for f in fresh)
        assert ("rollup-totals", "error", "收入总计") in {r[:3] for r in _rollup(d)}
        assert not any(r[:3] == ("rollup-totals", "error", "收入支出总计") for r in _rollup(d))
        # the other findings stay; the counts follow the findings
        assert sorted(f.rule for f in d.findings if not f.rule.startswith("rollup-")) == sorted(other)
        assert d.errors == sum(f.severity == "error" for f in d.findings)
        assert d.warnings == sum(f.severity == "warning" for f in d.findings)
        # every located finding points at a stored cell of this version
        located = [loc for f in d.findings if f.rule == "rollup-totals" for loc in f.locations]
        assert located and all(loc.cell_id is not None for loc in located)
        cells = set(s.scalars(select(m.Cell.id).where(m.Cell.disclosure_id == d.id)))
        assert {loc.cell_id for loc in located} <= cells

        log = rechecks(s, d.id)
        assert len(log) == 2  # one per unit published
        assert [x["units"] for x in log] == [2, 1] and log[0]["complete"]
        assert log[0]["cause_body"] == "深圳市生态环境智能管控中心"
        assert any(k.startswith("rollup-totals:error") for k in log[0]["after"])


def test_a_unit_draft_rechecks_nothing(store):
    with store.session() as s:
        dept = ensure_body(s, "深圳市生态环境局")
        doc = _wrong_department()
        stored = ingest(s, doc, run(doc), [UploadedFile("部门.txt", b"dept", "text")], status="published", body=dept)
        ingest(s, *checked(UNITS[0]), status="draft")
        assert rechecks(s, stored.id) == [] and _rollup(stored) == []


def test_the_page_and_api_show_the_recheck(store):
    from fastapi.testclient import TestClient

    from yusuan.web import create_app

    with store.session() as s:
        dept = ensure_body(s, "深圳市生态环境局")
        doc = _wrong_department()
        dept_id = ingest(s, doc, run(doc), [UploadedFile("部门.txt", b"dept", "text")], status="published",
                         body=dept).id
        for name in UNITS:
            ingest(s, *checked(name), status="published", action="import")
    client = TestClient(create_app(store))
    got = client.get(f"/api/disclosures/{dept_id}/findings").json()
    assert len(got["rechecks"]) == 2 and got["rechecks"][0]["cause_body"] == "深圳市生态环境智能管控中心"
    assert any(f["rule"] == "rollup-totals" for f in got["findings"])
    page = client.get(f"/disclosures/{dept_id}")
    assert page.status_code == 200 and "重新核对" in page.text and "深圳市生态环境智能管控中心" in page.text
    with store.session() as s:
        from yusuan.store.access import Principal
        from yusuan.store.queries import audit_log

        log = audit_log(s, Principal("admin"), action="recheck")
    entries = log["entries"]
    assert len(entries) == 2 and {e["disclosure_id"] for e in entries} == {dept_id}
    assert {e["action_name"] for e in entries} == {"与所属单位重新核对"}
