from tests.rules.factories import doc, findings, row, table

RULE = "code-name-consistent"


def test_passes_when_a_code_has_one_name_everywhere():
    a = table("expense_summary", [row("行政运行", code="2010101", total="1")], number="3")
    b = table("general_budget_by_function", [row("行政运行", code="2010101", total="1")], number="7")
    assert findings(doc(a, b), RULE) == []


def test_fails_where_the_same_code_has_another_name():
    a = table("expense_summary", [row("行政运行", code="2010101", total="1")], number="3")
    b = table("general_budget_by_function", [row("一般行政管理事务", code="2010101", total="1", page=9)], number="7")
    assert findings(doc(a, b), RULE) == [(RULE, 9, "7", "一般行政管理事务", "")]
