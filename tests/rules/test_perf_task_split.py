from yusuan.model.disclosure import Performance, Task
from tests.rules.factories import doc, findings, value

RULE = "perf-task-split"


def _doc(other):
    d = doc()
    d.performance = Performance(tasks=[
        Task("区财政安排项目", "", {"total": value("941", 486), "fiscal": value("0", 486), "other": value(other, 486)}),
    ])
    return d


def test_passes_when_total_is_fiscal_plus_other():
    assert findings(_doc("941"), RULE) == []


def test_fails_when_total_is_not_fiscal_plus_other():
    assert findings(_doc("914"), RULE) == [(RULE, 486, "", "区财政安排项目", "total")]
