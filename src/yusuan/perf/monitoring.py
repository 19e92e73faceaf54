"""绩效运行监控: a monitoring round of one target set at a date — per indicator the value achieved by then,
the value expected for the year and whether the target will be reached (确定能 / 有可能 / 不可能); for the
spending the 1–N 月执行数 and the 全年预计执行数.

Progress is set against the target and the time elapsed. 时间进度 is the share of the year gone by the
monitoring date (months, a month's days counting in it: 31 August is 8/12). The spending's 预算执行进度
(执行数 ÷ 预算数) and a cumulative indicator's progress (achieved ÷ target, a count that grows over the
year) are divided by it; a level (a rate, a score, a frequency) is compared with its target as it stands,
a “≤” one as target ÷ achieved. The result falls in a band (`Bands`: red below 60 %, yellow below 80 %,
else green); an indicator without figures (qualitative, a deadline not yet due) takes its band from its
likelihood (有可能 yellow, 不可能 red), and a likelihood worse than the figures' band wins.

A deviation — a red or yellow band, or a target not certain to be reached — requires a reason
(规划和目标设计 / 投入保障 / 制度保障 / 项目管理) and a corrective action.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from yusuan.perf.issue import Issue
from yusuan.perf.targets import Indicator, TargetSet, plain

ZERO, ONE, TWELVE = Decimal(0), Decimal(1), Decimal(12)
LIKELIHOODS = {"certain": "确定能", "possible": "有可能", "impossible": "不可能"}
REASONS = {"planning": "规划和目标设计", "funding": "投入保障", "institution": "制度保障", "management": "项目管理"}
BAND_NAMES = {"green": "正常", "yellow": "黄色预警", "red": "红色预警", "": ""}
_RANK = {"": 0, "green": 1, "yellow": 2, "red": 3}
_BY_LIKELIHOOD = {"certain": "green", "possible": "yellow", "impossible": "red", "": ""}


class BandsError(ValueError):
    pass


@dataclass(frozen=True)
class Bands:
    """Progress (against time, or against the target for a level) below `red` is red, below `yellow` yellow."""

    red: Decimal = Decimal("0.6")
    yellow: Decimal = Decimal("0.8")

    def __post_init__(self):
        if not ZERO < self.red <= self.yellow <= ONE:
            raise BandsError("预警区间不正确：须 0 < 红色 ≤ 黄色 ≤ 100%")

    @classmethod
    def resolve(cls, value: Bands | Mapping | None) -> Bands:
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        unknown = set(value) - {"red", "yellow"}
        if unknown:
            raise BandsError(f"预警区间中没有这些项：{'、'.join(sorted(unknown))}")
        try:
            return cls(**{k: Decimal(str(v)) for k, v in value.items()})
        except (InvalidOperation, TypeError):
            raise BandsError("预警区间须为 0 到 1 之间的数字") from None

    def to_dict(self) -> dict:
        return {"red": plain(self.red), "yellow": plain(self.yellow)}

    def of(self, relative: Decimal | None) -> str:
        if relative is None:
            return ""
        return "red" if relative < self.red else "yellow" if relative < self.yellow else "green"


@dataclass(slots=True)
class MonitoringEntry:
    key: str
    achieved: Decimal | None = None  # reached by the monitoring date (1–N 月实际完成值)
    forecast: Decimal | None = None  # expected for the whole year (全年预计完成值)
    done_on: datetime.date | None = None  # a deadline's: the day it was done, if it was
    likelihood: str = ""  # certain / possible / impossible
    reason: str = ""  # REASONS, when the indicator deviates
    action: str = ""  # the corrective action
    note: str = ""  # what was reached, in words (a qualitative one's)


@dataclass(slots=True)
class Monitoring:
    as_of: datetime.date
    budget: Decimal | None = None  # 全年预算数 (the set's total when not given)
    executed: Decimal | None = None  # 1–N 月执行数
    forecast: Decimal | None = None  # 全年预计执行数
    reason: str = ""  # the spending's deviation: REASONS
    action: str = ""
    entries: dict[str, MonitoringEntry] = field(default_factory=dict)

    def entry(self, key: str) -> MonitoringEntry:
        return self.entries.get(key) or MonitoringEntry(key)

    @property
    def month(self) -> int:
        """N of 1–N 月."""
        return self.as_of.month


@dataclass(slots=True)
class Progress:
    key: str
    progress: Decimal | None  # achieved against the target (1 = reached)
    expected: Decimal | None  # what it should be by now: the time elapsed for a cumulative one, else 1
    relative: Decimal | None  # progress ÷ expected
    band: str  # green / yellow / red / ""
    deviation: bool


@dataclass(slots=True)
class MonitoringResult:
    time_progress: Decimal
    budget: Decimal | None
    execution: Decimal | None  # 预算执行进度: 执行数 ÷ 预算数
    execution_relative: Decimal | None  # against the time elapsed
    execution_band: str
    execution_deviation: bool
    forecast_rate: Decimal | None  # 全年预计执行率
    indicators: list[Progress]
    issues: list[Issue]

    def of(self, key: str) -> Progress | None:
        return next((p for p in self.indicators if p.key == key), None)

    @property
    def reds(self) -> list[str]:
        return [p.key for p in self.indicators if p.band == "red"]


def time_progress(day: datetime.date) -> Decimal:
    """The share of its year gone by the end of `day`, counted in months: 31 August → 8/12."""
    days = calendar.monthrange(day.year, day.month)[1]
    return (Decimal(day.month - 1) + Decimal(day.day) / Decimal(days)) / TWELVE


def assess(ts: TargetSet, mon: Monitoring, bands: Bands | None = None) -> MonitoringResult:
    bands = bands or Bands()
    issues: list[Issue] = []
    elapsed = time_progress(mon.as_of)
    if mon.as_of.year != ts.year:
        issues.append(Issue("error", "perf-date", f"监控日期 {mon.as_of.isoformat()} 不在 {ts.year} 年内"))
    budget = mon.budget if mon.budget is not None else ts.total
    execution = relative = forecast_rate = None
    if budget is None or mon.executed is None:
        issues.append(Issue("error", "perf-execution", f"请填写全年预算数和 1–{mon.month} 月执行数"))
    elif budget <= 0:
        issues.append(Issue("error", "perf-execution", "全年预算数须大于 0"))
    else:
        execution = mon.executed / budget
        relative = execution / elapsed
        if mon.forecast is not None:
            forecast_rate = mon.forecast / budget
    band = bands.of(relative)
    spend_deviation = band in ("red", "yellow")
    if spend_deviation:
        _need_reason(issues, mon.reason, mon.action, f"预算执行进度 {percent(execution)} 落后于时间进度 "
                     f"{percent(elapsed)}（{BAND_NAMES[band]}）", "")
    progress = []
    for ind in ts.scored:
        entry = mon.entry(ind.key)
        p = _progress(ind, entry, mon.as_of, elapsed, ts.year, bands)
        if entry.likelihood not in LIKELIHOODS:
            issues.append(Issue("error", "perf-likelihood", f"“{ind.name}”：请选择完成目标可能性（确定能、有可能、不可能）",
                                ind.key))
        if entry.achieved is None and ind.nature not in ("qualitative", "deadline"):
            issues.append(Issue("warning", "perf-achieved", f"“{ind.name}”：没有填写截至 {mon.as_of.isoformat()} "
                                                             "的实际完成值", ind.key))
        if p.deviation:
            why = (f"进度 {percent(p.relative)}（{BAND_NAMES[p.band]}）" if p.relative is not None and p.band != "green"
                   else f"完成目标可能性为“{LIKELIHOODS.get(entry.likelihood, '')}”")
            _need_reason(issues, entry.reason, entry.action, f"“{ind.name}”{why}", ind.key)
        progress.append(p)
    return MonitoringResult(elapsed, budget, execution, relative, band, spend_deviation, forecast_rate, progress,
                            issues)


def _need_reason(issues: list[Issue], reason: str, action: str, what: str, key: str) -> None:
    if reason not in REASONS:
        issues.append(Issue("error", "perf-deviation-reason",
                            f"{what}：请选择偏差原因（{'、'.join(REASONS.values())}）", key))
    if not action.strip():
        issues.append(Issue("error", "perf-deviation-action", f"{what}：请填写纠偏措施", key))


def _progress(ind: Indicator, entry: MonitoringEntry, as_of: datetime.date, elapsed: Decimal, year: int,
              bands: Bands) -> Progress:
    progress = expected = None
    if ind.nature == "deadline":
        due = ind.due(year)
        if entry.done_on is not None:
            progress = ONE if due is None or entry.done_on <= due else ZERO
        elif due is not None and as_of > due:
            progress = ZERO
        expected = ONE if progress is not None else None
    elif ind.nature in ("ge", "eq", "le", "range") and ind.value is not None and entry.achieved is not None:
        progress = _against_target(ind, entry.achieved)
        expected = elapsed if ind.is_cumulative else ONE
    relative = progress / expected if progress is not None and expected else None
    band = bands.of(relative)
    by_likelihood = _BY_LIKELIHOOD.get(entry.likelihood, "")
    if _RANK[by_likelihood] > _RANK[band]:  # the worse of the figures' band and the likelihood's
        band = by_likelihood
    deviation = band in ("red", "yellow") or entry.likelihood in ("possible", "impossible")
    return Progress(ind.key, progress, expected, relative, band, deviation)


def _against_target(ind: Indicator, achieved: Decimal) -> Decimal:
    value = ind.value
    if ind.nature in ("ge", "eq"):
        return achieved / value if value > 0 else ONE
    upper = ind.upper if ind.nature == "range" and ind.upper is not None else value
    if ind.nature == "range" and achieved < value:
        return achieved / value if value > 0 else ONE
    if achieved <= upper:
        return ONE
    return upper / achieved if upper > 0 else ZERO


def percent(d: Decimal | None, places: int = 2) -> str:
    """0.6667 → 66.67%."""
    if d is None:
        return "—"
    return f"{(d * 100).quantize(Decimal(1).scaleb(-places)):f}%"
