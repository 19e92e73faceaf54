from tests.rules.factories import doc, findings, row, table

RULE = "arith-column-parts"


def test_passes_when_total_is_basic_plus_project():
    t = table("expense_summary", [row("行政运行", code="2010101", total="100", basic="60", project="40")])
    assert findings(doc(t), RULE) == []


def test_fails_when_total_is_not_basic_plus_project():
    t = table("expense_summary", [row("行政运行", code="2010101", total="100", basic="60", project="45")])
    assert findings(doc(t), RULE) == [(RULE, 1, "1", "行政运行", "total")]


def test_three_public_costs_parts():
    good = row("2023年", total="14", abroad="0", reception="0", vehicle_total="14", vehicle_purchase="0",
               vehicle_operation="14")
    bad = row("2023年", total="14", abroad="0", reception="0", vehicle_total="14", vehicle_purchase="5",
              vehicle_operation="14")
    assert findings(doc(table("three_public_costs", [good])), RULE) == []
    assert findings(doc(table("three_public_costs", [bad])), RULE) == [(RULE, 1, "1", "2023年", "vehicle_total")]


def test_basic_split_into_personnel_and_public():
    t = table("income_expense_summary", [row("一、一般公共服务支出", total="100", basic_personnel="50",
                                             basic_public="20", project="30")])
    assert findings(doc(t), RULE) == []
