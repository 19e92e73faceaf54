"""Targets from the Shenzhen 坪山 document's 绩效目标表 (表12) and its 重点项目 list, from the preparation
workbook filled with it, and the checks when targets are set."""

from collections import Counter
from decimal import Decimal as D

import pytest

from tests.conftest import corpus_doc
from yusuan.perf import codec
from yusuan.perf.checks import Prior, check_targets
from yusuan.perf.from_disclosure import target_sets
from yusuan.perf.scoring import ScoringRules
from yusuan.perf.targets import Indicator, TargetSet

PINGSHAN = "shenzhen-2023-pingshan-guanliju-budget.txt"


@pytest.fixture(scope="module")
def doc():
    return corpus_doc(PINGSHAN)


@pytest.fixture
def sets(doc):
    return target_sets(doc)


def test_the_whole_body_targets_as_printed(sets):
    whole = sets[0]
    assert (whole.body, whole.year, whole.project, whole.unit) == ("深圳市生态环境局坪山管理局", 2023, "", "万元")
    assert whole.budget == {"total": D(6623), "fiscal": D(5682), "other": D(941)}  # 金额合计, line 487
    assert whole.budget_source.page == 487
    assert [(t.name, t.amounts["total"], t.source.page) for t in whole.tasks][:3] == [
        ("一般行政管理工作", D(903), 479), ("法制与宣传工作", D(189), 480), ("执法监督工作", D(1755), 481)]
    assert len(whole.tasks) == 8 and len(whole.goals) == 9
    # 72 rows under 年度绩效指标: 68 indicators and 4 categories printed without any
    assert len(whole.indicators) == 72 and len(whole.scored) == 68
    assert Counter((i.level1, i.level2) for i in whole.scored) == {
        ("产出指标", "数量指标"): 26, ("产出指标", "质量指标"): 13, ("产出指标", "时效指标"): 11,
        ("产出指标", "成本指标"): 4, ("效益指标", "社会效益指标"): 8, ("满意度指标", "服务对象满意度指标"): 6}
    # ≥165 宗 …; “4 份”, “100%”, “一份/周” are “=”; ≤24 小时 …; 0%≤N≤1% ranges; “2023 年 11 月底前” deadlines;
    # a grade of a standard (达Ⅲ类标准) qualitative; one printed without a target
    assert Counter(i.nature for i in whole.scored) == {"ge": 46, "eq": 6, "le": 7, "range": 4, "deadline": 3,
                                                      "qualitative": 1, "": 1}
    first = whole.scored[0]
    assert (first.name, first.nature, first.value, first.unit, first.text, first.source.page) == (
        "行政执法案件审查宗数", "ge", D(165), "宗", "≥165 宗", 491)
    drill = next(i for i in whole.scored if i.name == "应急演练完成时间")
    assert (drill.nature, drill.deadline, drill.due(2023).isoformat()) == ("deadline", "2023-11", "2023-11-30")
    assert len({i.key for i in whole.indicators}) == 72


def test_the_projects_of_the_key_project_list(sets):
    assert [(ts.project, ts.total) for ts in sets[1:]] == [("生态环境管理(坪山管理局)", D(4769)),
                                                         ("区财政安排项目(坪山管理局)", D(941))]
    assert sets[2].goals == ["用于开展坪山区生态环境管理及污染防治相关工作。"]


def test_checks_on_the_printed_targets(sets, doc):
    issues = check_targets(sets[0], budget=doc)
    assert sorted((i.severity, i.code, i.key) for i in issues) == [
        ("error", "perf-empty-category", "i55"), ("error", "perf-empty-category", "i64"),
        ("error", "perf-empty-category", "i65"), ("error", "perf-empty-category", "i72"),
        ("error", "perf-unmeasurable", "i40")]
    assert "经济效益指标" in next(i.message for i in issues if i.key == "i55")
    # 6,623 agrees with the 支出总表; the tasks add up to 6,622 within the rounding of nine printed figures
    assert not [i for i in issues if i.code in ("perf-budget", "perf-task-total")]
    for project in sets[1:]:  # each agrees with the 重点项目 list; no indicators yet
        assert [(i.severity, i.code) for i in check_targets(project, budget=doc)] == [("error", "perf-no-indicators")]


def test_checks_find_what_is_wrong(sets, doc):
    whole = sets[0]
    whole.tasks[0].amounts["total"] = D(950)  # 903 → 950: the tasks now add up to 6,669
    whole.budget["total"] = D(6700)
    codes = {i.code: i for i in check_targets(whole, budget=doc)}
    assert "6,669" in codes["perf-task-total"].message and codes["perf-task-total"].severity == "error"
    assert codes["perf-budget"].severity == "warning" and "6,623" in codes["perf-budget"].message
    project = sets[1]
    project.budget["total"] = D(4800)
    assert ("warning", "perf-project-list") in [(i.severity, i.code) for i in check_targets(project, budget=doc)]
    project.project = "没有列出的项目"
    assert ("info", "perf-project-list") in [(i.severity, i.code) for i in check_targets(project, budget=doc)]


def small() -> TargetSet:
    return TargetSet("测试单位", 2023, indicators=[
        Indicator("a", "产出指标", "数量指标", "培训场次", "ge", D(20), unit="次", weight=D(30)),
        Indicator("b", "产出指标", "时效指标", "响应时间", "le", D(24), unit="小时", weight=D(20)),
        Indicator("c", "效益指标", "社会效益指标", "群众环境意识", "qualitative", weight=D(30)),
        Indicator("d", "满意度指标", "服务对象满意度指标", "满意度", "ge", D(90), unit="%", weight=D(10)),
    ])


def test_targets_weaker_than_last_years_actuals_are_warned():
    prior = {"培训场次": Prior(D(25), "次"), "响应时间": Prior(D(12), "小时"), "满意度": Prior(D(85), "%")}
    found = [(i.severity, i.code, i.key) for i in check_targets(small(), prior=prior)]
    assert ("warning", "perf-weaker-than-prior", "a") in found  # ≥20 below last year's 25
    assert ("warning", "perf-weaker-than-prior", "b") in found  # ≤24 h where last year took 12 h
    assert not any(k == "d" for *_, k in found)  # ≥90 % above last year's 85 %
    assert ("warning", "perf-qualitative-text", "c") in found  # qualitative, but what is to be reached?


def test_weights_must_add_up():
    assert not [i for i in check_targets(small()) if i.code == "perf-weights"]
    ts = small()
    ts.indicators[0].weight = D(25)
    assert [(i.severity, i.message) for i in check_targets(ts) if i.code == "perf-weights"] == [
        ("warning", "产出指标各指标的权重合计 45，应为 50（评分时按权重比例分配该类的分值）")]
    ts.indicators[1].weight = None
    assert [i.severity for i in check_targets(ts) if i.code == "perf-weights"] == ["error"]
    other = ScoringRules.resolve({"category_points": {"产出指标": 45, "效益指标": 35, "满意度指标": 10}})
    ts.indicators[1].weight = D(20)
    assert [i.message for i in check_targets(ts, rules=other) if i.code == "perf-weights"] == [
        "效益指标各指标的权重合计 30，应为 35（评分时按权重比例分配该类的分值）"]


def test_targets_through_the_preparation_workbook(tmp_path, doc, sets):
    """The 坪山 figures written into the preparation workbook and read back: the same targets, each
    number now at its workbook cell."""
    from yusuan.ingest.read import read_disclosure
    from yusuan.prepare.fill import lines_from
    from yusuan.prepare.template import write_template

    path = write_template(tmp_path / "坪山.xlsx", 2023, "shenzhen", "budget", lines_from(doc, "shenzhen"))
    back = target_sets(read_disclosure(path))
    whole = back[0]
    plain = lambda ts: [(i.level1, i.level2, i.name, i.nature, i.value, i.upper, i.unit, i.deadline)  # noqa: E731
                        for i in ts.scored]
    assert plain(whole) == plain(sets[0])
    assert whole.budget == sets[0].budget
    assert [(t.name, t.amounts) for t in whole.tasks] == [(t.name, t.amounts) for t in sets[0].tasks]
    assert whole.scored[0].source.cell and whole.budget_source.cell  # a cell of the 绩效目标 sheet
    assert [(ts.project, ts.total) for ts in back[1:]] == [(ts.project, ts.total) for ts in sets[1:]]


def test_codec_round_trip_and_refusals(sets):
    whole = sets[0]
    again = codec.targets_from(codec.targets_dict(whole), body=whole.body, year=2023)
    assert codec.targets_dict(again) == codec.targets_dict(whole)
    typed = codec.targets_from({"indicators": [{"level1": "产出", "level2": "数量", "name": "检查次数",
                                                "text": "不少于 12 次", "weight": "25"}]}, body="某单位", year=2023)
    ind = typed.indicators[0]
    assert (ind.key, ind.level1, ind.level2, ind.nature, ind.value, ind.unit, ind.weight) == (
        "i1", "产出指标", "数量指标", "ge", D(12), "次", D(25))
    chosen = codec.targets_from({"indicators": [{"level1": "效益指标", "name": "环境意识", "nature": "定性",
                                                 "text": "明显提高"}]}, body="某单位", year=2023)
    assert chosen.indicators[0].nature == "qualitative"
    for bad, message in (
            ({"indicators": [{"level1": "产出", "name": "x", "nature": "ge", "value": "十二"}]}, "“十二”不是数字"),
            ({"indicators": [{"level1": "产出", "name": "x", "nature": "bigger"}]}, "不是可选项"),
            ({"indicators": [{"name": "x"}]}, "没有一级指标"),
            ({"budget": {"total": "1e40"}}, "数字太长"),
            ({"unit": "亿元"}, "金额单位"),
            ({"tasks": [{"amounts": {"total": 5}}]}, "没有任务名称"),
            ({"indicators": [{"level1": "产出", "name": "x", "nature": "deadline", "deadline": "2023-13"}]}, "不是日期")):
        with pytest.raises(codec.PerfInputError, match=message):
            codec.targets_from(bad, body="某单位", year=2023)
