from tests.rules.factories import doc, findings, row, section, table

RULE = "code-level"


def tables():
    return table("general_budget_by_function", [
        row("卫生健康支出", code="210", amount="3016973"),
        row("计划生育事务", code="21007", amount="200000"),
        row("计划生育服务", code="2100717", amount="200000"),
        row("住房保障支出", code="221", amount="2849034"),
        row("住房改革支出", code="22102", amount="2849034"),
        row("住房公积金", code="2210201", amount="1361034"),
    ], number="5", unit="元")


def test_passes_for_levels_and_codes_as_the_tables_print_them():
    s = section("2025年部门预算编制说明",
                "21. “卫生健康支出（类）计划生育事务（款）计划生育服务（项）”科目20.00万元，主要用于计划生育事务。",
                "1、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）：2025年预算安排136.10万元。")
    assert findings(doc(tables(), sections=[s], year=2025), RULE) == []


def test_fails_for_a_name_written_at_another_level():
    s = section("2025年部门预算编制说明",
                "21. “卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”科目20.00万元，主要用于计划生育事务。",
                "1．住房改革支出（类）住房公积金（项）572.56万元，与上年相比增加78.34 万元。", page=7)
    assert findings(doc(tables(), sections=[s], year=2025), RULE) == [
        (RULE, 7, "", "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）", ""),
        (RULE, 7, "", "住房改革支出（类）住房公积金（项）", ""),
    ]


def test_fails_for_a_code_of_the_wrong_level_or_row():
    s = section("编制说明", "1、住房保障支出（221类）住房改革支出（22102类）住房公积金（01项）：2025年预算安排136.10万元。",
                "2、住房保障支出（221类）住房改革支出（03款）住房公积金（01项）：2025年预算安排136.10万元。", page=8)
    found = findings(doc(tables(), sections=[s], year=2025), RULE)
    assert [f[3] for f in found] == ["住房保障支出（221类）住房改革支出（22102类）住房公积金（01项）",
                                     "住房保障支出（221类）住房改革支出（03款）住房公积金（01项）"]
