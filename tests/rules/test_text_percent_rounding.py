from tests.rules.factories import doc, findings, section

RULE = "text-percent-rounding"


def test_passes_when_the_rate_is_rounded():
    text = section("总体", "2．社会保障和就业支出1,836.22万元，与上年相比减少 184.96万元，降幅 9.2 %。")
    assert findings(doc(sections=[text], year=2018), RULE) == []


def test_fails_where_the_rate_is_truncated():
    text = section("总体", "2．社会保障和就业支出1,836.22万元，与上年相比减少 184.96万元，降幅 9.1 %。", page=24)
    assert findings(doc(sections=[text], year=2018), RULE) == [(RULE, 24, "", "社会保障和就业", "change_pct")]
