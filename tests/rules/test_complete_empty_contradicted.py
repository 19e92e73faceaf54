from tests.rules.factories import FILE, doc, findings, row, section, table
from yusuan.model.provenance import Source

RULE = "complete-empty-contradicted"


def tables(gov_fund="0"):
    summary = table("income_expense_summary", [
        row("一、财政拨款", side="income", amount="13297.11"),
        row("2.政府性基金预算", side="income", amount=gov_fund),
    ], number="1", title="收支预算总表")
    fund = table("gov_fund_expense", [], number="7", title="财政拨款政府性基金支出预算表")
    three = table("three_public_costs", [], number="9", title="“三公”经费和机关运行经费预算表")
    for t, page in ((fund, 7), (three, 9)):
        t.empty, t.source = True, Source(FILE, page)
    return summary, fund, three


def test_passes_when_the_empty_tables_have_nothing_elsewhere():
    s = section("二、“三公”经费", "2025年本部门无“三公”经费预算，政府性基金拨款支出预算0.00万元。")
    assert findings(doc(*tables(), sections=[s], year=2025), RULE) == []


def test_fails_when_other_pages_print_its_figures():
    s = section("二、“三公”经费", "2025年“三公”经费预算数为37.91万元，比2024年预算减少10万元。", page=20)
    assert findings(doc(*tables(gov_fund="500000.00"), sections=[s], year=2025), RULE) == [
        (RULE, 7, "7", "", ""), (RULE, 9, "9", "", "")]
