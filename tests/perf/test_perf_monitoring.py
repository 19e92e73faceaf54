"""绩效运行监控: progress against target and time, the bands, and the reasons a deviation requires."""

import datetime
from decimal import Decimal as D

import pytest

from yusuan.perf.monitoring import Bands, BandsError, Monitoring, MonitoringEntry, assess, time_progress
from yusuan.perf.targets import Indicator, TargetSet

AUG31 = datetime.date(2023, 8, 31)


def targets() -> TargetSet:
    return TargetSet("测试单位", 2023, budget={"total": D(1000)}, indicators=[
        Indicator("a", "产出指标", "数量指标", "培训场次", "ge", D(20), unit="次"),  # a count: against time
        Indicator("b", "产出指标", "时效指标", "响应时间", "le", D(24), unit="小时"),
        Indicator("c", "效益指标", "社会效益指标", "群众环境意识", "qualitative", text="明显提高"),
        Indicator("d", "满意度指标", "服务对象满意度指标", "满意度", "ge", D(90), unit="%"),  # a level: against target
        Indicator("e", "产出指标", "时效指标", "演练完成时间", "deadline", deadline="2023-11"),
    ])


def round_(executed=D(500), reason="", action="", a=None, **more) -> Monitoring:
    entries = {
        "a": MonitoringEntry("a", **{"achieved": D(6), "likelihood": "possible", **(a or {})}),
        "b": MonitoringEntry("b", achieved=D(20), likelihood="certain"),
        "c": MonitoringEntry("c", likelihood="possible", reason="management", action="加强宣传"),
        "d": MonitoringEntry("d", achieved=D(85), likelihood="certain"),
        "e": MonitoringEntry("e", likelihood="certain"),
    }
    return Monitoring(AUG31, executed=executed, forecast=D(950), reason=reason, action=action, entries=entries, **more)


def test_time_progress_counts_months():
    assert time_progress(AUG31) == D(8) / D(12)
    assert time_progress(datetime.date(2023, 6, 15)) == (D(5) + D(15) / D(30)) / D(12)
    assert time_progress(datetime.date(2023, 12, 31)) == 1


def test_one_indicator_behind_time_and_the_spending_behind_it():
    result = assess(targets(), round_(a={"reason": "funding", "action": "追加培训"}, reason="funding",
                                      action="加快支付"))
    elapsed = D(8) / D(12)
    assert result.execution == D("0.5") and result.execution_relative == D("0.5") / elapsed  # 0.75
    assert result.execution_band == "yellow" and result.execution_deviation
    a = result.of("a")
    assert (a.progress, a.expected) == (D("0.3"), elapsed)  # 6 of 20 by the end of August, 8/12 of the year gone
    assert a.relative == D("0.3") / elapsed and a.relative < D("0.6") and a.band == "red" and a.deviation
    assert (result.of("b").band, result.of("d").band) == ("green", "green")  # 20 h ≤ 24 h; 85 % of 90 % = 94 %
    assert result.of("d").relative == D(85) / D(90)
    assert (result.of("c").band, result.of("c").deviation) == ("yellow", True)  # 有可能: a deviation
    assert result.of("e").band == "green" and result.of("e").progress is None  # not due yet
    assert result.reds == ["a"] and result.forecast_rate == D("0.95")
    assert result.issues == []


def test_a_deviation_requires_a_reason_and_an_action():
    result = assess(targets(), round_())
    assert sorted((i.code, i.key) for i in result.issues) == [
        ("perf-deviation-action", ""), ("perf-deviation-action", "a"),
        ("perf-deviation-reason", ""), ("perf-deviation-reason", "a")]
    assert all(i.severity == "error" for i in result.issues)
    assert "落后于时间进度" in next(i.message for i in result.issues if i.key == "")


def test_bands_are_configurable():
    result = assess(targets(), round_(a={"likelihood": "certain"}), Bands(red=D("0.4"), yellow=D("0.5")))
    assert result.of("a").band == "yellow"  # 0.45 is above a red line at 40 %
    assert result.execution_band == "green"  # 0.75 is above both
    with pytest.raises(BandsError):
        Bands.resolve({"red": "0.9", "yellow": "0.8"})
    assert Bands.resolve({"red": "0.5"}) == Bands(D("0.5"), D("0.8"))


def test_likelihood_worse_than_the_figures_wins_and_a_deadline_past_is_red():
    mon = round_(a={"achieved": D(20), "likelihood": "impossible", "reason": "planning", "action": "调整目标"},
                 reason="funding", action="加快支付")
    mon.as_of = datetime.date(2023, 12, 5)
    result = assess(targets(), mon)
    assert result.of("a").band == "red"  # reached in figures, but said impossible
    assert result.of("e").band == "red" and result.of("e").progress == 0  # due at the end of November, not done
    done = mon.entries["e"]
    done.done_on = datetime.date(2023, 11, 20)
    assert assess(targets(), mon).of("e").band == "green"


def test_missing_answers_are_reported():
    mon = Monitoring(AUG31)
    result = assess(targets(), mon)
    codes = [(i.severity, i.code) for i in result.issues]
    assert ("error", "perf-execution") in codes
    assert codes.count(("error", "perf-likelihood")) == 5
    assert codes.count(("warning", "perf-achieved")) == 3  # not for the qualitative one nor the deadline
    other_year = assess(targets(), Monitoring(datetime.date(2024, 3, 31), executed=D(10)))
    assert any(i.code == "perf-date" for i in other_year.issues)
