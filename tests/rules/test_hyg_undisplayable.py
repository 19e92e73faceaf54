from tests.rules.factories import doc, findings, row, section, table

RULE = "hyg-undisplayable"


def test_passes_for_text_that_displays():
    d = doc(sections=[section("一、部门主要职能", "负责全区财政收支管理（含“三公”经费）。", page=3)])
    assert findings(d, RULE) == []


def test_fails_once_per_page_for_glyphs_without_text():
    d = doc(table("expense_summary", [row("\ue01a行政运行", code="2010101", amount="10", page=9)], number="3"),
            sections=[section("一、部门主要职能", "\uf06c 负责全区财政收支管理，\ufffd\ufffd推进预算改革。", page=3)])
    assert findings(d, RULE) == [(RULE, 3, "", "\uf06c 负责全区财…", ""), (RULE, 9, "3", "\ue01a行政运行", "")]
