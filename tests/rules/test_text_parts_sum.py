from tests.rules.factories import doc, findings, section

RULE = "text-parts-sum"


def test_passes_when_the_parts_add_up():
    text = section("“三公”经费", "2023年“三公”经费预算 10 万元，其中：因公出国（境）费 0 万元、公务接待费 2 万元、"
                   "公务用车购置及运行维护费 8 万元。", "共有车辆 5 辆，其中：一般公务用车 3 辆、其他用车 2 辆。")
    assert findings(doc(sections=[text]), RULE) == []


def test_fails_where_the_parts_exceed_the_whole():
    text = section("“三公”经费", "2023年“三公”经费预算 10 万元，其中：因公出国（境）费 0 万元、公务接待费 4 万元、"
                   "公务用车购置及运行维护费 9 万元。", page=4)
    assert findings(doc(sections=[text]), RULE) == [(RULE, 4, "", '"三公"经费', "parts")]


def test_fails_where_a_complete_list_falls_short():
    text = section("政府采购", "政府采购预算总额 100 万元，其中：货物采购 10 万元、工程采购 0 万元、服务采购 80 万元。", page=2)
    assert findings(doc(sections=[text]), RULE) == [(RULE, 2, "", "政府采购", "parts")]


def test_counts_must_add_up_exactly():
    text = section("资产", "共有车辆 5 辆，其中：一般公务用车 3 辆、其他用车 3 辆。")
    assert findings(doc(sections=[text]), RULE) == [(RULE, 1, "", "共有车辆", "parts")]


def test_a_list_over_numbered_paragraphs():
    text = section("收支", "（一）收入预算总计 100.00万元。包括：", "1．财政拨款收入预算总计 90.00万元。",
                   "（1）一般公共预算收入预算 90.00万元。", "2．其他资金收入预算总计15.00万元。", "（二）支出预算总计 100.00万元。")
    assert findings(doc(sections=[text]), RULE) == [(RULE, 1, "", "收入预算总计", "parts")]


def test_asides_and_figures_of_another_kind_are_not_parts():
    text = section("政府采购", "政府采购预算 100 万元，其中：货物采购 30 万元（含上年结转 20 万元）、服务采购 70 万元，"
                   "面向中小企业预留 50 万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_the_sentences_own_total_is_not_one_more_part():
    # 政府采购 … 其中：货物 / 服务，合计: the 合计 restates the whole
    text = section("政府采购", "2023年政府采购预算 100 万元，其中：货物采购 30 万元、服务采购 70 万元，合计 100 万元。",
                   "机关运行经费预算 50 万元，主要用于：办公费 20 万元、印刷费 10 万元、水电费 20 万元，合计 50 万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_a_total_after_its_list_is_the_whole_of_that_list():
    ok = section("“三公”经费", "“三公”经费预算安排：因公出国（境）费 0 万元、公务接待费 2 万元、"
                 "公务用车购置及运行维护费 8 万元，共计 10 万元。")
    assert findings(doc(sections=[ok]), RULE) == []
    wrong = section("“三公”经费", "“三公”经费预算安排：因公出国（境）费 0 万元、公务接待费 2 万元、"
                    "公务用车购置及运行维护费 8 万元，共计 13 万元。", page=3)
    assert findings(doc(sections=[wrong]), RULE) == [(RULE, 3, "", "合计", "parts")]
