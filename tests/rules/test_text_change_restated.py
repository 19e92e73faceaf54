from tests.rules.factories import doc, findings, section

RULE = "text-change-restated"


def test_passes_when_the_same_figure_changes_alike():
    text = section("总体", "（1）一般公共预算收入预算 100.00万元，与上年相比增加 10.00万元。",
                   "一般公共预算财政拨款支出预算100.00万元，与上年相比增加 10.00万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_fails_where_the_same_figure_changes_differently():
    first = section("总体", "（1）一般公共预算收入预算 100.00万元，与上年相比增加 10.00万元。", page=23)
    second = section("一般公共预算", "一般公共预算财政拨款支出预算100.00万元，与上年相比增加 12.00万元。", page=28)
    assert findings(doc(sections=[first, second]), RULE) == [(RULE, 28, "", "一般公共预算", "change")]
