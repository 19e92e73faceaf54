from tests.rules.factories import doc, findings, row, table

RULE = "arith-of-which-columns"


def expense(sme: str):
    return table("expense_summary", [
        row("节能环保支出", code="211", total="6,233", basic="523", project="5,710", procurement="3,216",
            procurement_sme=sme, procurement_small_micro="1,170"),
    ], number="3")


def test_passes_when_each_of_which_column_is_within_its_column():
    assert findings(doc(expense("2,850")), RULE) == []


def test_fails_when_an_of_which_column_exceeds_its_column():
    assert findings(doc(expense("3,300")), RULE) == [(RULE, 1, "3", "节能环保支出", "procurement_sme")]


def test_small_and_micro_within_small_and_medium():
    assert findings(doc(expense("1,000")), RULE) == [(RULE, 1, "3", "节能环保支出", "procurement_small_micro")]
