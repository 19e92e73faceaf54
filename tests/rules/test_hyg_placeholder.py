from tests.rules.factories import doc, findings, row, section, table

RULE = "hyg-placeholder"


def test_passes_for_finished_text_with_legitimate_letters_and_brackets():
    d = doc(sections=[section("一、收支总体情况", "收入 307.82 万元，比上年增加 307.82 万元。", "部门（单位）整体支出绩效目标表",
                              "真如城市副中心X101、X102街坊", page=17)])
    assert findings(d, RULE) == []


def test_fails_once_per_paragraph_with_placeholders():
    d = doc(sections=[section("一、收入支出决算总体情况说明",
                              "上海市XX局2024年度收入支出总计XXX万元。与2023年度相比，收入支出总计增加（减少）XXX万元。",
                              "纳入编制范围的单位包括：（单位名称）", page=15)])
    assert findings(d, RULE) == [(RULE, 15, "", "上海市XX局2024年…", ""), (RULE, 15, "", "…编制范围的单位包括：（单位名称）", "")]


def test_fails_in_table_labels_and_notes():
    t = table("income_expense_summary", [row("。。。", amount="0", page=4)], number="1")
    t.notes = ["说明：上海市××局本年度没有收支。"]
    assert findings(doc(t), RULE) == [(RULE, 4, "1", "说明：上海市××局本年度没有…", ""), (RULE, 4, "1", "。。。", "")]


def test_fails_for_alternatives_left_to_choose_and_boxes_for_digits():
    d = doc(sections=[section("三、支出决算情况说明", "支出合计比上年增加/减少 12.00 万元。", "某某单位支出□□万元。", page=9)])
    assert findings(d, RULE) == [(RULE, 9, "", "支出合计比上年增加/减少 12.00…", ""), (RULE, 9, "", "某某单位支出□□…", "")]
