from tests.rules.factories import doc, findings, section

RULE = "hyg-blank-amount"


def test_passes_for_amounts_and_units_printed_as_such():
    d = doc(sections=[section("2025年单位预算编制说明",
                              "2025年，上海市普陀区商务委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，"
                              "比2024年预算执行数增加24,558.18万元，增长 193.7 %。",
                              "2023 年部门预算中所有数据为“四舍五入”取整后按万元列示，可能存在部分数据相加后不等的情况。")])
    assert findings(d, RULE) == []


def test_fails_for_an_amount_left_blank():
    d = doc(sections=[section("2025年单位预算编制说明",
                              "2025年，上海市普陀区商务委员会收入预算万元，其中：财政拨款收入37,151.47万元，比2024年预算"
                              "执行数增加24,558.18万元，增长%。", page=7)])
    assert findings(d, RULE) == [(RULE, 7, "", "…区商务委员会收入预算万元，其中：财政…", ""),
                                 (RULE, 7, "", "…58.18万元，增长%。", "")]
