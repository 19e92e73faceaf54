from tests.rules.factories import doc, findings, row, table

RULE = "recon-function-classes"


def shenzhen(line: str):
    summary = table("income_expense_summary", [
        row("一、政府预算拨款", side="income", level=1, amount="300"),
        row("一、节能环保支出", side="expense", level=1, amount="300"),
        row("环境保护管理事务", side="expense", amount="200"),
        row("行政运行", side="expense", amount=line),
        row("一般行政管理事务", side="expense", amount="100"),
        row("污染防治", side="expense", amount="100"),
        row("其他污染防治支出", side="expense", amount="100"),
        row("其他环境保护支出", side="expense", amount="0"),  # a zero line the coded table leaves out
        row("本年收入合计", side="income", is_total=True, amount="300"),
        row("本年支出合计", side="expense", is_total=True, amount="300"),
    ])
    expense = table("expense_summary", [
        row("某单位", is_total=True, total="300", page=2),
        row("节能环保支出", code="211", total="300", page=2),
        row("环境保护管理事务", code="21101", total="200", page=2),
        row("行政运行", code="2110101", total="100", page=2),
        row("一般行政管理事务", code="2110102", total="100", page=2),
        row("污染防治", code="21103", total="100", page=2),
        row("其他污染防治支出", code="2110399", total="100", page=2),
    ], number="3")
    return doc(summary, expense)


def test_passes_when_named_lines_match_the_coded_lines_in_order():
    assert findings(shenzhen("100"), RULE) == []


def test_fails_on_a_line_that_differs_from_its_code_in_the_expense_table():
    assert findings(shenzhen("110"), RULE) == [(RULE, 2, "3", "行政运行", "total")]


def test_a_line_the_government_fund_table_does_not_list_is_all_general_budget():
    appropriation = table("appropriation_expense", [
        row("合计", is_total=True, amount="105"),
        row("一般公共服务支出", code="201", amount="100"),
        row("城乡社区支出", code="212", amount="5"),
    ], number="5")
    general = table("general_budget_by_function", [
        row("合计", is_total=True, amount="100", page=2),
        row("一般公共服务支出", code="201", amount="100", page=2),
    ], number="8")
    fund = table("gov_fund_expense", [
        row("合计", is_total=True, amount="5", page=3),
        row("城乡社区支出", code="212", amount="5", page=3),
    ], number="10")
    assert findings(doc(appropriation, general, fund), RULE) == []
    appropriation.rows[1].values["amount"].amount += 3
    assert findings(doc(appropriation, general, fund), RULE) == [(RULE, 1, "5", "一般公共服务支出", "amount")]
