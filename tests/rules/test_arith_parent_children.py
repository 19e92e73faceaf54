from tests.rules.factories import D, doc, findings, row, table

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


def yuan_table(parent: str):
    """一般公共预算支出功能分类预算表 in 元 (上海 2025 普陀区万里街道): the 款 printed in whole 元 beside 项 printed
    with cents."""
    return table("general_budget_by_function", [
        row("统计信息事务", code="20105", total=parent),
        row("统计抽样调查", code="2010505", total="219,150.45"),
        row("专项普查活动", code="2010507", total="219,150.45"),
    ], unit="元")


def test_each_printed_value_rounds_at_its_own_unit():
    # 438,301 is 438,300.90 rounded to the 元: within 0.5 + 0.005 + 0.005
    assert findings(doc(yuan_table("438,301")), RULE) == []
    assert findings(doc(yuan_table("438,302")), RULE) == [(RULE, 1, "1", "统计信息事务", "total")]
    f = __import__("yusuan.rules.registry", fromlist=["run"]).run(doc(yuan_table("438,302")), only=[RULE])[0]
    assert f.tolerance == D("0.51")
