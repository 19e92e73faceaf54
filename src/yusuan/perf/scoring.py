"""绩效自评: the year's actual of every indicator scored, by configurable rules (`ScoringRules`), whose
defaults are:

- 预算执行率 10 points: min(执行数 ÷ 预算数 × 10, 10);
- 产出 50, 效益 30, 满意度 10 points, spread over each category's indicators by weight (an indicator
  without a weight: equal shares); a category without indicators gives its points to the others in
  proportion (`absent="spread"`), or loses them (`absent="lose"`);
- “≥” (and “=”): met scores full, else actual ÷ target × points;
- “≤”: met scores full; between the target and twice the target (1 − (actual − target) ÷ target) × points;
  beyond, 0;
- a range: inside full; below it as “≥” its lower bound, above it as “≤” its upper bound;
- a deadline: done by it full, later `deadline_late` of the points (0);
- qualitative: by grade — 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the points, the evaluator
  choosing the share within the band;
- an actual above 130 % of a “≥”/“=” target needs a reason, as does any indicator not met;
- grades 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.

Points and scores are Decimal, rounded half up to `places` decimals: a category's points are cut into the
indicators' shares by largest remainder, so they add up to the category's points exactly, and the total is
the sum of the scores printed.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from yusuan.catalog.performance import indicator_framework
from yusuan.perf.issue import Issue
from yusuan.perf.targets import QUANTITATIVE, Indicator, TargetSet, plain

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
QUALITATIVE_GRADES = {"met": "达成", "partial": "部分达成", "unmet": "未达成"}


def _default_points() -> dict[str, Decimal]:
    return dict(indicator_framework().points)


def _default_bands() -> dict[str, tuple[Decimal, Decimal]]:
    return {"met": (Decimal(80), HUNDRED), "partial": (Decimal(60), Decimal(80)), "unmet": (ZERO, Decimal(60))}


def _default_grades() -> tuple[tuple[Decimal, str], ...]:
    return ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (ZERO, "差"))


class RulesError(ValueError):
    """Rules that cannot score (a Chinese message)."""


@dataclass(frozen=True)
class ScoringRules:
    execution_points: Decimal = field(default_factory=lambda: indicator_framework().execution_points)
    category_points: Mapping[str, Decimal] = field(default_factory=_default_points)
    qualitative: Mapping[str, tuple[Decimal, Decimal]] = field(default_factory=_default_bands)
    over_target: Decimal = Decimal("1.3")  # an actual above this many times its target needs a reason
    reason_below_target: bool = True  # an indicator not met needs its 偏差原因分析及改进措施
    grades: tuple[tuple[Decimal, str], ...] = field(default_factory=_default_grades)  # highest first
    absent: str = "spread"  # spread | lose: the points of a category without indicators
    deadline_late: Decimal = ZERO  # the share of its points a deadline met late scores
    places: int = 2

    def __post_init__(self):
        def need(ok: bool, message: str):
            if not ok:
                raise RulesError(f"评分规则不正确：{message}")

        need(self.execution_points >= 0 and all(p >= 0 for p in self.category_points.values()), "分值不能为负数")
        need(set(self.qualitative) == set(QUALITATIVE_GRADES), "定性指标须有达成、部分达成、未达成三档")
        need(all(ZERO <= lo <= hi <= HUNDRED for lo, hi in self.qualitative.values()),
             "定性指标各档的得分比例须在 0–100% 之间，下限不大于上限")
        need(self.over_target >= 1, "需说明原因的超目标倍数不能小于 1")
        thresholds = [t for t, _ in self.grades]
        need(bool(self.grades) and thresholds == sorted(thresholds, reverse=True) and thresholds[-1] == 0,
             "等级须从高到低排列，最低一档从 0 分起")
        need(self.absent in ("spread", "lose"), "未设置的一级指标的分值只能 spread（按比例并入）或 lose（不计）")
        need(ZERO <= self.deadline_late <= ONE, "逾期完成的时限指标得分比例须在 0 到 1 之间")
        need(0 <= self.places <= 4, "小数位数须在 0 到 4 之间")

    @classmethod
    def resolve(cls, value: ScoringRules | Mapping | None) -> ScoringRules:
        """Rules from an instance, a dict of the fields to change (numbers as strings or numbers), or None."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        unknown = set(value) - {f.name for f in fields(cls)}
        if unknown:
            raise RulesError(f"评分规则中没有这些项：{'、'.join(sorted(unknown))}")
        try:
            kw = {}
            for k, v in value.items():
                if k in ("execution_points", "over_target", "deadline_late"):
                    kw[k] = Decimal(str(v))
                elif k == "category_points":
                    kw[k] = {str(c): Decimal(str(p)) for c, p in v.items()}
                elif k == "qualitative":
                    kw[k] = {str(g): (Decimal(str(b[0])), Decimal(str(b[1]))) for g, b in v.items()}
                elif k == "grades":
                    kw[k] = tuple((Decimal(str(t)), str(n)) for t, n in v)
                elif k == "places":
                    kw[k] = int(v)
                elif k == "reason_below_target":
                    kw[k] = bool(v)
                else:
                    kw[k] = str(v)
        except (InvalidOperation, TypeError, ValueError, IndexError, AttributeError):
            raise RulesError("评分规则不正确：分值、比例须为数字") from None
        return cls(**kw)

    def to_dict(self) -> dict:
        return {"execution_points": plain(self.execution_points),
                "category_points": {k: plain(v) for k, v in self.category_points.items()},
                "qualitative": {k: [plain(lo), plain(hi)] for k, (lo, hi) in self.qualitative.items()},
                "over_target": plain(self.over_target), "reason_below_target": self.reason_below_target,
                "grades": [[plain(t), n] for t, n in self.grades], "absent": self.absent,
                "deadline_late": plain(self.deadline_late), "places": self.places}

    @property
    def quantum(self) -> Decimal:
        return Decimal(1).scaleb(-self.places)

    def round(self, d: Decimal) -> Decimal:
        return d.quantize(self.quantum, rounding=ROUND_HALF_UP)

    def grade(self, total: Decimal) -> str:
        return next(name for threshold, name in self.grades if total >= threshold)


@dataclass(slots=True)
class EvaluationEntry:
    key: str
    actual: Decimal | None = None  # the year's actual, in the indicator's unit
    done_on: datetime.date | None = None  # a deadline's: the day it was done
    grade: str = ""  # a qualitative one's: met / partial / unmet
    share: Decimal | None = None  # a qualitative one's: the percent of its points, within its grade's band
    actual_text: str = ""  # what was reached, in words (a qualitative one's, or a note)
    evidence: str = ""  # where it is shown (佐证材料)
    reason: str = ""  # 偏差原因分析及改进措施


@dataclass(slots=True)
class Evaluation:
    budget: Decimal | None = None  # 全年预算数 (the set's total when not given)
    executed: Decimal | None = None  # 全年执行数
    entries: dict[str, EvaluationEntry] = field(default_factory=dict)
    summary: str = ""  # 总体完成情况
    problems: str = ""  # 存在的问题
    measures: str = ""  # 改进措施

    def entry(self, key: str) -> EvaluationEntry:
        return self.entries.get(key) or EvaluationEntry(key)


@dataclass(slots=True)
class IndicatorScore:
    key: str
    points: Decimal  # 分值
    score: Decimal  # 得分
    fraction: Decimal  # of the points earned, before rounding
    met: bool
    over: bool = False  # above `over_target` times its target


@dataclass(slots=True)
class Score:
    budget: Decimal | None
    executed: Decimal | None
    execution_rate: Decimal | None  # 执行数 ÷ 预算数
    execution_points: Decimal
    execution_score: Decimal
    indicators: list[IndicatorScore]
    category_points: dict[str, Decimal]  # each 一级 category's points, after spreading an absent one's
    total: Decimal
    grade: str
    issues: list[Issue]

    def of(self, key: str) -> IndicatorScore | None:
        return next((s for s in self.indicators if s.key == key), None)


def score(ts: TargetSet, ev: Evaluation, rules: ScoringRules | None = None) -> Score:
    rules = rules or ScoringRules()
    issues: list[Issue] = []
    budget = ev.budget if ev.budget is not None else ts.total
    rate, exec_score = None, ZERO
    if budget is None or ev.executed is None:
        issues.append(Issue("error", "perf-execution", "请填写全年预算数和全年执行数（预算执行率据此计分）"))
    elif budget <= 0:
        issues.append(Issue("error", "perf-execution", "全年预算数须大于 0"))
    elif ev.executed < 0:
        issues.append(Issue("error", "perf-execution", "全年执行数不能为负数"))
    else:
        rate = ev.executed / budget
        exec_score = rules.round(min(rate * rules.execution_points, rules.execution_points))
    cats = category_points(ts, rules)
    points = indicator_points(ts, rules, cats)
    scores = []
    for ind in ts.scored:
        p = points.get(ind.key, ZERO)
        entry = ev.entry(ind.key)
        fraction, found = _fraction(ind, entry, ts.year, rules)
        issues.extend(found)
        over = (ind.nature in ("ge", "eq", "range") and entry.actual is not None and
                (bound := ind.upper if ind.nature == "range" else ind.value) is not None and bound > 0
                and entry.actual > bound * rules.over_target)
        met = entry.grade == "met" if ind.nature == "qualitative" else fraction >= ONE
        if over and not entry.reason.strip():
            issues.append(Issue("error", "perf-over-target",
                                f"“{ind.name}”实际完成值 {plain(entry.actual)}{ind.unit} 超过目标值的 "
                                f"{plain(rules.over_target * 100)}%：请说明原因（目标是否定得过低）", ind.key))
        if not met and rules.reason_below_target and not entry.reason.strip() and not _missing(found):
            issues.append(Issue("error", "perf-reason", f"“{ind.name}”未完成目标：请填写偏差原因分析及改进措施",
                                ind.key))
        scores.append(IndicatorScore(ind.key, p, rules.round(p * fraction), fraction, met, over))
    total = exec_score + sum((s.score for s in scores), ZERO)
    return Score(budget, ev.executed, rate, rules.execution_points, exec_score, scores, cats, total,
                 rules.grade(total), issues)


def _missing(issues: list[Issue]) -> bool:
    return any(i.code == "perf-actual" for i in issues)


def category_points(ts: TargetSet, rules: ScoringRules) -> dict[str, Decimal]:
    """The points of each 一级 category that has indicators; those of a category without any are spread
    over the others in proportion to their points (or lost)."""
    present = {i.level1 for i in ts.scored if i.level1 in rules.category_points}
    base = {c: p for c, p in rules.category_points.items() if c in present}
    missing = sum((p for c, p in rules.category_points.items() if c not in present), ZERO)
    if rules.absent == "lose" or not missing or not sum(base.values(), ZERO):
        return {c: rules.round(p) for c, p in base.items()}
    whole = sum(base.values(), ZERO) + missing
    return apportion({c: whole * p / sum(base.values(), ZERO) for c, p in base.items()}, rules.round(whole),
                     rules.quantum)


def indicator_points(ts: TargetSet, rules: ScoringRules, cats: dict[str, Decimal] | None = None) -> dict[str, Decimal]:
    """Each indicator's points (分值): its category's points by weight, adding up exactly."""
    cats = cats if cats is not None else category_points(ts, rules)
    found: dict[str, Decimal] = {}
    for cat, total in cats.items():
        members = [i for i in ts.scored if i.level1 == cat]
        weights = [i.weight for i in members]
        if any(w is None for w in weights) or sum(weights, ZERO) <= 0:
            weights = [ONE] * len(members)
        whole = sum(weights, ZERO)
        found.update(apportion({i.key: total * w / whole for i, w in zip(members, weights)}, total, rules.quantum))
    return found


def apportion(exact: dict[str, Decimal], total: Decimal, quantum: Decimal) -> dict[str, Decimal]:
    """`exact` shares rounded down to `quantum`, the quanta left over given to the largest remainders
    (the first of equal ones), so that they add up to `total`."""
    down = {k: v.quantize(quantum, rounding=ROUND_DOWN) for k, v in exact.items()}
    left = int((total - sum(down.values(), ZERO)) / quantum)
    for k in sorted(exact, key=lambda k: exact[k] - down[k], reverse=True)[:max(left, 0)]:
        down[k] += quantum
    return down


def _fraction(ind: Indicator, entry: EvaluationEntry, year: int, rules: ScoringRules) -> tuple[Decimal, list[Issue]]:
    """The share of its points an indicator earns (0 to 1), and what keeps it from being scored."""
    name = ind.name
    if ind.nature == "qualitative":
        band = rules.qualitative.get(entry.grade)
        if band is None:
            return ZERO, [Issue("error", "perf-actual", f"“{name}”是定性指标：请选择达成、部分达成或未达成", ind.key)]
        lo, hi = band
        if entry.share is None or not lo <= entry.share <= hi:
            return (lo / HUNDRED, [Issue("error", "perf-share",
                                         f"“{name}”{QUALITATIVE_GRADES[entry.grade]}：得分比例须在 {plain(lo)}%–"
                                         f"{plain(hi)}% 之间", ind.key)])
        return entry.share / HUNDRED, []
    if ind.nature == "deadline":
        due = ind.due(year)
        if entry.done_on is None:
            return ZERO, [Issue("error", "perf-actual", f"“{name}”：请填写完成日期", ind.key)]
        return (ONE if due is None or entry.done_on <= due else rules.deadline_late), []
    if ind.nature not in QUANTITATIVE or ind.value is None:
        return ZERO, [Issue("error", "perf-unscorable", f"“{name}”的指标值无法衡量，不能评分：请先在绩效目标中更正",
                            ind.key)]
    if entry.actual is None:
        return ZERO, [Issue("error", "perf-actual", f"“{name}”：请填写实际完成值", ind.key)]
    return quantitative_fraction(ind, entry.actual), []


def quantitative_fraction(ind: Indicator, actual: Decimal) -> Decimal:
    if ind.nature in ("ge", "eq"):
        return _at_least(actual, ind.value)
    if ind.nature == "le":
        return _at_most(actual, ind.value)
    lower, upper = ind.value, ind.upper if ind.upper is not None else ind.value  # a range
    if actual < lower:
        return _at_least(actual, lower)
    return _at_most(actual, upper) if actual > upper else ONE


def _at_least(actual: Decimal, target: Decimal) -> Decimal:
    if actual >= target or target <= 0:
        return ONE
    return max(actual, ZERO) / target


def _at_most(actual: Decimal, target: Decimal) -> Decimal:
    if actual <= target:
        return ONE
    if target <= 0 or actual >= 2 * target:
        return ZERO
    return ONE - (actual - target) / target
