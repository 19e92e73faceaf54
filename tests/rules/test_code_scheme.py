from tests.rules.factories import doc, findings, row, table

RULE = "code-scheme"


def test_passes_when_codes_belong_to_the_tables_scheme():
    f = table("general_budget_by_function", [row("行政运行", code="2010101", amount="1")], number="7")
    e = table("general_budget_by_economic", [row("基本工资", code="30101", amount="1")], number="8")
    assert findings(doc(f, e), RULE) == []


def test_fails_for_an_economic_code_in_a_function_table():
    f = table("general_budget_by_function", [row("基本工资", code="30101", amount="1", page=5)], number="7")
    assert findings(doc(f), RULE) == [(RULE, 5, "7", "基本工资", "")]


def test_fails_for_a_malformed_code():
    e = table("general_budget_by_economic", [row("办公费", code="302011", amount="1")], number="8")
    assert findings(doc(e), RULE) == [(RULE, 1, "8", "办公费", "")]


def test_purpose_side_of_a_summary_is_economic():
    t = table("income_expense_summary", [row("工资福利支出", code="301", side="purpose", amount="1")])
    assert findings(doc(t), RULE) == []
