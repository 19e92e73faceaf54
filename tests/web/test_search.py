"""Search, on SQLite and PostgreSQL: numbers grouped by disclosure, filtered by year, body, kind of table
and of document, every amount in the unit asked for, each with the place it is printed at named as its
file counts (page, line, sheet and cell), and the same results as CSV."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from yusuan.store.queries import place_name


def _groups(page: str) -> list[str]:
    return re.findall(r'<section class="result-group" id="d(\d+)"', page)


def test_results_are_grouped_by_disclosure(world):
    c = world.clients["admin"]  # sees 坪山 (published) and the drafts of 甲单位 and 甲二单位
    page = c.get("/search?code=21101").text
    cells = c.get("/api/cells?code_prefix=21101&limit=5000").json()["cells"]
    disclosures = list(dict.fromkeys(str(x["disclosure_id"]) for x in cells))
    assert len(disclosures) >= 3 and _groups(page) == disclosures  # each disclosure once, its numbers under it
    for x in cells:
        assert f'/disclosures/{x["disclosure_id"]}#c{x["id"]}' in page


def test_filters_narrow_the_results(world):
    c = world.clients["admin"]
    everything = c.get("/api/cells?code_prefix=2010101&limit=5000").json()["cells"]
    only_table = [x for x in everything if x["kind"] == "general_budget_by_function"]
    assert 0 < len(only_table) < len(everything)
    page = c.get("/search?code=2010101&kind=general_budget_by_function").text
    assert page.count('href="/disclosures/') - page.count('<h3><a href="/disclosures/') == len(only_table)
    assert "科目（0 个数字" in c.get("/search?code=2010101&year=1999").text
    # the kind of document: only 决算 (other tests of this session's database may derive one)
    finals = _groups(c.get("/search?code=2010101&doc_kind=final_accounts").text)
    assert str(world.ids["published"]) not in finals
    assert all(c.get(f"/api/disclosures/{d}").json()["disclosure"]["kind"] == "final_accounts" for d in finals)
    assert _groups(c.get("/search?code=2010101&q=坪山").text) == [str(world.ids["published"])]


def test_amounts_are_in_the_unit_asked_for(world):
    """坪山管理局 prints 万元: 行政运行 242 万元 is 242.00 in 万元 and 2,420,000.00 in 元."""
    c = world.clients["public"]
    assert ">242.00<" in c.get("/search?code=2010101&q=坪山").text
    page = c.get("/search?code=2010101&q=坪山&unit=元").text
    assert ">2,420,000.00<" in page and "金额（元）" in page and ">242.00<" not in page


def test_places_are_named_as_their_file_counts():
    assert place_name("pdf", 3) == "第 3 页"
    assert place_name("text", 246) == "第 246 行"
    assert place_name("workbook", 2, "D7") == "第 2 张工作表 D7 格"
    assert place_name("docx", 4) == "第 4 页"
    assert place_name("pdf", None) == ""


def test_a_text_file_names_lines_not_pages(world):
    """坪山管理局's publication is a text file: its numbers are on lines."""
    page = world.clients["public"].get("/search?code=2010101&q=坪山").text
    assert "原文第 246 行" in page and "第 246 页" not in page
    cells = world.clients["public"].get("/api/cells?code=2010101&limit=5").json()["cells"]
    assert cells[0]["place"].endswith("行") and cells[0]["format"] == "text" and cells[0]["file_id"]


def test_results_export_as_csv(world):
    c = world.clients["admin"]
    r = c.get("/api/search.csv?code=2010101&unit=元")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8").lstrip("\ufeff"))))
    cells = c.get("/api/cells?code_prefix=2010101&limit=5000").json()["cells"]
    assert len(rows) == len(cells)
    assert {"单位", "年度", "类型", "表格", "科目编码", "科目名称", "栏目", "金额", "金额单位", "原文位置"} <= set(rows[0])
    for row, cell in zip(rows, cells):
        assert row["科目编码"] == "2010101" and row["金额单位"] == "元"
        assert Decimal(row["金额"]) == Decimal(cell["yuan"])
        assert row["原文位置"] == cell["place"]
    narrowed = c.get("/api/search.csv?code=2010101&kind=general_budget_by_function").content.decode("utf-8")
    assert len(list(csv.DictReader(io.StringIO(narrowed.lstrip("\ufeff"))))) < len(rows)


def test_the_public_finds_no_draft(world):
    c = world.clients["public"]
    page = c.get("/search?code=2010101").text
    assert _groups(page) == list(dict.fromkeys(
        str(x["disclosure_id"]) for x in c.get("/api/cells?code_prefix=2010101&limit=5000").json()["cells"]))
    assert str(world.ids["draft"]) not in _groups(page)
    text = c.get("/api/search.csv?code=2010101").content.decode("utf-8")
    assert "甲单位" not in text
