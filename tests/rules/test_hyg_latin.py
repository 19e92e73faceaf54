from yusuan.model.disclosure import Indicator, Performance
from yusuan.model.provenance import Source
from yusuan.model.targets import parse_target
from tests.rules.factories import doc, findings, section

RULE = "hyg-latin"


def test_passes_for_acronyms_units_codes_and_web_words():
    d = doc(sections=[section("说明", "涉 VOCs 企业，PC服务器，货物A，W-07街坊，上传至 www.gov.cn 网站，监测 10km 范围。")])
    assert findings(d, RULE) == []


def test_fails_for_lowercase_words_and_markup():
    d = doc(sections=[section("说明", "完成系统shengji工作。", page=3)])
    d.performance = Performance(indicators=[
        Indicator("满意度", "服务对象满意度", "环境宣教活动满意度", parse_target("$\\geq 60\\%$"), Source("t.txt", 519))])
    assert findings(d, RULE) == [(RULE, 3, "", "完成系统shengji工作。", ""), (RULE, 519, "", "$\\geq 60\\%$", "")]
