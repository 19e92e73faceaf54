from tests.rules.factories import doc, findings, section

RULE = "ident-stated-year"


def budget(*paragraphs, year=2025, heading="五、其他相关情况说明"):
    return doc(sections=[section(heading, *paragraphs, page=12)], year=year)


def test_passes_for_the_years_a_disclosure_may_name():
    d = budget("截至2024年8月31日，上海市普陀区人民政府万里街道办事处共有车辆7辆。",
               "纳入本部门2025年部门汇总预算编制范围的预算单位共1个。",
               "（一）住房保障支出（类）住房改革支出（款）住房公积金（项）",
               "2024年当年预算执行数为120.31万元，2025年预算安排136.10万元，比2024年预算执行数增加13.12%。")
    assert findings(d, RULE) == []
    final = budget("截至 2024 年 12 月 31 日，中共上海市普陀区委社会工作部共有车辆 0 辆。", year=2024)
    final.identity.kind = "final_accounts"
    assert findings(final, RULE) == []


def test_fails_for_a_year_left_from_another_disclosure():
    d = budget("截至2022年8月31日，上海市普陀区人民政府万里街道办事处共有车辆7辆。",
               "纳入本部门2024年部门汇总预算编制范围的预算单位共1个。",
               "（一）住房保障支出（类）住房改革支出（款）住房公积金（项）",
               "2023年当年预算执行数为120.31万元，2025年预算安排136.10万元，比2022年预算执行数增加13.12%。")
    execution = "2023年当年预算执行数为120.31万元，2025年预算安排136.10万元，…"
    assert findings(d, RULE) == [(RULE, 12, "", "截至2022年8月31日，上海市普…", ""),
                                 (RULE, 12, "", "纳入本部门2024年部门汇总预算编制范围的预…", ""),
                                 (RULE, 12, "", execution, ""), (RULE, 12, "", execution, "")]


def test_fails_for_a_year_missing_a_digit():
    d = doc(sections=[section("第三部分 202 年度部门决算情况说明", page=2)], year=2025)
    assert findings(d, RULE) == [(RULE, 2, "", "第三部分 202 年度部门决算情况说…", "")]
