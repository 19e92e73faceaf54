from yusuan.model.disclosure import Indicator, Performance
from yusuan.model.provenance import Source
from yusuan.model.targets import parse_target
from tests.rules.factories import doc, findings

RULE = "perf-target-missing"


def _doc(target):
    d = doc()
    d.performance = Performance(indicators=[
        Indicator("产出", "时效", "环境信访事件登记响应时间", parse_target("≤24 小时"), Source("t.txt", 531)),
        Indicator("产出", "时效", "咨询服务回复时限", parse_target(target), Source("t.txt", 532)),
    ])
    return d


def test_passes_when_every_indicator_has_a_target():
    assert findings(_doc("≤2 个工作日"), RULE) == []


def test_fails_for_an_indicator_printed_without_target():
    assert findings(_doc(""), RULE) == [(RULE, 532, "", "咨询服务回复时限", "")]
