from tests.rules.factories import doc, findings, section

RULE = "hyg-unexplained-change"


def test_passes_when_a_reason_follows_or_the_change_is_nil():
    d = doc(sections=[section("第五部分 “三公”经费", "公务接待费 0 万元，比 2022 年减少 2 万元，主要是厉行勤俭节约。",
                              "公务用车购置费 0 万元，比 2022 年预算数增加 0 万元。",
                              "收入预算总计37188.34万元，与上年相比增加4016.19万元。其中：", "1．财政拨款收入。",
                              "主要原因是人员工资增加。", page=91)])
    assert findings(d, RULE) == []


def test_fails_when_no_reason_is_given():
    d = doc(sections=[section("第二部分 部门预算收支总体情况", "部门预算收入 7,656 万元，比 2022 年减少 343 万元，下降 4%。",
                              page=57)])
    assert findings(d, RULE) == [(RULE, 57, "", "… 7,656 万元，比 2022 年减少 343 万元，下降 4%…", "")]


def test_the_glossary_is_not_read():
    d = doc(sections=[section("名词解释", "比上年增加 5 万元。")])
    assert findings(d, RULE) == []
