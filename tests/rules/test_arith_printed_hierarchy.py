from tests.rules.factories import doc, findings, row, table

RULE = "arith-printed-hierarchy"


def income(fiscal: str):
    return table("income_expense_summary", [
        row("一、财政拨款", side="income", level=1, amount=fiscal),
        row("1.一般公共预算", side="income", level=2, amount="80"),
        row("2.政府性基金预算", side="income", level=2, amount="10"),
        row("二、其他资金", side="income", level=1, amount="10"),
        row("本年收入合计", side="income", is_total=True, amount="100"),
    ])


def test_passes_when_an_ordinal_row_is_the_sum_of_its_lines():
    assert findings(doc(income("90")), RULE) == []


def test_fails_when_an_ordinal_row_is_not_the_sum_of_its_lines():
    assert findings(doc(income("95")), RULE) == [(RULE, 1, "1", "一、财政拨款", "amount")]


def procurement(item: str):
    return table("procurement", [
        row("合计", is_total=True, total="50.00"),
        row("一、货物A", level=1, total="50.00"),
        row("办公设备购置", level=2, total="50.00"),
        row("台式计算机", level=3, total="20.00", page=2),
        row("物业管理服务", level=3, total=item, page=2),
        row("", level=0, total="10.00", page=2),  # the same item again, printed without its name
    ])


def test_procurement_groups_by_depth_with_continuation_lines():
    assert findings(doc(procurement("20.00")), RULE) == []
    assert findings(doc(procurement("25.00")), RULE) == [(RULE, 1, "1", "办公设备购置", "total")]


def test_fails_when_an_of_which_line_exceeds_its_row():
    t = table("income_summary", [
        row("收入总计", is_total=True, amount="10"),
        row("上年结转和结余资金小计", level=1, is_total=True, amount="10"),
        row("其中：动用上年结转和结余资金", level=2, amount="12", page=2),
    ])
    assert findings(doc(t), RULE) == [(RULE, 1, "1", "上年结转和结余资金小计", "amount")]


def test_income_lines_without_ordinals_fall_under_their_fund():
    t = table("appropriation_summary", [
        row("政府预算拨款", side="income", amount="100"),
        row("一般公共预算拨款", side="income", amount="90"),
        row("政府性基金预算拨款", side="income", amount="0"),
        row("本年收入合计", side="income", is_total=True, amount="100"),
    ])
    assert findings(doc(t), RULE) == [(RULE, 1, "1", "政府预算拨款", "amount")]
    assert findings(doc(t), "arith-total-rows") == []
