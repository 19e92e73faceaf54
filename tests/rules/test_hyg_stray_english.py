from tests.rules.factories import doc, findings, section

RULE = "hyg-stray-english"


def test_passes_for_acronyms_and_units():
    d = doc(sections=[section("第三部分", "基于 CIM 平台的应用场景，掌上履职APP，PM2.5 浓度，No.3 项目，≤24h。", page=59)])
    assert findings(d, RULE) == []


def test_fails_for_an_english_word_inside_a_chinese_sentence():
    d = doc(sections=[section("第九部分 名词解释", "四、上年结转：指以前年度尚未完成、结转 to 本年仍按原规定用途继续使用的资金。",
                              page=147)])
    assert findings(d, RULE) == [(RULE, 147, "", "…前年度尚未完成、结转 to 本年仍按原规…", "")]
