from tests.rules.factories import doc, findings, row, section, table

RULE = "text-procurement"


def procurement():
    return table("procurement", [
        row("合计", is_total=True, total="3096.24"),
        row("一、货物A", level=1, total="268.00"),
        row("三、服务C", level=1, total="2828.24"),
    ], number="12")


def test_passes_when_total_and_kinds_match():
    text = section("政府采购", "2018年度政府采购支出预算总额 3,096.24 万元。其中：拟采购货物支出 268 万元、拟购买服务支出2,828.24 万元。")
    assert findings(doc(procurement(), sections=[text], year=2018), RULE) == []


def test_fails_where_a_kind_differs():
    text = section("政府采购", "2018年度政府采购支出预算总额 3,096.24 万元。其中：拟采购货物支出 286 万元、拟购买服务支出2,828.24 万元。",
                   page=30)
    assert findings(doc(procurement(), sections=[text], year=2018), RULE) == [(RULE, 30, "12", "一、货物A", "total")]
