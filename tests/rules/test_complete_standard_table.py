from tests.rules.factories import doc, findings, row, table

RULE = "complete-standard-table"

SHANGHAI = ["income_expense_summary", "income_summary", "expense_summary", "appropriation_summary",
            "general_budget_by_function", "gov_fund_expense", "soe_capital_expense", "general_budget_by_economic",
            "three_public_costs"]


def _doc(kinds, **kw):
    return doc(*(table(k, [row("合计", is_total=True, amount="1")]) for k in kinds), **kw)


def test_passes_when_the_family_set_is_printed():
    assert findings(_doc(SHANGHAI, body="上海市普陀区某局", year=2025), RULE) == []


def test_fails_for_a_missing_standard_table():
    d = _doc([k for k in SHANGHAI if k != "three_public_costs"], body="上海市普陀区某局", year=2025)
    assert findings(d, RULE) == [(RULE, None, "", "“三公”经费表", "")]


def test_final_accounts_have_their_own_set():
    d = _doc(["income_expense_summary"], body="上海市普陀区某局", year=2024)
    d.identity.kind = "final_accounts"
    assert len(findings(d, RULE)) == 8


def test_contents_listing_tables_take_precedence():
    d = _doc(["income_expense_summary"], body="上海市普陀区某局")
    d.contents = ["1.2025年部门财务收支预算总表"]
    assert findings(d, RULE) == []


def test_unknown_family_is_not_checked():
    assert findings(_doc(["income_expense_summary"], body="某局"), RULE) == []
