from tests.rules.factories import doc, findings, row, section, table

RULE = "text-splits"


def tables():
    return [
        table("expense_summary", [row("某单位", is_total=True, total="100", basic="60", project="40")], number="3"),
        table("general_budget_by_economic", [
            row("某单位", is_total=True, basic="60"),
            row("工资福利支出", code="301", basic="50"),
            row("商品和服务支出", code="302", basic="10"),
        ], number="8"),
    ]


def test_passes_when_the_split_matches_the_tables():
    text = section("支出", "某单位预算 100 万元，包括人员支出 50 万元、公用支出 10 万元、项目支出 40 万元。")
    assert findings(doc(*tables(), sections=[text]), RULE) == []


def test_fails_where_a_part_differs_from_the_tables():
    text = section("支出", "某单位预算 100 万元，包括人员支出 50 万元、公用支出 13 万元、项目支出 37 万元。", page=2)
    assert findings(doc(*tables(), sections=[text]), RULE) == [
        (RULE, 2, "8", "商品和服务支出", "basic"),
        (RULE, 2, "3", "某单位", "project"),
    ]
