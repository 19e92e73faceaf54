from tests.rules.factories import doc, findings, row, section, table

RULE = "hyg-instruction"


def _gov_fund(*notes):
    t = table("gov_fund_expense", [row("合计", is_total=True, page=15)], number="8")
    t.notes = list(notes)
    return t


def test_passes_when_only_the_written_explanation_is_left():
    assert findings(doc(_gov_fund("说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。")), RULE) == []


def test_fails_for_the_templates_instruction_under_a_table():
    t = _gov_fund("无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：",
                  "说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。")
    assert findings(doc(t), RULE) == [(RULE, 15, "8", "…财政拨款收入支出的，仍保留该表格式，并在本表下…", "")]


def test_fails_for_instructions_in_the_text():
    d = doc(sections=[section("六、财政拨款基本支出预算情况说明",
                              "（一）人员经费 6298.38万元。主要包括：基本工资。（按“部门预算公开06表”中实际发生经济分类支出事项填写）",
                              page=26)])
    assert findings(d, RULE) == [(RULE, 26, "", "…主要包括：基本工资。（按“部门预算公开06表”中实际发生经济分类支出…", "")]


def test_a_note_on_the_scope_of_the_figures_is_not_an_instruction():
    t = _gov_fund("注：本表（按财政拨款口径填列）反映政府性基金预算支出。")
    assert findings(doc(t), RULE) == []


def test_an_instruction_asking_the_preparer_is():
    t = _gov_fund("注：（请按实际发生数填列）")
    assert findings(doc(t), RULE) == [(RULE, 15, "8", "注：（请按实际发生数填列）", "")]
