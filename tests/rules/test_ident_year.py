from yusuan.model.disclosure import Column
from tests.rules.factories import doc, findings, row, section, table

RULE = "ident-year"


def _doc(text="2023 年深圳市生态环境智能管控中心部门预算收入 7,656 万元，比 2022 年减少 343 万元。",
         heading="三、2023 年主要工作目标", header="收入/2023年预算数"):
    t = table("income_expense_summary", [row("一、政府预算拨款", side="income", amount="7656")])
    t.columns = [Column("amount", header, "income")]
    d = doc(t, sections=[section(heading, text, page=57)], body="深圳市生态环境智能管控中心", year=2023)
    d.title = "2023年深圳市生态环境智能管控中心部门预算"
    return d


def test_passes_when_every_year_is_the_documents_or_a_comparison():
    assert findings(_doc("截至 2022 年 10 月，深圳市生态环境智能管控中心共有车辆 2 辆。"), RULE) == []
    assert findings(_doc(), RULE) == []


def test_fails_for_a_sentence_about_this_budget_with_another_year():
    assert findings(_doc("2022 年深圳市生态环境智能管控中心部门预算收入 7,656 万元。"), RULE) == [
        (RULE, 57, "", "2022 年深圳市生态环境…", "")]


def test_fails_for_a_heading_and_a_column_header():
    got = findings(_doc(heading="三、2022 年主要工作目标", header="收入/2022年预算数"), RULE)
    assert got == [(RULE, 57, "", "三、2022 年主要工作目标", ""), (RULE, 1, "1", "收入/2022年预算数", "")]


def test_a_prior_year_column_is_the_year_before():
    t = table("three_public_costs", [row("合计", total="8", total__prior_budget="8.47")])
    t.columns = [Column("total", "2023年预算数"), Column("total@prior_budget", "2022年预算数")]
    assert findings(doc(t, year=2023), RULE) == []


def test_fails_for_this_years_total_with_another_year():
    """The draft's own sentence: “X2022年本年收入预算合计……” in a 2023 budget."""
    got = findings(_doc("深圳市生态环境智能管控中心2022年本年收入预算合计7,656万元。"), RULE)
    assert [f[3] for f in got] == ["…环境智能管控中心2022年本年收入预算合计…"]
    assert findings(_doc("深圳市生态环境智能管控中心2023年本年收入预算合计7,656万元。"), RULE) == []


def test_passes_for_sentences_stating_the_bodys_own_facts_in_its_year():
    """Real sentences (深圳 2023, 上海普陀 2025): projects under 绩效管理, 机关运行经费, the 中小企业 share."""
    for text in ("2023 年市生态环境局坪山管理局所有项目支出预算纳入部门预算绩效管理，涉及预算金额 2,302 万元。",
                 "2023 年深圳市生态环境智能管控中心运行经费财政拨款预算 0 万元，比 2022 年减少 0 万元。",
                 "深圳市生态环境智能管控中心2023年面向中小企业预留政府采购项目预算金额270万元。",
                 "2023年本部门政府采购预算4821.20万元，其中：政府采购货物预算57.43万元。"):
        assert findings(_doc(text), RULE) == [], text


def test_fails_for_a_sentence_stating_the_bodys_own_facts_with_another_year():
    got = findings(_doc("2022 年市生态环境局坪山管理局所有项目支出预算纳入部门预算绩效管理，涉及预算金额 2,302 万元。"
                        "深圳市生态环境智能管控中心2021年面向中小企业预留政府采购项目预算金额270万元。"), RULE)
    assert [f[3] for f in got] == ["2022 年市生态环境局坪…", "…环境智能管控中心2021年面向中小企业预留…"]


def test_comparisons_and_other_years_in_the_middle_are_not_claims():
    for text in ("截至 2022 年 10 月，深圳市生态环境智能管控中心共有车辆 2 辆。",
                 "机关运行经费 125 万元，比 2022 年预算减少 12 万元。",
                 "与2022年相比，本部门政府采购预算增加10万元。",
                 "主要原因是退休人员基本养老金自2017年7月起由社保中心发放。",
                 "根据《江苏省财政厅关于2019年省级部门预算的批复》填列。"):
        assert findings(_doc(text), RULE) == [], text
