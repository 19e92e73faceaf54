from tests.rules.factories import doc, findings, section

RULE = "text-parts-short"


def test_passes_when_the_list_is_complete():
    text = section("支出", "某单位预算 100 万元，包括人员支出 50 万元、公用支出 20 万元、项目支出 30 万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_passes_when_the_list_says_it_is_partial():
    text = section("支出", "生态环境管理 100 万元，主要包括：宣传教育 50 万元；综合管理 20 万元。")
    assert findings(doc(sections=[text]), RULE) == []


def test_fails_where_an_including_list_falls_short():
    text = section("支出", "（二）支出预算总计 100.00万元。包括：", "1．公共安全（类）支出 70.00万元。", "此外，基本支出为 60.00万元。",
                   page=19)
    assert findings(doc(sections=[text]), RULE) == [(RULE, 19, "", "支出预算总计", "parts")]
