from tests.rules.factories import doc, findings, section

RULE = "hyg-punctuation"


def test_passes_for_punctuated_paragraphs_and_lists():
    d = doc(sections=[section("三、支出预算情况说明",
                              "江苏省高级人民法院本年支出预算合计 37188.34 万元，其中：",
                              "1. 基本支出 21968 万元，占 59.07%；",
                              "2. 项目支出 10208.94 万元，占 27.45%。",
                              "“卫生健康支出（类）行政事业单位医疗（款)行政单位医疗（项）”63.19万元，主要用于行政单位医疗金缴纳。")])
    assert findings(d, RULE) == []


def test_fails_for_doubled_or_missing_stops_and_unpaired_marks():
    d = doc(sections=[section("(二)社会保障和就业(类)",
                              "主要原因是退休人员工资由社保部门统一发放，不再列入本部门预算中，减少了该项支出。 。",
                              "“一般公共服务支出（类）商贸事务（款）行政运行（项）938.99万元，主要用于机关行政运行。", page=25),
                      section("三、支出预算情况说明", "单位预留机动经费 140.2 万元，占 0.78 %", page=19)])
    assert findings(d, RULE) == [(RULE, 25, "", "…算中，减少了该项支出。 。", ""),
                                 (RULE, 25, "", "“一般公共服务…", ""),
                                 (RULE, 19, "", "…万元，占 0.78 %", "")]
