from tests.rules.factories import doc, findings, section

RULE = "text-change-parts"


def text(housing_change: str):
    return section("收支预算总表情况说明",
                   "江苏省某单位2018年度收入、支出预算总计21,955.35 万元，与上年相比收、支预算总计各增加3,958.67万元，增长21.99%。",
                   "（二）支出预算总计 21,955.35万元。包括：",
                   "1．公共安全（类）支出 16,458.75万元，与上年相比增加 2,802.41万元。",
                   "2．社会保障和就业（类）支出1,836.22万元，与上年相比减少 184.96万元。",
                   f"3．住房保障（类）支出 3,660.38万元，与上年相比增加 {housing_change}万元。", page=24)


def test_passes_when_the_parts_changes_add_up():
    assert findings(doc(sections=[text("1,341.22")], year=2018), RULE) == []


def test_fails_where_the_parts_changes_do_not_add_up():
    assert findings(doc(sections=[text("1,431.22")], year=2018), RULE) == [(RULE, 24, "", "支出预算总计", "change")]
