from tests.rules.factories import doc, findings, row, section, table

RULE = "hyg-fill-in"


def _procurement(note):
    t = table("procurement", [row("合计", is_total=True, total="5", page=18)], number="12")
    t.notes = [note]
    return t


def test_passes_for_a_note_addressed_to_the_reader():
    assert findings(doc(_procurement("注：采购组织形式为集中采购、部门集中采购和分散采购。")), RULE) == []


def test_fails_for_a_note_telling_how_to_fill_in():
    t = _procurement("2.采购品目名称根据《政府采购品目分类目录》（财库[2013]189号）规定品目名称填写。")
    assert findings(doc(t), RULE) == [(RULE, 18, "12", "2.采购品目名称根据《政府采购品目分类目录》（财库[2013]1…", "")]


def test_passes_for_a_note_telling_where_the_figures_come_from():
    d = doc(sections=[section("一、收支预算总体情况说明",
                              "收支预算总表反映部门年度总体收支预算情况。根据《江苏省财政厅关于2019年省级部门预算的批复》"
                              "（苏财预〔2019〕7号）填列。",
                              "本表按财政拨款口径填列，机关运行经费按部门预算口径统计。", page=17)])
    assert findings(d, RULE) == []


def test_fails_for_a_note_telling_the_preparer_how_to_fill_in():
    d = doc(sections=[section("二、收入预算情况说明", "收入预算总表反映部门年度收入预算情况。填列数应与《收支预算总表》收入数一致。",
                              page=11)])
    assert findings(d, RULE) == [(RULE, 11, "", "…收入预算情况。填列数应与《收支预算总表》收入数一致。", "")]
