"""Names printed in years without their own catalog: the shipped list is 2023's, the code map says what changed."""

import pytest

from tests.rules.factories import doc, findings, row, table
from yusuan.rules.registry import run

RULE = "code-name-other-year"


@pytest.fixture(autouse=True)
def no_user_lists(tmp_path, monkeypatch):
    monkeypatch.setenv("YUSUAN_HOME", str(tmp_path))


def _function(year, *rows):
    return doc(table("general_budget_by_function", list(rows), number="7"), year=year, body="江苏省政协办公厅")


def test_passes_for_the_names_real_publications_print_in_their_years():
    """江苏省政协办公厅 2019 公开05表 and 江苏省人大常委会办公厅 2018 p8: the names of their year, some renamed since."""
    rows = [row("行政事业单位离退休", code="20805", total="1"),  # 养老支出 from 2023 on (code map)
            row("机关事业单位基本养老保险缴费支出", code="2080505", total="1"),
            row("住房公积金", code="2210201", total="1")]
    assert findings(_function(2019, *rows), RULE) == []
    assert findings(_function(2018, row("医疗卫生与计划生育支出", code="210", total="1")), RULE) == []
    assert findings(_function(2025, row("行政事业单位养老支出", code="20805", total="1")), RULE) == []
    basic = table("general_budget_by_economic", [row("其他资本性支出", code="310", total="1")], number="10")
    assert findings(doc(basic, year=2017), RULE) == []


def test_fails_for_a_name_the_nearest_catalog_and_the_map_do_not_know():
    d = _function(2019, row("事业单位医疗", code="2080505", total="1", page=5))
    [f] = run(d, only=[RULE])
    assert (f.severity, f.code, f.item) == ("warning", "2080505", "事业单位医疗")
    assert "最接近的 2023 年科目表中该编码的名称是“机关事业单位基本养老保险缴费支出”" in f.message
    assert "编码对照表中没有该编码在 2019—2023 年间调整的记录" in f.message


def test_a_renamed_code_is_compared_with_its_name_of_the_year():
    [f] = run(_function(2018, row("教育支出", code="210", total="1")), only=[RULE])
    assert "该编码 2018 年的名称是“医疗卫生与计划生育支出”（2023 年科目表中为“卫生健康支出”）" in f.message
    # an old or new name of the map is no misprint here (an old one after the rename is code-old-name's)
    assert findings(_function(2018, row("卫生健康支出", code="210", total="1")), RULE) == []


def test_a_renumbered_code_is_not_compared():
    """30104 其他社会保障缴费 became 30112 in 2018: in 2017, 30104 is not the 2023 list's 30104."""
    basic = table("general_budget_by_economic", [row("其他社会保障缴费", code="30104", total="1"),
                                                 row("办公费", code="30104", total="1")], number="6")
    assert findings(doc(basic, year=2017), RULE) == []


def test_the_documents_own_year_is_code_name_s():
    assert findings(_function(2023, row("事业单位医疗", code="2080505", total="1")), RULE) == []
    assert findings(_function(2023, row("事业单位医疗", code="2080505", total="1")), "code-name") != []
