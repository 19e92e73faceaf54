from tests.rules.factories import doc, findings, row, table

RULE = "recon-office-operating"


def jiangsu(office: str):
    econ = table("general_budget_by_economic", [
        row("合计", is_total=True, amount="300.00"),
        row("工资福利支出", code="301", amount="200.00"),
        row("商品和服务支出", code="302", amount="100.00"),
        row("办公费", code="30201", amount="100.00"),
    ], number="9", title="一般公共预算基本支出预算表")
    office_table = table("office_operating_costs", [
        row("合计", is_total=True, amount=office, page=2),
        row("商品和服务支出", code="302", amount=office, page=2),
        row("办公费", code="30201", amount=office, page=2),
    ], number="10")
    return doc(econ, office_table)


def test_passes_when_office_costs_are_within_basic_spending():
    assert findings(jiangsu("100.00"), RULE) == []


def test_fails_when_office_costs_exceed_the_basic_class():
    assert findings(jiangsu("150.00"), RULE) == [(RULE, 2, "10", "商品和服务支出", "amount")]


def test_shanghai_office_costs_within_public_funds():
    econ = table("general_budget_by_economic", [
        row("商品和服务支出", code="302", total="1,710,062.00", basic_public="1,710,062.00"),
        row("合计", is_total=True, total="1,710,062.00", basic_public="1,710,062.00"),
    ], number="", title="一般公共预算基本支出部门预算经济分类预算表", unit="元")
    ok = table("three_public_costs", [row("某单位", is_total=True, office_operating="171.01")], number="")
    bad = table("three_public_costs", [row("某单位", is_total=True, office_operating="180.00")], number="")
    assert findings(doc(econ, ok), RULE) == []
    assert findings(doc(econ, bad), RULE) == [(RULE, 1, "", "某单位", "office_operating")]
