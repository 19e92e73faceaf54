from yusuan.model.disclosure import Indicator, Performance, Target
from yusuan.model.provenance import Source
from yusuan.model.targets import parse_target
from tests.rules.factories import doc, findings

RULE = "perf-empty-category"


def _doc(*extra):
    d = doc()
    d.performance = Performance(indicators=[
        Indicator("效益", "社会效益", "网络安全重大事故次数", parse_target("≤1 次"), Source("t.txt", 552)),
        *extra,
    ])
    return d


def test_passes_when_every_category_has_indicators():
    assert findings(_doc(), RULE) == []


def test_fails_for_categories_printed_without_indicators():
    d = _doc(Indicator("效益", "经济效益", "", Target(""), Source("t.txt", 548)),
             Indicator("效益", "可持续影响", "", Target(""), Source("t.txt", 559)),
             Indicator("满意度", "其他满意度", "", Target(""), Source("t.txt", 566)))
    assert findings(d, RULE) == [(RULE, 548, "", "效益／经济效益", ""), (RULE, 559, "", "效益／可持续影响", ""),
                                 (RULE, 566, "", "满意度／其他满意度", "")]


def test_a_heading_row_of_a_filled_category_is_not_empty():
    assert findings(_doc(Indicator("效益", "社会效益", "", Target(""), Source("t.txt", 549))), RULE) == []
