from tests.rules.factories import doc, findings, section

RULE = "ident-prior-year"


def _doc(text):
    return doc(sections=[section("第二部分 部门预算收支总体情况", text, page=57)], year=2023)


def test_passes_when_comparing_with_the_year_before():
    assert findings(_doc("部门预算收入 7,656 万元，比 2022 年减少 343 万元；较 2022 年预算增加 114 万元。"), RULE) == []
    assert findings(_doc("与2022年度相比，收入支出总计增加307.82万元。"), RULE) == []


def test_fails_when_comparing_with_another_year():
    assert findings(_doc("部门预算收入 7,656 万元，比 2021 年减少 343 万元。"), RULE) == [
        (RULE, 57, "", "…56 万元，比 2021 年减少 343…", "")]
