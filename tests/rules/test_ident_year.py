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
