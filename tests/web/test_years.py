"""Years and the roll-up: a disclosure beside its year before (page), a body across years, the city's
departments beside their units. API and pages, both databases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from tests.rules.rollup_cases import department, row_of
from tests.web.conftest import BACKENDS, checked, make_store
from yusuan.catalog.codemap import between
from yusuan.rules.registry import run
from yusuan.store import models as m
from yusuan.store.repository import UploadedFile, ensure_body, ingest
from yusuan.store.years import class_lines, mapped_classes
from yusuan.web import create_app

JIANCHAYUAN = ("jiangsu-2017-jianchayuan-budget.pdf", "jiangsu-2018-jianchayuan-budget.pdf")
ZHENGXIE = (("jiangsu-2017-zhengxie-bangongting-budget-tables.pdf", "jiangsu-2017-zhengxie-bangongting-budget-text.pdf"),
            ("jiangsu-2019-zhengxie-bangongting-budget-tables.pdf", "jiangsu-2019-zhengxie-bangongting-budget-text.pdf"))
UNITS = ("shenzhen-2023-pingshan-guanliju-budget.txt", "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")


@pytest.fixture(scope="module", params=BACKENDS)
def world(request, tmp_path_factory):
    pg = request.getfixturevalue("pg_base") if request.param == "postgresql" else None
    with make_store(request.param, tmp_path_factory.mktemp(request.param), pg) as store:
        ids = {}
        with store.session() as s:
            for name in JIANCHAYUAN:
                ids[name] = ingest(s, *checked(name), status="published", action="import").id
            for names in ZHENGXIE:
                ids[names[0]] = ingest(s, *checked(*names), status="published", action="import").id
            dept = ensure_body(s, "深圳市生态环境局")
            doc = department()
            row_of(doc, "income_expense_summary", item="收入总计", side="income").values["amount"].amount += 5
            ids["dept"] = ingest(s, doc, run(doc), [UploadedFile("部门.txt", b"dept", "text")], status="published",
                                 body=dept).id
            ids["dept_body"] = dept.id
            for name in UNITS:
                ids[name] = ingest(s, *checked(name), status="published", action="import").id
            ids["zhengxie_body"] = s.get(m.Disclosure, ids[ZHENGXIE[1][0]]).body_id
        yield TestClient(create_app(store)), ids


def test_the_year_before_page_shows_changes_lines_of_one_year_and_the_class_chart(world):
    client, ids = world
    this, last = ids[JIANCHAYUAN[1]], ids[JIANCHAYUAN[0]]
    api = client.get(f"/api/disclosures/{this}/prior-year").json()
    classes = {x["code"]: x["values"] for x in api["classes"]["lines"]}
    assert api["classes"]["years"] == [2017, 2018] and classes["204"] == ["13641.34", "16444.36"]
    by_function = next(t for t in api["tables"] if t["kind"] == "general_budget_by_function")
    assert "2040404" in {x["code"] for x in by_function["only_prior"]}  # 查办和预防职务犯罪: gone in 2018
    assert "2080505" in {x["code"] for x in by_function["only_current"]}  # 养老保险缴费: new in 2018
    # a line in both years is never listed as only in one
    both = {x["code"] for x in by_function["lines"]}
    assert not both & {x["code"] for x in by_function["only_current"] + by_function["only_prior"]}

    page = client.get(f"/disclosures/{this}/prior-year")
    assert page.status_code == 200
    for text in ("与上年对比", "只在上年出现的科目", "只在本年出现的科目", "2040404", "（科目调整：30311→30113）",
                 "比上年预算增加289.55万元，增长36.92%", 'data-chart="classes"', "16,444.36"):
        assert text in page.text, text
    assert f'href="/disclosures/{this}/prior-year"' in client.get(f"/disclosures/{this}").text
    assert "/prior-year" not in client.get(f"/disclosures/{last}").text  # no year before: no link
    assert "没有找到本单位上一年度" in client.get(f"/disclosures/{last}/prior-year").text
    assert client.get("/disclosures/999999/prior-year").status_code == 404


def test_a_body_across_years(world):
    client, ids = world
    body = ids["zhengxie_body"]
    api = client.get(f"/api/bodies/{body}/years").json()
    assert [y["year"] for y in api["years"]] == [2017, 2019]
    first, second = api["years"]
    assert (first["totals"]["spending"], second["totals"]["spending"]) == ("9146.79", "13377.11")
    change = second["changes"]["spending"]
    assert Decimal(change["diff"]) == Decimal("13377.11") - Decimal("9146.79") and change["pct"] == "46.25"
    assert second["since"] == 2017 and first["changes"]["spending"]["diff"] is None
    assert second["totals"]["three_public"] == "660.1" and second["totals"]["office_operating"] == "1130.74"
    lines = {x["code"]: x["values"] for x in api["classes"]["lines"]}
    assert lines["201"] == ["6463.55", "10191.56"]
    assert api["chart"]["years"] == [2017, 2019] and api["chart"]["series"][0]["name"] == "支出总计"
    assert client.get(f"/api/bodies/{body}/years?kind=final_accounts").json()["years"] == []
    assert client.get("/api/bodies/999999/years").status_code == 404

    page = client.get(f"/bodies/{body}/years")
    assert page.status_code == 200
    for text in ("历年预算", "13,377.11", "4,230.32（46.25%）", "一般公共服务支出", "<polyline", 'data-chart="years"'):
        assert text in page.text, text
    assert f'href="/bodies/{body}/years"' in client.get(f"/bodies/{body}").text


def test_a_renamed_class_is_one_line_across_years():
    ymap = between(2018, 2019)
    carried = mapped_classes({"210": ("医疗卫生与计划生育支出", Decimal(5)), "201": ("一般公共服务支出", Decimal(7))}, ymap)
    assert carried["210"]["note"] == "（科目更名：医疗卫生与计划生育支出→卫生健康支出）"
    lines = class_lines([2018, 2019], {2018: {"210": ("医疗卫生与计划生育支出", Decimal(50000))},
                                       2019: {"210": ("卫生健康支出", Decimal(60000))}})
    assert lines == [{"code": "210", "name": "卫生健康支出", "values": ["5", "6"],
                      "notes": ["（科目更名：医疗卫生与计划生育支出→卫生健康支出）"]}]


def test_the_city_rollup(world):
    client, ids = world
    api = client.get("/api/rollup?year=2023").json()
    assert api["year"] == 2023
    row = next(x for x in api["departments"] if x["body"]["name"] == "深圳市生态环境局")
    assert row["disclosure"]["id"] == ids["dept"] and row["unit_count"] == 2 and row["complete"]
    # the department is made of its units: the same spending, no difference
    assert row["own"]["spending"] == row["units"]["spending"] and Decimal(row["difference"]["spending"]) == 0
    assert row["findings"].get("error") and "rollup-totals" in row["rules"]  # 收入总计 off by 5
    assert Decimal(api["city"]["spending"]) == sum(
        Decimal((x["own"] or x["units"])["spending"]) for x in api["departments"])
    sizes = [Decimal((x["own"] or x["units"])["spending"] or 0) for x in api["departments"]]
    assert sizes == sorted(sizes, reverse=True)
    assert not any(x["body"]["name"].startswith("江苏") for x in api["departments"])  # another year

    page = client.get("/rollup?year=2023")
    assert page.status_code == 200
    for text in ("全市部门汇总", "深圳市生态环境局", f'href="/disclosures/{ids["dept"]}"', "错误"):
        assert text in page.text, text
    assert client.get("/rollup?year=2018").status_code == 200
    assert client.get("/api/rollup?kind=nonsense").status_code == 422
