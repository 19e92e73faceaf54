from tests.rules.factories import doc, findings, row, table

RULE = "recon-economic-classes"


def jiangsu(office: str, gov_fund: str = ""):
    appropriation = table("appropriation_basic_by_economic", [
        row("合计", is_total=True, amount="100.00"),
        row("商品和服务支出", code="302", amount="100.00"),
        row("办公费", code="30201", amount="60.00"),
        row("水费", code="30205", amount="40.00"),
    ], number="6")
    general = table("general_budget_by_economic", [
        row("合计", is_total=True, amount="100.00", page=2),
        row("商品和服务支出", code="302", amount="100.00", page=2),
        row("办公费", code="30201", amount=office, page=2),
        row("水费", code="30205", amount="40.00", page=2),
    ], number="9", title="一般公共预算基本支出预算表")
    fund = table("gov_fund_expense", [row("合计", is_total=True, **({"amount": gov_fund} if gov_fund else {}))],
                 number="7")
    return doc(appropriation, general, fund)


def test_passes_when_both_economic_tables_agree():
    assert findings(jiangsu("60.00"), RULE) == []


def test_fails_where_a_line_differs():
    assert findings(jiangsu("65.00"), RULE) == [(RULE, 1, "6", "办公费", "amount")]


def test_with_government_funds_printed_appropriations_only_bound_the_general_budget():
    # 财政拨款 = 一般公共预算 + 政府性基金: the 财政拨款 line may be larger, never smaller
    assert findings(jiangsu("55.00", gov_fund="5.00"), RULE) == []
    assert findings(jiangsu("65.00", gov_fund="5.00"), RULE) == [(RULE, 1, "6", "办公费", "amount")]
