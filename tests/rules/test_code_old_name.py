from tests.rules.factories import doc, findings, row, section, table

RULE = "code-old-name"


def summary():
    return table("income_expense_summary", [
        row("七、文化体育与传媒支出", side="expense", page=1),
        row("八、社会保障和就业支出", side="expense", amount="858.51", page=1),
        row("九、医疗卫生与计划生育支出", side="expense", page=1),
    ], number="1", title="收支预算总表")


def test_passes_before_the_rename_and_for_the_new_names():
    assert findings(doc(summary(), year=2018), RULE) == []
    t = table("general_budget_by_function", [row("卫生健康支出", code="210", amount="2.71")], number="5")
    s = section("（二）一般公共预算财政拨款支出决算结构情况", "卫生健康支出（类）2.71 万元，占 0.88%。")
    assert findings(doc(t, sections=[s], year=2024), RULE) == []


def test_fails_for_an_old_name_in_a_table_and_in_the_text():
    s = section("二、财政拨款支出预算", "3．医疗卫生与计划生育（类）支出 63.19 万元，主要用于行政单位医疗。", page=6)
    assert findings(doc(summary(), sections=[s], year=2019), RULE) == [
        (RULE, 6, "", "3．医疗卫生与计划生育（类）支出 …", ""),
        (RULE, 1, "1", "七、文化体育与传媒支出", ""),
        (RULE, 1, "1", "九、医疗卫生与计划生育支出", ""),
    ]


def test_a_rename_is_checked_from_the_first_year_a_source_shows_it():
    t = table("general_budget_by_function", [row("资源勘探信息等支出", code="215", amount="10", page=3)], number="5")
    assert findings(doc(t, year=2019), RULE) == []
    assert findings(doc(t, year=2024), RULE) == [(RULE, 3, "5", "资源勘探信息等支出", "")]
