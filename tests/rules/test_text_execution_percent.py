from tests.rules.factories import doc, findings, section

RULE = "text-execution-percent"


def d(text, page=9):
    return doc(sections=[section("（一）一般公共服务支出（类）财政事务（款）行政运行（项）", text, page=page)], year=2025)


def test_passes_when_the_rate_is_the_budget_over_the_execution():
    assert findings(d("2024年当年预算执行数为1,036.52万元，2025年预算安排1,153.87万元，比2024年预算执行数增加11.32%，"
                      "主要原因是人员经费增加。"), RULE) == []
    assert findings(d("2024年当年预算执行数为25.00万元，2025年预算安排25.00万元，与2024年预算执行数持平。"), RULE) == []


def test_fails_when_the_rate_is_not_the_budget_over_the_execution():
    assert findings(d("2024年当年预算执行数为1,036.52万元，2025年预算安排1,153.87万元，比2024年预算执行数增加10.17%，"
                      "主要原因是人员经费增加。"), RULE) == [
        (RULE, 9, "", "一般公共服务支出（类）财政事务（款）行政运行（项）", "change_pct")]


def test_fails_when_the_direction_or_flat_is_wrong():
    assert len(findings(d("2024年当年预算执行数为1,036.52万元，2025年预算安排1,153.87万元，比2024年预算执行数减少11.32%。"),
                        RULE)) == 1
    assert len(findings(d("2024年当年预算执行数为25.00万元，2025年预算安排30.00万元，与2024年预算执行数持平。"), RULE)) == 1
    assert len(findings(d("2024年当年预算执行数为0万元，2025年预算安排30.00万元，比2024年预算执行数增加100%。"), RULE)) == 1


def test_a_last_digit_off_is_the_rounding_rule_s():
    text = ("2024年当年预算执行数为1,036.52万元，2025年预算安排1,153.87万元，比2024年预算执行数增加11.33%。")
    assert findings(d(text), RULE) == []
    assert [f[0] for f in findings(d(text), "text-percent-rounding")] == ["text-percent-rounding"]
