from tests.rules.factories import doc, findings, row, section, table

RULE = "text-function-items"


def function_table():
    return table("general_budget_by_function", [
        row("合计", is_total=True, amount="438300"),
        row("一般公共服务支出", code="201", amount="438300"),
        row("统计信息事务", code="20105", amount="438300"),
        row("专项普查活动", code="2010507", amount="438300"),
    ], number="5", unit="元")


def test_passes_when_the_item_matches_its_row():
    text = section("说明", "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目43.83万元，主要用于统计管理。")
    assert findings(doc(function_table(), sections=[text], year=2025), RULE) == []


def test_fails_where_the_item_differs_from_its_row():
    text = section("说明", "1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”科目48.33万元，主要用于统计管理。", page=6)
    assert findings(doc(function_table(), sections=[text], year=2025), RULE) == [
        (RULE, 6, "5", "专项普查活动", "amount")]


def test_a_class_under_a_heading():
    t = table("appropriation_expense", [
        row("公共安全支出", code="204", amount="10"), row("检察", code="20404", amount="10"),
        row("行政运行", code="2040401", amount="10"),
    ], number="5")
    from yusuan.model.disclosure import Section
    s = section("（一）公共安全（类）", "1．检察（款）行政运行（项）支出 12万元，与上年相比增加 2万元。")
    assert isinstance(s, Section)
    assert findings(doc(t, sections=[s]), RULE) == [(RULE, 1, "5", "行政运行", "amount")]


def test_an_item_named_with_its_codes():
    t = table("general_budget_by_function", [
        row("卫生健康支出", code="210", amount="1149700"), row("行政事业单位医疗", code="21011", amount="1149700"),
        row("行政单位医疗", code="2101101", amount="1149700"),
    ], number="5", unit="元")
    ok = section("说明", "11、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。")
    wrong = section("说明", "11、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）141.97万元。", page=9)
    assert findings(doc(t, sections=[ok], year=2026), RULE) == []
    assert findings(doc(t, sections=[wrong], year=2026), RULE) == [(RULE, 9, "5", "行政单位医疗", "amount")]
