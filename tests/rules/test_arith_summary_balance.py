from tests.rules.factories import doc, findings, row, table

RULE = "arith-summary-balance"


def summary(expense_total: str):
    return table("income_expense_summary", [
        row("一、财政拨款", side="income", level=1, amount="100"),
        row("一、一般公共服务支出", side="expense", level=1, amount="60"),
        row("二、住房保障支出", side="expense", level=1, amount="40"),
        row("一、基本支出", side="purpose", level=1, amount="70"),
        row("二、项目支出", side="purpose", level=1, amount="30"),
        row("当年收入小计", side="income", is_total=True, amount="100", page=2),
        row("当年支出小计", side="expense", is_total=True, amount=expense_total, page=2),
        row("当年支出小计", side="purpose", is_total=True, amount="100", page=2),
        row("上年结转资金", side="income", page=2),
        row("结转下年资金", side="expense", page=2),
        row("结转下年资金", side="purpose", page=2),
        row("收入合计", side="income", is_total=True, amount="100", page=3),
        row("支出合计", side="expense", is_total=True, amount=expense_total, page=3),
        row("支出合计", side="purpose", is_total=True, amount="100", page=3),
    ])


def test_passes_when_every_side_balances_the_income():
    assert findings(doc(summary("100")), RULE) == []


def test_fails_when_the_expense_side_does_not_balance():
    assert findings(doc(summary("90")), RULE) == [
        (RULE, 2, "1", "当年支出小计", "amount"), (RULE, 3, "1", "支出合计", "amount")]


def test_a_blank_side_total_is_read_from_its_lines():
    t = summary("100")
    for r in t.rows:
        if r.side == "expense" and r.is_total:
            r.values.clear()
        if r.item == "二、住房保障支出":
            r.values["amount"].amount += 5
    got = findings(doc(t), RULE)
    assert got == [(RULE, 2, "1", "当年支出小计", "amount"), (RULE, 3, "1", "支出合计", "amount")]


def test_fund_columns_of_the_appropriation_summary_match_the_income_lines():
    t = table("appropriation_summary", [
        row("一、一般公共预算资金", side="income", level=1, amount="100"),
        row("一、一般公共服务支出", side="expense", level=1, total="100", general_budget="100"),
        row("收入总计", side="income", is_total=True, amount="100"),
        row("支出总计", side="expense", is_total=True, total="100", general_budget="90"),
    ])
    assert findings(doc(t), RULE) == [(RULE, 1, "1", "支出总计", "general_budget")]
