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


def final_accounts(expense_grand: str):
    """上海 收入支出决算总表 (2024 普陀区社会工作部): 本年收入合计 and 本年支出合计 differ by what was carried."""
    lines = [("一、一般公共预算财政拨款收入", "327.82", "一、一般公共服务支出", "264.87"),
             ("二、政府性基金预算财政拨款收入", "", "八、社会保障和就业支出", "10.82"),
             ("", "", "十九、住房保障支出", "29.42")]
    rows = []
    for inc, a, exp, b in lines:
        if inc:
            rows.append(row(inc, side="income", level=1, **({"amount__final": a} if a else {})))
        rows.append(row(exp, side="expense", level=1, amount__final=b))
    rows += [
        row("本年收入合计", side="income", is_total=True, amount__final="327.82", page=2),
        row("本年支出合计", side="expense", is_total=True, amount__final="305.11", page=2),
        row("使用非财政拨款结余", side="income", page=2),
        row("结余分配", side="expense", page=2),
        row("年初结转和结余", side="income", amount__final="12.50", page=2),
        row("年末结转和结余", side="expense", amount__final="35.21", page=2),
        row("总计", side="income", is_total=True, amount__final="340.32", page=2),
        row("总计", side="expense", is_total=True, amount__final=expense_grand, page=2),
    ]
    d = doc(table("income_expense_summary", rows, title="收入支出决算总表"), year=2024)
    d.identity.kind = "final_accounts"
    return d


def test_final_accounts_year_totals_differ_by_the_carried_balances():
    assert findings(final_accounts("340.32"), RULE) == []


def test_final_accounts_grand_totals_still_balance():
    assert findings(final_accounts("345.32"), RULE) == [(RULE, 2, "1", "总计", "amount@final")]
