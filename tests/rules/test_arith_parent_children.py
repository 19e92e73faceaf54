from tests.rules.factories import doc, findings, row, table

RULE = "arith-parent-children"


def function_table(leaf: str):
    return table("general_budget_by_function", [
        row("合计", is_total=True, amount="30"),
        row("一般公共服务支出", code="201", amount="30"),
        row("人大事务", code="20101", amount="30"),
        row("行政运行", code="2010101", amount="20", page=2),
        row("一般行政管理事务", code="2010102", amount=leaf, page=2),
    ])


def test_passes_when_parents_add_up():
    assert findings(doc(function_table("10")), RULE) == []


def test_fails_where_a_parent_differs_from_its_children():
    assert findings(doc(function_table("12")), RULE) == [(RULE, 1, "1", "人大事务", "amount")]


def test_rounding_within_tolerance_is_not_an_error():
    # two children printed in whole 万元: up to (2 + 1) * 1 / 2 = 1.5 apart through rounding
    assert findings(doc(function_table("11")), RULE) == []
