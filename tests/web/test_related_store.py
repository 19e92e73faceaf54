"""What the store compares a disclosure with: a department's stored units (roll-up rules at intake) and the
same body's disclosure of the year before (prior-year figures through the code map). Both databases."""

from __future__ import annotations


from tests.rules.rollup_cases import department, row_of
from tests.web.conftest import CORPUS, checked
from yusuan.rules.registry import run
from yusuan.store.access import Principal
from yusuan.store.accounts import create_user
from yusuan.store.intake import import_paths, store_read
from yusuan.store.related import related_findings, related_for
from yusuan.store.repository import UploadedFile, ensure_body, ingest
from yusuan.store.yoy import prior_year, with_prior_year

ADMIN_ROLE = "admin"


def _import(s, *names, status="published"):
    doc, findings, files = checked(*names)
    return ingest(s, doc, findings, files, status=status, action="import")


def test_a_department_is_checked_against_its_stored_units(store):
    with store.session() as s:
        dept = ensure_body(s, "深圳市生态环境局")
        _import(s, "shenzhen-2023-pingshan-guanliju-budget.txt")
        _import(s, "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
        related = related_for(s, department(), dept)
        assert sorted(u.identity.body for u in related.units) == ["深圳市生态环境局坪山管理局", "深圳市生态环境智能管控中心"]
        assert related.complete and related.prior is None
        assert related_findings(s, department(), dept) == []

        wrong = department()
        row_of(wrong, "income_expense_summary", item="收入总计", side="income").values["amount"].amount += 5
        admin = create_user(s, "admin", "correct horse battery", ADMIN_ROLE)
        read = (wrong, run(wrong), [UploadedFile("部门.txt", b"dept", "text")])
        stored = store_read(s, Principal(ADMIN_ROLE, admin.id, "admin"), admin, read)
        rules = [(f.rule, f.severity, f.item) for f in stored.findings if f.rule.startswith("rollup-")]
        assert rules == [("rollup-totals", "error", "收入总计")]


def test_a_department_with_a_unit_not_yet_published_is_not_complete(store):
    with store.session() as s:
        dept = ensure_body(s, "深圳市生态环境局")
        _import(s, "shenzhen-2023-pingshan-guanliju-budget.txt")
        _import(s, "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt", status="draft")
        related = related_for(s, department(), dept)
        assert [u.identity.body for u in related.units] == ["深圳市生态环境局坪山管理局"] and not related.complete
        # below the one unit given proves nothing either way about the rest: above it is no error
        assert {f.severity for f in related_findings(s, department(), dept)} == {"info"}


def test_the_year_before_gives_prior_figures_and_checks_the_text(store):
    with store.session() as s:
        last = _import(s, "jiangsu-2017-jianchayuan-budget.pdf")
        this = import_paths(s, [CORPUS / "jiangsu-2018-jianchayuan-budget.pdf"])  # read, checked, stored
        assert last.body_id == this.body_id
        found = {(f.rule, f.severity, f.item) for f in this.findings if f.rule == "text-prior-published"}
        assert ("text-prior-published", "warning", "因公出国(境)费") in found

        admin = Principal(ADMIN_ROLE)
        view = prior_year(s, admin, this.id)
        assert view["prior"]["year"] == 2017
        econ = next(t for t in view["tables"] if t["kind"] == "general_budget_by_economic")
        housing = next(x for x in econ["lines"] if x["code"] == "30113")
        assert (housing["prior"], housing["note"]) == ("784.22", "（科目调整：30311→30113）")
        assert housing["words"] == "比上年预算增加289.55万元，增长36.92%"
        wages = next(x for x in econ["lines"] if x["code"] == "301")
        assert wages["prior"] is None and wages["unsure"]

        filled = with_prior_year(s, admin, this.id)
        table = next(t for t in filled.tables if t.kind == "general_budget_by_economic")
        assert next(r for r in table.rows if r.code == "30113").values["amount@prior_budget"].text == "784.22"
        assert prior_year(s, admin, last.id)["prior"] is None


def test_the_api_gives_the_year_before_of_a_published_disclosure(store):
    from fastapi.testclient import TestClient

    from yusuan.web import create_app

    with store.session() as s:
        _import(s, "jiangsu-2017-jianchayuan-budget.pdf")
        this = _import(s, "jiangsu-2018-jianchayuan-budget.pdf").id
    got = TestClient(create_app(store)).get(f"/api/disclosures/{this}/prior-year")
    assert got.status_code == 200
    body = got.json()
    assert body["prior"]["year"] == 2017
    summary = next(t for t in body["tables"] if t["kind"] == "income_expense_summary")
    total = next(x for x in summary["lines"] if x["item"] == "收入合计")
    assert (total["current"], total["prior"]) == ("21,955.35", "17996.68")
    assert TestClient(create_app(store)).get("/api/disclosures/999999/prior-year").status_code == 404
