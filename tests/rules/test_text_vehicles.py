from tests.rules.factories import doc, findings, section

RULE = "text-vehicles"


def test_passes_when_vehicles_and_their_costs_agree():
    text = section("其他", "2025年“三公”经费预算数为37.91万元。其中：公务用车购置费15万元；公务用车运行费21.56万元。",
                   "截至2024年8月31日，本部门共有车辆8辆。2025年部门预算安排购置车辆1辆。")
    assert findings(doc(sections=[text], year=2025), RULE) == []


def test_fails_where_there_is_no_vehicle_to_run():
    text = section("其他", "2025年“三公”经费预算数为21.56万元。其中：公务用车购置费0万元；公务用车运行费21.56万元。",
                   "截至2024年8月31日，本部门共有车辆0辆。2025年部门预算安排购置车辆0辆。", page=22)
    assert findings(doc(sections=[text], year=2025), RULE) == [(RULE, 22, "", "本部门共有车辆", "vehicles")]
