from tests.rules.factories import doc, findings, row, table

RULE = "recon-three-public-economic"


def shenzhen(vehicle: str):
    """表8 lists basic and project spending: the 三公 lines equal the economic lines."""
    econ = table("general_budget_by_economic", [
        row("某单位", is_total=True, total="30", basic="30", project="0"),
        row("商品和服务支出", code="302", total="30", basic="30", project="0"),
        row("公务接待费", code="30217", total="16", basic="16", project="0"),
        row("公务用车运行维护费", code="30231", total="14", basic="14", project="0"),
    ], number="8", title="一般公共预算支出表（按经济分类）")
    three = table("three_public_costs", [
        row("2022年", total="26", reception="2", vehicle_total="24", vehicle_operation="24", page=2),
        row("2023年", total=str(16 + int(vehicle)), reception="16", vehicle_total=vehicle,
            vehicle_operation=vehicle, page=2),
    ], number="9")
    return doc(econ, three)


def test_passes_when_the_three_public_lines_match_the_economic_lines():
    assert findings(shenzhen("14"), RULE) == []


def test_fails_when_vehicle_operation_differs_from_30231():
    assert findings(shenzhen("20"), RULE) == [(RULE, 2, "9", "2023年", "vehicle_operation")]


def test_basic_only_economic_table_gives_a_floor():
    econ = table("general_budget_by_economic", [
        row("合计", is_total=True, amount="100.00"),
        row("商品和服务支出", code="302", amount="100.00"),
        row("公务接待费", code="30217", amount="36.55"),
    ], number="9", title="一般公共预算基本支出预算表")
    more = table("three_public_costs", [row("某单位", is_total=True, reception="156.55")], number="11")
    less = table("three_public_costs", [row("某单位", is_total=True, reception="30.00")], number="11")
    assert findings(doc(econ, more), RULE) == []
    assert findings(doc(econ, less), RULE) == [(RULE, 1, "11", "某单位", "reception")]
