from tests.rules.factories import doc, findings, row, section, table

RULE = "text-office-operating"


def office():
    return table("office_operating_costs", [row("合计", is_total=True, office_operating="2722.57")], number="11")


def test_passes_when_the_text_states_the_tables_total():
    text = section("机关运行经费", "2018年本部门一般公共预算机关运行经费预算支出2,722.57万元。")
    assert findings(doc(office(), sections=[text], year=2018), RULE) == []


def test_fails_where_the_text_states_another_amount():
    text = section("机关运行经费", "2018年本部门一般公共预算机关运行经费预算支出2,772.57万元。", page=29)
    assert findings(doc(office(), sections=[text], year=2018), RULE) == [(RULE, 29, "11", "合计", "office_operating")]
