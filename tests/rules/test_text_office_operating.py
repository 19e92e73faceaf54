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


def test_a_wider_scope_the_text_explains_is_not_an_error():
    # the table prints 一般公共预算 机关运行经费; the text counts other funds too, and says so
    wider = section("机关运行经费", "2018年本部门机关运行经费预算2,850.00万元（统计口径包括财政拨款和其他资金安排的"
                    "机关运行经费），比上年增加 30 万元。", page=29)
    assert findings(doc(office(), sections=[wider], year=2018), RULE) == []
    included = section("机关运行经费", "2018年本部门机关运行经费（含单位资金）预算支出2,850.00万元。", page=29)
    assert findings(doc(office(), sections=[included], year=2018), RULE) == []


def test_a_wider_scope_cannot_be_smaller():
    text = section("机关运行经费", "2018年本部门机关运行经费预算2,650.00万元（包括财政拨款和其他资金）。", page=29)
    assert findings(doc(office(), sections=[text], year=2018), RULE) == [(RULE, 29, "11", "合计", "office_operating")]
