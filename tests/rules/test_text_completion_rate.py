from tests.rules.factories import doc, findings, section

RULE = "text-completion-rate"


def final(*paragraphs):
    d = doc(sections=[section("一般公共预算财政拨款支出决算具体情况", *paragraphs, page=18)], year=2024)
    d.identity.kind = "final_accounts"
    return d


def test_passes_when_the_rate_is_the_final_over_the_budget():
    d = final("一般公共预算财政拨款支出年初预算为100.00万元，支出决算为95.89万元，完成年初预算的95.89%。",
              "全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的98.69%。")
    assert findings(d, RULE) == []


def test_fails_where_the_initial_budget_is_zero():
    d = final("一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。")
    assert findings(d, RULE) == [(RULE, 18, "", "一般公共预算", "completion")]


def test_fails_where_the_rate_is_wrong():
    d = final("全年预算为52.00万元，支出决算为51.32万元，完成全年预算数的96.89%。")
    assert findings(d, RULE) == [(RULE, 18, "", "全年", "completion")]
