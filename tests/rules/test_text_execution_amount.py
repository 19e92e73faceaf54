from tests.rules.factories import doc, findings, row, section, table

RULE = "text-execution-amount"


def housing_table():
    return table("general_budget_by_function", [
        row("合计", is_total=True, amount="1361034.00"),
        row("住房保障支出", code="221", amount="1361034.00"),
        row("住房改革支出", code="22102", amount="1361034.00"),
        row("住房公积金", code="2210201", amount="1361034.00"),
    ], number="5", unit="元")


def test_passes_when_the_budget_is_the_row_its_heading_names():
    s = section("（一）住房保障支出（类）住房改革支出（款）住房公积金（项）",
                "2024年当年预算执行数为120.31万元，2025年预算安排136.10万元，比2024年预算执行数增加13.12%，"
                "主要原因是缴存基数调整。")
    assert findings(doc(housing_table(), sections=[s], year=2025), RULE) == []


def test_fails_when_the_budget_differs_from_the_row_its_codes_name():
    s = section("编制说明", "1、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）：2024年当年预算执行数为"
                "120.31万元，2025年预算安排163.10万元，比2024年预算执行数增加35.57%，主要原因是缴存基数调整。", page=8)
    assert findings(doc(housing_table(), sections=[s], year=2025), RULE) == [
        (RULE, 8, "5", "住房保障支出（221类）住房改革支出（02款）住房公积金（01项）", "amount")]


def test_fails_under_a_heading_paragraph_of_its_own():
    s = section("编制说明", "1、住房保障支出（类）住房改革支出（款）住房公积金（项）",
                "2024年当年预算执行数为120.31万元，2025年预算安排13.61万元，比2024年预算执行数减少88.69%。", page=8)
    assert [f[3] for f in findings(doc(housing_table(), sections=[s], year=2025), RULE)] == [
        "住房保障支出（类）住房改革支出（款）住房公积金（项）"]


def test_a_sentence_naming_its_item_is_left_to_text_function_items():
    s = section("编制说明", "住房保障支出（类）住房改革支出（款）住房公积金（项）2025年预算安排163.10万元，"
                "2024年当年预算执行数为120.31万元。", page=8)
    assert findings(doc(housing_table(), sections=[s], year=2025), RULE) == []
