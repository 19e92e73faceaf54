"""绩效自评 scoring: every figure computed by hand here, then by yusuan.perf.scoring."""

import datetime
from decimal import Decimal as D

import pytest

from yusuan.perf.scoring import Evaluation, EvaluationEntry, RulesError, ScoringRules, apportion, score
from yusuan.perf.targets import Indicator, TargetSet


def small_set(weights=(D(30), D(20), D(30), D(10))) -> TargetSet:
    """产出: a “≥” count and a “≤” time; 效益: a qualitative one; 满意度: a “≥” rate. Budget 1,000 万元."""
    w1, w2, w3, w4 = weights
    return TargetSet("测试单位", 2023, budget={"total": D(1000)}, indicators=[
        Indicator("a", "产出指标", "数量指标", "培训场次", "ge", D(20), unit="次", weight=w1),
        Indicator("b", "产出指标", "时效指标", "响应时间", "le", D(24), unit="小时", weight=w2),
        Indicator("c", "效益指标", "社会效益指标", "群众环境意识", "qualitative", text="明显提高", weight=w3),
        Indicator("d", "满意度指标", "服务对象满意度指标", "服务对象满意度", "ge", D(90), unit="%", weight=w4),
    ])


def evaluation(a=D(15), b=D(30), grade="partial", share=D(70), d=D(95), executed=D("876.54"), reasons=True):
    why = "原因与措施" if reasons else ""
    return Evaluation(executed=executed, entries={
        "a": EvaluationEntry("a", actual=a, reason=why), "b": EvaluationEntry("b", actual=b, reason=why),
        "c": EvaluationEntry("c", grade=grade, share=share, reason=why), "d": EvaluationEntry("d", actual=d)})


def test_the_score_by_hand():
    sc = score(small_set(), evaluation())
    # 预算执行率: 876.54 ÷ 1000 × 10 = 8.7654 → 8.77
    assert sc.execution_rate == D("0.87654") and sc.execution_score == D("8.77")
    by_hand = {
        "a": D(15) / D(20) * D(30),  # “≥” not met: actual ÷ target × weight = 22.5
        "b": (1 - (D(30) - D(24)) / D(24)) * D(20),  # “≤” between target and twice it: (1 − 6 ÷ 24) × 20 = 15
        "c": D(30) * D(70) / D(100),  # qualitative 部分达成 at 70 % of its 30 points = 21
        "d": D(10),  # “≥” met: full
    }
    assert {s.key: s.score for s in sc.indicators} == {k: v.quantize(D("0.01")) for k, v in by_hand.items()}
    assert {s.key: s.points for s in sc.indicators} == {"a": D(30), "b": D(20), "c": D(30), "d": D(10)}
    total = D("8.77") + sum(by_hand.values())
    assert sc.total == total == D("77.27") and sc.grade == "中"
    assert sc.issues == []


def test_reverse_indicator_beyond_twice_the_target_scores_nothing():
    sc = score(small_set(), evaluation(b=D(48)))  # 48 = 2 × 24: (1 − 24 ÷ 24) = 0
    assert sc.of("b").score == 0
    assert score(small_set(), evaluation(b=D(60))).of("b").score == 0
    assert score(small_set(), evaluation(b=D(24))).of("b").score == D(20)  # met exactly


def test_execution_rate_is_capped_at_ten():
    assert score(small_set(), evaluation(executed=D(1200))).execution_score == D(10)


def test_a_missing_reason_is_an_error_and_over_130_percent_needs_one():
    sc = score(small_set(), evaluation(reasons=False))
    assert sorted((i.code, i.key) for i in sc.issues) == [("perf-reason", "a"), ("perf-reason", "b"),
                                                           ("perf-reason", "c")]
    over = score(small_set(), evaluation(a=D(27), b=D(20), grade="met", share=D(90), reasons=False))
    assert [(i.code, i.key) for i in over.issues] == [("perf-over-target", "a")]  # 27 > 20 × 1.3 = 26
    assert over.of("a").score == D(30) and over.of("a").over
    assert score(small_set(), evaluation(a=D(26), b=D(20), grade="met", share=D(90), reasons=False)).issues == []


def test_qualitative_share_must_lie_in_its_band():
    sc = score(small_set(), evaluation(grade="partial", share=D(85)))
    assert [(i.code, i.key) for i in sc.issues] == [("perf-share", "c")]
    assert sc.of("c").score == D(18)  # scored at the band's floor (60 %) until put right
    assert score(small_set(), evaluation(grade="met", share=D(80))).of("c").score == D(24)
    assert score(small_set(), evaluation(grade="unmet", share=D(0))).of("c").score == 0


def test_equal_shares_without_weights_add_up_exactly():
    ts = small_set(weights=(None, None, None, None))
    ts.indicators.insert(1, Indicator("e", "产出指标", "质量指标", "合格率", "ge", D(90), unit="%"))
    sc = score(ts, evaluation())
    # 50 points over three 产出 indicators: 16.66…, cut to cents by largest remainder (the first ones first)
    assert [sc.of(k).points for k in ("a", "e", "b")] == [D("16.67"), D("16.67"), D("16.66")]
    assert sum(s.points for s in sc.indicators) + sc.execution_points == 100


def test_an_absent_category_gives_its_points_to_the_others():
    ts = small_set()
    ts.indicators = [i for i in ts.indicators if i.level1 != "满意度指标"]
    sc = score(ts, evaluation())
    assert sc.category_points == {"产出指标": D("56.25"), "效益指标": D("33.75")}  # 50 and 30 of 80, × 90
    assert sc.of("a").points == D("33.75")  # 30 of the 50 产出 weight points
    lost = score(ts, evaluation(), ScoringRules.resolve({"absent": "lose"}))
    assert lost.category_points == {"产出指标": D(50), "效益指标": D(30)}


def test_deadline_range_and_equal_natures():
    ts = TargetSet("测试单位", 2023, budget={"total": D(100)}, indicators=[
        Indicator("t", "产出指标", "时效指标", "完成时间", "deadline", deadline="2023-11", weight=D(20)),
        Indicator("r", "产出指标", "成本指标", "预算节约率", "range", D(0), D(1), unit="%", weight=D(20)),
        Indicator("q", "产出指标", "数量指标", "报告份数", "eq", D(4), unit="份", weight=D(10)),
    ])
    # only 产出 is set: it takes all 90 points, by weight 20 : 20 : 10
    on_time = Evaluation(executed=D(100), entries={
        "t": EvaluationEntry("t", done_on=datetime.date(2023, 11, 30)), "r": EvaluationEntry("r", actual=D("0.5")),
        "q": EvaluationEntry("q", actual=D(5))})
    sc = score(ts, on_time)
    assert [sc.of(k).points for k in "trq"] == [D(36), D(36), D(18)]
    assert [sc.of(k).score for k in "trq"] == [D(36), D(36), D(18)]
    late = Evaluation(executed=D(100), entries={
        "t": EvaluationEntry("t", done_on=datetime.date(2023, 12, 1), reason="延误"),
        "r": EvaluationEntry("r", actual=D("1.5"), reason="超支"), "q": EvaluationEntry("q", actual=D(3), reason="少一份")})
    sc = score(ts, late)
    # late: 0; a range above its upper bound scores as “≤” it: (1 − 0.5 ÷ 1) × 36 = 18; “=” short as “≥”: 3 ÷ 4 × 18
    assert [sc.of(k).score for k in "trq"] == [0, D(18), D("13.5")]


def test_grades_at_their_bounds():
    rules = ScoringRules()
    assert [rules.grade(D(x)) for x in ("90", "89.99", "80", "79.99", "60", "59.99", "0")] == \
        ["优", "良", "良", "中", "中", "差", "差"]


def test_rules_are_configurable_and_checked():
    rules = ScoringRules.resolve({"category_points": {"产出指标": 40, "效益指标": 40, "满意度指标": 10},
                                  "over_target": "1.5"})
    sc = score(small_set(weights=(None, None, None, None)), evaluation(a=D(29)), rules)
    assert sc.category_points == {"产出指标": D(40), "效益指标": D(40), "满意度指标": D(10)}
    assert sc.of("c").points == D(40) and not any(i.code == "perf-over-target" for i in sc.issues)  # 29 < 30
    assert ScoringRules.resolve(rules.to_dict()) == rules
    for bad in ({"grades": [[60, "中"], [90, "优"]]}, {"qualitative": {"met": [90, 80], "partial": [60, 80],
                                                                       "unmet": [0, 60]}},
                {"places": 9}, {"execution_points": "x"}, {"nope": 1}):
        with pytest.raises(RulesError, match="评分规则"):
            ScoringRules.resolve(bad)


def test_missing_figures_score_nothing_and_say_so():
    sc = score(small_set(), Evaluation())
    assert sc.total == 0 and sc.execution_rate is None
    assert {i.code for i in sc.issues} == {"perf-execution", "perf-actual"}


def test_apportion_keeps_the_total():
    shares = apportion({"x": D(10) / 3, "y": D(10) / 3, "z": D(10) / 3}, D(10), D("0.01"))
    assert shares == {"x": D("3.34"), "y": D("3.33"), "z": D("3.33")} and sum(shares.values()) == 10
