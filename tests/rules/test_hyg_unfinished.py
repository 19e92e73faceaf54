from tests.rules.factories import doc, findings, section

RULE = "hyg-unfinished"


def test_passes_for_finished_sentences_and_lists_that_follow():
    d = doc(sections=[section("四、财政拨款收入支出决算总体情况说明",
                              "与 2023 年度相比，财政拨款收入支出总计增加 307.82 万元，增长 100.00%。主要原因：单位于 2024 年成立。",
                              "变动的主要原因是：",
                              "1、人员经费增加。",
                              "按上述格式依次说明到各项级科目，预决算持平的不用说明变动原因。")])
    assert findings(d, RULE) == []


def test_fails_for_a_sentence_that_stops_where_its_content_should_begin():
    d = doc(sections=[section("四、财政拨款收入支出决算总体情况说明",
                              "与 2023 年度相比，财政拨款收入支出总计增加 307.82 万元，增长 100.00%。主要原因是。",
                              "一般公共预算财政拨款支出年初预算为 0 万元，支出决算为 307.82 万元。决算数大于预算数的主要原因：",
                              page=16)])
    assert findings(d, RULE) == [(RULE, 16, "", "…100.00%。主要原因是。", ""),
                                 (RULE, 16, "", "…算数大于预算数的主要原因：", "")]
