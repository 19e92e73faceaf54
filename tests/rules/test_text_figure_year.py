from tests.rules.factories import doc, findings, section

RULE = "text-figure-year"


def test_passes_when_figures_are_of_this_year_and_the_year_before():
    text = section("三公", "2023 年“三公”经费预算 14 万元，比 2022 年预算减少 12 万元。",
                   "2023年度部门支出预算安排与2022年度相比（2022年度部门支出预算安排为8,648.07万元），增加498.72万元。",
                   "截至 2022 年 10 月，共有车辆 4 辆。")
    assert findings(doc(sections=[text]), RULE) == []


def test_fails_where_a_figure_is_given_for_another_year():
    text = section("三公", "2022 年“三公”经费预算 14 万元。", page=87)
    assert findings(doc(sections=[text]), RULE) == [(RULE, 87, "", '"三公"经费', "year")]


def test_fails_where_the_prior_figure_is_not_of_the_year_before():
    text = section("总体", "2024年度部门支出预算安排与2022年度相比（2022年度部门支出预算安排为8,648.07万元），增加498.72万元。")
    assert findings(doc(sections=[text], year=2024), RULE) == [(RULE, 1, "", "支出预算", "year")]
