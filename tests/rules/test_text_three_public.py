from tests.rules.factories import doc, findings, row, section, table

RULE = "text-three-public"


def three_public():
    return table("three_public_costs", [
        row("2022年", total="26", abroad="0", reception="2", vehicle_total="24", vehicle_purchase="0",
            vehicle_operation="24"),
        row("2023年", total="14", abroad="0", reception="0", vehicle_total="14", vehicle_purchase="0",
            vehicle_operation="14"),
    ], number="9")


def test_passes_when_the_text_states_this_years_row():
    text = section("“三公”经费", "2023 年“三公”经费预算 14 万元，比 2022 年预算减少 12 万元。",
                   "2.公务接待费。2023 年预算数 0 万元，比 2022 年减少 2 万元。")
    assert findings(doc(three_public(), sections=[text]), RULE) == []


def test_fails_where_a_part_differs():
    text = section("“三公”经费", "2023 年“三公”经费预算 14 万元。", "公务用车运行维护费 2023 年预算数 12 万元。", page=5)
    assert findings(doc(three_public(), sections=[text]), RULE) == [(RULE, 5, "9", "2023年", "vehicle_operation")]


def test_a_total_after_the_list_is_the_three_public_costs_not_its_last_item():
    text = section("“三公”经费", "2023 年“三公”经费预算安排：因公出国（境）费 0 万元、公务接待费 0 万元、"
                   "公务用车购置及运行维护费 14 万元，共计 14 万元。")
    assert findings(doc(three_public(), sections=[text]), RULE) == []


def test_a_count_of_vehicles_is_never_the_purchase_cost():
    text = section("“三公”经费", "2023 年“三公”经费预算 14 万元。其中公务用车购置 2 辆，公务用车运行维护费 14 万元，"
                   "车辆保有量 5 辆。")
    assert findings(doc(three_public(), sections=[text]), RULE) == []
