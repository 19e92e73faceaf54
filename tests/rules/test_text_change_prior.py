from tests.rules.factories import doc, findings, row, section, table

RULE = "text-change-prior"


def three_public():
    return table("three_public_costs", [
        row("2022年", total="26", reception="2"),
        row("2023年", total="14", reception="0"),
    ], number="9")


def test_passes_when_the_change_is_this_year_less_last_year():
    text = section("“三公”经费", "2023 年“三公”经费预算 14 万元，比 2022 年预算减少 12 万元，下降 46%。",
                   "单位预留机动经费预算数为 2,388.04 万元。与上年相比增加2,247.84万元（上年财政仅安排本级预留机动140.2万元），增长16倍。")
    assert findings(doc(three_public(), sections=[text]), RULE) == []


def test_fails_where_the_change_disagrees_with_the_prior_row():
    text = section("“三公”经费", "2023 年“三公”经费预算 14 万元，比 2022 年预算减少 10 万元。", page=87)
    assert findings(doc(three_public(), sections=[text]), RULE) == [(RULE, 87, "", '"三公"经费', "change")]


def test_fails_where_flat_is_not_flat():
    text = section("“三公”经费", "2.公务接待费。2023 年预算数 0 万元，与 2022 年预算持平。")
    assert findings(doc(three_public(), sections=[text]), RULE) == [(RULE, 1, "", "公务接待费", "change")]
