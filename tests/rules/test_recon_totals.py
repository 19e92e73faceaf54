from tests.rules.factories import D, doc, findings, row, table

RULE = "recon-totals"


def jiangsu(expense_total: str = "", other: str = ""):
    income = [row("一、财政拨款", side="income", level=1, amount="100"),
              row("1.一般公共预算", side="income", level=2, amount="100")]
    if other:
        income.append(row("三、其他资金", side="income", level=1, amount=other))
    total = str(100 + int(other or 0))
    expense_total = expense_total or total
    summary = table("income_expense_summary", income + [
        row("一、基本支出", side="purpose", level=1, amount="70"),
        row("二、项目支出", side="purpose", level=1, amount=str(30 + int(other or 0))),
        row("当年收入小计", side="income", is_total=True, amount=total),
        row("当年支出小计", side="purpose", is_total=True, amount=total),
    ], number="1")
    expense = table("expense_summary", [
        row("某单位", is_total=True, total=expense_total, basic="70", project=str(30 + int(other or 0)), page=2),
    ], number="3")
    appropriation = table("appropriation_summary", [
        row("一、一般公共预算", side="income", level=1, amount="100", page=3),
        row("一、基本支出", side="purpose", level=1, amount="70", page=3),
        row("二、项目支出", side="purpose", level=1, amount="30", page=3),
        row("收入合计", side="income", is_total=True, amount="100", page=3),
        row("支出合计", side="purpose", is_total=True, amount="100", page=3),
    ], number="4")
    function = table("general_budget_by_function", [
        row("合计", is_total=True, amount="100", page=4),
        row("一般公共服务支出", code="201", amount="100", page=4),
    ], number="8")
    gov_fund = table("gov_fund_expense", [row("合计", is_total=True, page=5)], number="7")
    gov_fund.empty = True
    return doc(summary, expense, appropriation, function, gov_fund)


def test_passes_when_every_table_prints_the_same_totals():
    assert findings(jiangsu(), RULE) == []


def test_fails_on_the_table_whose_total_differs():
    assert findings(jiangsu("110"), RULE) == [(RULE, 2, "3", "某单位", "total")]


def test_all_funds_are_not_compared_with_appropriations_when_other_funds_are_printed():
    assert findings(jiangsu(other="20"), RULE) == []
    assert findings(jiangsu("130", other="20"), RULE) == [(RULE, 2, "3", "某单位", "total")]


def test_performance_targets_total_matches_the_summary():
    summary = table("income_expense_summary", [
        row("一、政府预算拨款", side="income", level=1, amount="5,682"),
        row("三、单位资金", side="income", level=1, amount="941"),
        row("本年收入合计", side="income", is_total=True, amount="6,623"),
        row("本年支出合计", side="expense", is_total=True, amount="6,623"),
    ])
    targets = table("performance_targets", [
        row("基本支出", total="913", fiscal="913", other="0", page=9),
        row("金额合计", is_total=True, total="6,632", fiscal="5,682", other="950", page=9),
    ], number="12")
    assert findings(doc(summary, targets), RULE) == [(RULE, 9, "12", "金额合计", "total")]


def test_appropriations_are_the_general_budget_plus_government_funds():
    d = jiangsu()
    fund = d.tables[-1]
    fund.empty = False
    fund.rows[0].values.update(row("合计", amount="5").values)
    # 财政拨款 (here all the funds) 100 ≠ 一般公共预算 100 + 政府性基金 5
    assert findings(d, RULE) == [(RULE, 1, "1", "当年支出小计", "amount")]
    fund.rows[0].values["amount"].amount = D(0)
    assert findings(d, RULE) == []
