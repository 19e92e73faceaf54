from yusuan.model.disclosure import Performance, Task
from tests.rules.factories import doc, findings, value

RULE = "perf-task-total"


def _doc(total):
    d = doc()
    tasks = [Task(n, "", {"total": value(t, 479 + i), "fiscal": value(t, 479 + i), "other": value("0", 479 + i)})
             for i, (n, t) in enumerate([("一般行政管理工作", "903"), ("基本支出", "913"), ("区财政安排项目", "941")])]
    d.performance = Performance(tasks=tasks, total={"total": value(total, 487), "fiscal": value(total, 487),
                                                    "other": value("0", 487)})
    return d


def test_passes_when_tasks_add_up_within_rounding():
    assert findings(_doc("2,757"), RULE) == []
    assert findings(_doc("2,758"), RULE) == []  # 3 tasks in whole 万元: (3 + 1) / 2 = 2 apart by rounding


def test_fails_when_tasks_do_not_add_up():
    assert findings(_doc("2,800"), RULE) == [(RULE, 487, "", "金额合计", "total"),
                                            (RULE, 487, "", "金额合计", "fiscal")]
