from tests.rules.factories import doc, findings, row, section, table

RULE = "complete-empty-table"


def _empty(notes=()):
    t = table("gov_fund_expense", [row("合计", is_total=True, page=3)], number="7")
    t.empty = True
    t.notes = list(notes)
    return t


def test_passes_when_the_empty_table_says_so():
    assert findings(doc(_empty(["注：本表本年无发生额。"])), RULE) == []
    assert findings(doc(_empty(["说明：本部门无相关收支项目。"])), RULE) == []


def test_passes_when_the_text_explains_it():
    text = section("七、政府性基金支出预算表情况说明", "省检察院2017年政府性基金支出预算支出0万元，本部门无政府性基金预算。")
    assert findings(doc(_empty(), sections=[text]), RULE) == []


def test_fails_when_nothing_explains_an_empty_table():
    assert findings(doc(_empty(["注：本表反映部门本年度政府性基金预算财政拨款收入支出情况。"])), RULE) == [
        (RULE, 3, "7", "", "")]


def test_all_zero_amounts_count_as_empty():
    t = table("soe_capital_expense", [row("合计", is_total=True, total="0", basic="0")], number="11")
    assert findings(doc(t), RULE) == [(RULE, 1, "11", "", "")]


def test_a_definition_in_the_glossary_does_not_explain():
    t = _empty()
    glossary = section("名词解释", "政府性基金：指…，本部门没有。")
    assert findings(doc(t, sections=[glossary]), RULE) == [(RULE, 3, "7", "", "")]


def test_tables_with_amounts_pass():
    t = table("gov_fund_expense", [row("合计", is_total=True, total="5")])
    assert findings(doc(t), RULE) == []
