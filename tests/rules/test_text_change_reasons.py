from tests.rules.factories import doc, findings, section

RULE = "text-change-reasons"


def test_passes_when_the_reasons_add_up_to_the_change():
    text = section("总体", "2023年部门预算支出 100 万元，比 2022 年减少 30 万元。",
                   "预算收支减少主要原因：一是增加基本支出 10 万元；二是减少项目支出 40 万元。",
                   "项目支出预算数为6333.96万元。与上年相比增加480万元，增长8.2%。主要原因是新增办公用房专项经费280万元，内网改造专项经费200万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_fails_where_the_reasons_do_not_add_up():
    text = section("总体", "2023年部门预算支出 100 万元，比 2022 年减少 30 万元。",
                   "预算收支减少主要原因：一是增加基本支出 10 万元；二是减少项目支出 50 万元。", page=57)
    assert findings(doc(sections=[text]), RULE) == [(RULE, 57, "", "部门预算支出", "change")]


def test_the_reasons_summed_up_are_not_one_more_reason():
    text = section("基本支出", "基本支出 1,200 万元，比上年增加 15 万元，主要原因：一是人员增加 10 万元；"
                   "二是公用经费增加 5 万元，共计增加 15 万元。",
                   "项目支出 800 万元，比上年增加 15 万元，主要原因是新增 A 项目 10 万元、B 项目 5 万元，合计 15 万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_the_net_after_offsetting_is_not_one_more_reason():
    text = section("基本支出", "基本支出 1,200 万元，比上年增加 50 万元，主要原因：一是人员经费减少 20 万元；"
                   "二是公用经费增加 70 万元，增减相抵后增加 50 万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_a_per_capita_standard_is_not_the_change_amount():
    text = section("公用经费", "公用经费 300 万元，比上年增加 12 万元，主要原因是公用经费人均定额增加1000元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_a_reason_quantifying_part_of_the_change_is_not_a_contradiction():
    text = section("项目支出", "项目支出 800 万元，比上年增加 100 万元，主要原因是新增信息化建设项目 60 万元等。",
                   "人员经费 900 万元，比上年减少 30 万元，主要原因是退休人员减少，人员经费减少 10 万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_reasons_going_the_other_way_are_still_questioned():
    text = section("项目支出", "项目支出 800 万元，比上年增加 100 万元，主要原因是压减会议培训项目 60 万元。", page=9)
    assert findings(doc(sections=[text]), RULE) == [(RULE, 9, "", "项目支出", "change")]
