from tests.rules.factories import doc, findings, row, section, table

RULE = "text-economic-items"


def economic():
    return table("appropriation_basic_by_economic", [
        row("合计", is_total=True, amount="737.94"),
        row("工资福利支出", code="301", amount="737.94"),
        row("基本工资", code="30101", amount="737.94"),
    ], number="6")


def test_passes_when_the_item_matches_its_row():
    text = section("基本支出", "（1）基本工资（款）支出737.94万元。用于发放工资。")
    assert findings(doc(economic(), sections=[text], year=2017), RULE) == []


def test_fails_where_the_item_differs_from_its_row():
    text = section("基本支出", "（1）基本工资（款）支出773.94万元。用于发放工资。", page=11)
    assert findings(doc(economic(), sections=[text], year=2017), RULE) == [(RULE, 11, "6", "基本工资", "amount")]
