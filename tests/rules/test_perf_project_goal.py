from tests.rules.factories import doc, findings, row, table

RULE = "perf-project-goal"


def _doc(goal):
    a = row("信息化类", amount="3491", page=116)
    a.texts = {"绩效目标": "目标 1：确保网络安全、稳定运行。"}
    b = row("生态环境专项资金", amount="114", page=125)
    b.texts = {"绩效目标": goal}
    return doc(table("project_performance", [a, b], number=""))


def test_passes_when_every_project_states_its_goal():
    assert findings(_doc("加强对社会环境检测机构的监管。"), RULE) == []


def test_fails_for_a_project_without_goal():
    assert findings(_doc(""), RULE) == [(RULE, 125, "", "生态环境专项资金", "")]
