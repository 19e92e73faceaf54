from tests.rules.factories import doc, findings, row, section, table

RULE = "text-truncated"
BODY = "上海市普陀区人民政府万里街道办事处"


def summary():
    """上海 2025 普陀区万里街道 财务收支预算总表, in 元: 189,767,551 元 is 18,976.7551 万元."""
    return table("income_expense_summary", [
        row("收入总计", side="income", is_total=True, amount="189,767,551"),
        row("支出总计", side="expense", is_total=True, amount="189,767,551"),
    ], unit="元")


def test_passes_when_the_text_rounds_the_table():
    text = section("说明", "2025年，上海市普陀区人民政府万里街道办事处收入预算18,976.76万元。")
    assert findings(doc(summary(), sections=[text], year=2025, body=BODY), RULE) == []


def test_fails_where_the_text_cuts_the_table_short():
    text = section("说明", "2025年，上海市普陀区人民政府万里街道办事处收入预算18,976.75万元。", page=7)
    d = doc(summary(), sections=[text], year=2025, body=BODY)
    assert findings(d, RULE) == [(RULE, 7, "1", "收入总计", "amount")]
    assert findings(d, "text-totals") == []  # not an error
    f = __import__("yusuan.rules.registry", fromlist=["run"]).run(d, only=[RULE])[0]
    assert f.severity == "warning" and "四舍五入应为 18,976.76 万元" in f.message


def test_a_difference_of_more_than_the_last_digit_stays_an_error():
    text = section("说明", "2025年，上海市普陀区人民政府万里街道办事处收入预算18,976.74万元。", page=7)
    d = doc(summary(), sections=[text], year=2025, body=BODY)
    assert findings(d, RULE) == []
    assert findings(d, "text-totals") == [("text-totals", 7, "1", "收入总计", "amount")]
