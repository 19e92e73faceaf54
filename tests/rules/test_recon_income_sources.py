from tests.rules.factories import doc, findings, row, table

RULE = "recon-income-sources"


def tables(other: str):
    summary = table("income_expense_summary", [
        row("一、财政拨款", side="income", level=1, amount="100.00"),
        row("1.一般公共预算", side="income", level=2, amount="100.00"),
        row("三、其他资金", side="income", level=1, amount="15.00"),
        row("当年收入小计", side="income", is_total=True, amount="115.00"),
    ])
    income = table("income_summary", [
        row("收入总计", is_total=True, amount="115.00", page=2),
        row("一般公共预算资金小计", level=1, is_total=True, amount="100.00", page=2),
        row("公共财政拨款(补助)资金", level=2, amount="100.00", page=2),
        row("其他资金小计", level=1, is_total=True, amount=other, page=2),
        row("其他收入", level=2, amount=other, page=2),
    ], number="2")
    appropriation = table("appropriation_summary", [
        row("一、一般公共预算", side="income", level=1, amount="100.00", page=3),
        row("收入合计", side="income", is_total=True, amount="100.00", page=3),
    ], number="4")
    return doc(summary, income, appropriation)


def test_passes_when_each_source_is_the_same_in_every_table():
    assert findings(tables("15.00"), RULE) == []


def test_fails_when_a_source_differs_between_tables():
    assert findings(tables("16.00"), RULE) == [(RULE, 2, "2", "其他资金小计", "amount")]
