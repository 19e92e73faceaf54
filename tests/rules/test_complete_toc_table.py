from tests.rules.factories import doc, findings, row, table

RULE = "complete-toc-table"

CONTENTS = ["一、文字部分", "二、表格部分", "(一) 收支总表", "(二) 收入总表", "(三) 支出总表",
            "十一、一般公共预算“三公”经费、会议费、培训费支出预算", "表"]


def _doc(*kinds):
    d = doc(*(table(k, [row("合计", is_total=True, amount="1")], number=str(n)) for n, k in enumerate(kinds, 1)))
    d.contents = list(CONTENTS)
    return d


def test_passes_when_every_listed_table_is_printed_whatever_its_number():
    d = _doc("three_public_costs", "expense_summary", "income_summary", "income_expense_summary")
    assert findings(d, RULE) == []


def test_fails_for_each_listed_table_that_is_missing():
    d = _doc("income_expense_summary", "expense_summary")
    assert findings(d, RULE) == [
        (RULE, None, "", "(二) 收入总表", ""),
        (RULE, None, "", "十一、一般公共预算“三公”经费、会议费、培训费支出预算表", ""),
    ]
    assert {f.kind for f in __import__("yusuan.rules.registry", fromlist=["run"]).run(d, only=[RULE])} == {
        "income_summary", "three_public_costs"}


def test_part_headings_are_not_tables():
    d = _doc("income_expense_summary", "income_summary", "expense_summary", "three_public_costs")
    d.contents.insert(0, "第二部分 江苏省人民检察院2017年度部门预算表")
    assert findings(d, RULE) == []


def test_an_unnumbered_entry_keeps_the_first_character_of_its_title():
    """Shanghai and the 决算 sets print their contents without numbers: the 一 of 一般公共预算 is no ordinal."""
    d = doc(table("general_budget_by_function", [row("合计", is_total=True, amount="1")], number=""),
            table("general_budget_by_economic", [row("合计", is_total=True, amount="1")], number=""))
    d.contents = ["一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表"]
    assert findings(d, RULE) == []
    d.tables = d.tables[:1]
    assert [f[3] for f in findings(d, RULE)] == ["一般公共预算财政拨款基本支出决算表"]
