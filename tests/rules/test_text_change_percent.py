from tests.rules.factories import doc, findings, section

RULE = "text-change-percent"


def test_passes_when_the_rate_is_the_change_over_last_year():
    text = section("总体", "2023年部门预算支出 6,623 万元，比 2022 年减少 1,621 万元，下降 20%。",
                   "（1）一般公共预算收入预算 17981.68万元，与上年相比增加 1454.35万元，增长8.8 %。",
                   "2023年度部门支出预算安排与2022年度相比（2022年度部门支出预算安排为8,648.07万元），增加498.72万元，增长5.77%。")
    assert findings(doc(sections=[text]), RULE) == []


def test_fails_where_the_rate_does_not_follow_from_the_change():
    text = section("总体", "3．公诉、审判、侦查、执行等检察监督支出（项）1,895万元，与上年相比减少 134万元，降幅 0.66 %。", page=26)
    assert findings(doc(sections=[text], year=2018), RULE) == [
        (RULE, 26, "", "公诉、审判、侦查、执行等检察监督支出(项)", "change_pct")]


def test_fails_where_the_directions_disagree():
    text = section("总体", "基本支出预算数为 110 万元，与上年相比增加 10 万元，下降 10%。")
    assert findings(doc(sections=[text]), RULE) == [(RULE, 1, "", "基本支出", "change_pct")]


def test_the_next_sentence_speaks_of_the_figure_before_it():
    text = section("总体", "单位预留机动经费预算数为1685.72万元。与上年相比增加1557.29万元，增长1312.56%。")
    assert findings(doc(sections=[text]), RULE) == [(RULE, 1, "", "预留机动经费", "change_pct")]


def test_a_rate_given_among_the_reasons_is_not_the_change_rate():
    text = section("总体", "基本支出预算数为 110 万元，比上年增加 10 万元，增长 10%，主要原因是工资标准提高 5%、新增人员 20 万元。")
    assert findings(doc(sections=[text]), RULE) == []
