from tests.rules.factories import doc, findings, row, table

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
