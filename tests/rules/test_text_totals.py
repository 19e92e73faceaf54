from tests.rules.factories import doc, findings, row, section, table

RULE = "text-totals"


def summary():
    return table("income_expense_summary", [
        row("收入总计", side="income", is_total=True, amount="100"),
        row("支出总计", side="expense", is_total=True, amount="100"),
    ])


def test_passes_when_the_text_states_the_tables_totals():
    text = section("收支总体情况", "2023年某单位部门预算收入 100 万元，比 2022 年减少 5 万元。2023年部门预算支出 100 万元。")
    assert findings(doc(summary(), sections=[text]), RULE) == []


def test_fails_where_the_text_states_another_total():
    text = section("收支总体情况", "2023年某单位部门预算收入 100 万元。", "2023年部门预算支出 120 万元。", page=3)
    assert findings(doc(summary(), sections=[text]), RULE) == [(RULE, 3, "1", "支出总计", "amount")]


def test_tables_in_yuan_are_read_in_wan_yuan():
    t = table("income_expense_summary", [row("收入总计", side="income", is_total=True, amount="189767551")], unit="元")
    ok = section("说明", "2025年，某单位收入预算18,976.76万元。")
    off = section("说明", "2025年，某单位收入预算18,967.76万元。")
    assert findings(doc(t, sections=[ok], year=2025), RULE) == []
    assert findings(doc(t, sections=[off], year=2025), RULE) == [(RULE, 1, "1", "收入总计", "amount")]


def test_a_narrower_income_is_not_the_total():
    text = section("收支总体情况", "2023年非税收入预算 30 万元。信息化支出预算 20 万元。")
    assert findings(doc(summary(), sections=[text]), RULE) == []
