from yusuan.model.disclosure import Indicator, Performance
from yusuan.model.provenance import Source
from yusuan.model.targets import parse_target
from tests.rules.factories import doc, findings

RULE = "perf-target-measurable"


def _doc(*targets):
    d = doc()
    d.performance = Performance(indicators=[
        Indicator("效益", "社会效益", f"指标{n}", parse_target(t), Source("t.txt", 500 + n)) for n, t in enumerate(targets)
    ])
    return d


def test_passes_for_numbers_deadlines_frequencies_and_grades():
    assert findings(_doc("≥90%", "2023 年 11 月底前", "一份/周", "上洋断面达Ⅲ类标准"), RULE) == []


def test_fails_for_a_qualitative_target():
    assert findings(_doc("≥90%", "有效保障"), RULE) == [(RULE, 501, "", "指标1", "")]
