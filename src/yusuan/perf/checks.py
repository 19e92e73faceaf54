"""Checks when targets are set: every indicator measurable or explicitly qualitative; every declared
category filled or removed; the amounts consistent with themselves, with the expense tables and with the
project list of the body's budget; no target weaker than last year's actual (a warning); weights adding up
to their category's points.

An error is what the figures prove wrong or what keeps the set from being monitored and scored; a
difference with the budget tables is a warning (the two may cover different funds), a project not found in
the list an info.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from yusuan.model.disclosure import Disclosure
from yusuan.model.text import match_key, squash
from yusuan.model.tolerance import bound
from yusuan.perf.from_disclosure import project_amounts
from yusuan.perf.issue import Issue
from yusuan.perf.scoring import Evaluation, ScoringRules
from yusuan.perf.targets import AMOUNTS, NATURES, QUANTITATIVE, TargetSet, plain
from yusuan.perf.tree import in_framework, level1_names
from yusuan.rules.context import Context
from yusuan.rules.tables import money

ZERO = Decimal(0)
YUAN = {"万元": Decimal(10000), "元": Decimal(1)}


@dataclass(frozen=True, slots=True)
class Prior:
    """Last year's actual of an indicator of the same name."""

    actual: Decimal
    unit: str


def prior_actuals(ts: TargetSet, ev: Evaluation) -> dict[str, Prior]:
    """Last year's actuals by indicator name, from last year's targets and self-evaluation."""
    found = {}
    for ind in ts.scored:
        actual = ev.entry(ind.key).actual
        if actual is not None and ind.nature in QUANTITATIVE:
            found[match_key(ind.name)] = Prior(actual, ind.unit)
    return found


def check_targets(ts: TargetSet, *, budget: Disclosure | None = None, prior: Mapping[str, Prior] | None = None,
                  rules: ScoringRules | None = None) -> list[Issue]:
    """What is wrong with `ts`. `budget`: the body's budget disclosure of the year (its expense tables and
    project list); `prior`: last year's actuals by indicator name (model.text.match_key)."""
    rules = rules or ScoringRules()
    issues: list[Issue] = []
    issues += _measurable(ts)
    issues += _categories(ts, rules)
    issues += _tasks(ts)
    if budget is not None:
        issues += _against_budget(ts, budget)
    issues += _prior(ts, prior or {})
    issues += _weights(ts, rules)
    return issues


def _measurable(ts: TargetSet) -> list[Issue]:
    found = []
    if not ts.scored:
        found.append(Issue("error", "perf-no-indicators", "尚未设置绩效指标"))
    for ind in ts.scored:
        if not ind.nature:
            what = f"指标值“{ind.text}”无法衡量" if ind.text else "没有指标值"
            found.append(Issue("error", "perf-unmeasurable",
                               f"“{ind.label}”{what}：请写明数值和方向（如 ≥90%、≤24 小时、2023 年 11 月底前），"
                               "或标为定性指标", ind.key))
        elif ind.nature in QUANTITATIVE and (ind.value is None or (ind.nature == "range" and ind.upper is None)):
            found.append(Issue("error", "perf-unmeasurable", f"“{ind.label}”是{NATURES[ind.nature]}指标，但没有指标值",
                               ind.key))
        elif ind.nature == "range" and ind.upper < ind.value:
            found.append(Issue("error", "perf-unmeasurable", f"“{ind.label}”的区间下限大于上限", ind.key))
        elif ind.nature == "deadline" and not ind.deadline:
            found.append(Issue("error", "perf-unmeasurable", f"“{ind.label}”是时限指标，但没有完成时限", ind.key))
        elif ind.nature == "deadline" and (due := ind.due(ts.year)) is not None and due.year != ts.year:
            found.append(Issue("warning", "perf-deadline-year",
                               f"“{ind.label}”的完成时限 {due.isoformat()} 不在 {ts.year} 年内", ind.key))
        elif ind.nature == "qualitative" and not ind.text:
            found.append(Issue("warning", "perf-qualitative-text",
                               f"“{ind.label}”是定性指标：请写明要达到的状态或标准，以便评定等级", ind.key))
    named = Counter((i.level1, i.level2, match_key(i.name)) for i in ts.scored)
    for (l1, l2, name), n in named.items():
        if n > 1:
            found.append(Issue("warning", "perf-duplicate", f"“{l1}／{l2}”下有 {n} 个同名指标“{name}”"))
    return found


def _categories(ts: TargetSet, rules: ScoringRules) -> list[Issue]:
    found = []
    filled = {(i.level1, i.level2) for i in ts.scored}
    filled1 = {l1 for l1, _ in filled}
    reported = set()
    for ind in ts.indicators:
        if ind.name or (ind.level1, ind.level2) in reported:
            continue
        reported.add((ind.level1, ind.level2))
        if ind.level2 and (ind.level1, ind.level2) not in filled or not ind.level2 and ind.level1 not in filled1:
            category = "／".join(x for x in (ind.level1, ind.level2) if x)
            found.append(Issue("error", "perf-empty-category",
                               f"“{category}”列出了但没有指标：请设置指标，不适用的请删去该类别", ind.key))
    for l1 in sorted({i.level1 for i in ts.scored if not in_framework(i.level1)}):
        found.append(Issue("error", "perf-category",
                           f"一级指标“{l1}”不在指标体系中（{'、'.join(level1_names())}），无法计分"))
    for l1, l2 in sorted({(i.level1, i.level2) for i in ts.scored if in_framework(i.level1)
                          and not in_framework(i.level1, i.level2)}):
        found.append(Issue("info", "perf-category", f"二级指标“{l2}”不在“{l1}”的指标体系中"))
    if ts.scored:
        for l1 in level1_names():
            if l1 not in filled1 and l1 in rules.category_points:
                share = "按比例并入其他一级指标" if rules.absent == "spread" else "不计"
                found.append(Issue("info", "perf-absent",
                                   f"没有{l1}：自评时其 {plain(rules.category_points[l1])} 分{share}"))
    return found


def _tasks(ts: TargetSet) -> list[Issue]:
    """The tasks' amounts add up to the 金额合计, measure by measure, within the rounding tolerance."""
    found = []
    for m, total in ts.budget.items():
        parts = [t.amounts[m] for t in ts.tasks if m in t.amounts]
        if not parts:
            continue
        added = sum(parts, ZERO)
        tolerance = bound([total, *parts])
        if abs(added - total) > tolerance:
            found.append(Issue("error", "perf-task-total",
                               f"年度主要任务的{AMOUNTS.get(m, m)}之和 {money(added)} {ts.unit}与金额合计 "
                               f"{money(total)} {ts.unit}不符（相差 {money(added - total)}，允许误差 {money(tolerance)}）"))
    for t in ts.tasks:
        parts = [t.amounts[m] for m in ("fiscal", "other") if m in t.amounts]
        if "total" in t.amounts and len(parts) == 2 and abs(sum(parts, ZERO) - t.amounts["total"]) > bound(
                [t.amounts["total"], *parts]):
            found.append(Issue("error", "perf-task-split",
                               f"任务“{t.name}”：财政拨款与其他资金之和 {money(sum(parts, ZERO))} 不等于总额 "
                               f"{money(t.amounts['total'])}"))
    return found


def _against_budget(ts: TargetSet, doc: Disclosure) -> list[Issue]:
    total = ts.total
    if total is None:
        return [Issue("warning", "perf-budget", "目标没有金额合计，无法与预算表核对")]
    scale = YUAN.get(ts.unit, Decimal(1))
    if ts.is_whole:
        figs = Context(doc).figures  # all funds are 财政拨款 funds when nothing else is printed: one key
        figures = [f for f in figs.by_key.get(("expense", "", "total", "", figs.canon.get("all", "all")), [])
                   if f.values and f.table.kind != "performance_targets"]
        if not figures:
            return [Issue("info", "perf-budget", "预算中没有可核对的支出合计")]
        ref = figures[0]
        slack = bound([total]) * scale + ref.slack
        if abs(total * scale - ref.yuan) > slack:
            return [Issue("warning", "perf-budget",
                          f"金额合计 {money(total)} {ts.unit}与《{ref.table.title}》的支出合计 "
                          f"{money(ref.amount)} {ref.table.unit or '万元'}不符")]
        return []
    listed = project_amounts(doc)
    found = listed.get(squash(ts.project))
    if found is None:
        return [Issue("info", "perf-project-list", f"预算的重点项目中没有“{ts.project}”")]
    value, unit = found
    slack = bound([total]) * scale + bound([value]) * YUAN.get(unit, Decimal(1))
    if abs(total * scale - value.amount * YUAN.get(unit, Decimal(1))) > slack:
        return [Issue("warning", "perf-project-list",
                      f"项目金额 {money(total)} {ts.unit}与预算重点项目所列 {money(value.amount)} {unit}不符")]
    return []


def _prior(ts: TargetSet, prior: Mapping[str, Prior]) -> list[Issue]:
    found = []
    for ind in ts.scored:
        if ind.value is None or ind.nature not in ("ge", "eq", "le"):
            continue
        last = Prior(ind.prior_actual, ind.unit) if ind.prior_actual is not None else prior.get(match_key(ind.name))
        if last is None or last.unit != ind.unit:
            continue
        weaker = ind.value > last.actual if ind.nature == "le" else ind.value < last.actual
        if weaker:
            found.append(Issue("warning", "perf-weaker-than-prior",
                               f"“{ind.name}”的目标 {ind.target_text} 低于上年实际完成值 {plain(last.actual)}{ind.unit}",
                               ind.key))
    return found


def _weights(ts: TargetSet, rules: ScoringRules) -> list[Issue]:
    found = []
    for l1 in dict.fromkeys(i.level1 for i in ts.scored):
        members = [i for i in ts.scored if i.level1 == l1]
        given = [i.weight for i in members if i.weight is not None]
        if not given:
            continue
        if len(given) < len(members):
            found.append(Issue("error", "perf-weights", f"{l1}有 {len(members) - len(given)} 个指标没有填写权重"
                                                        "（要么都填，要么都不填而平均分配）"))
            continue
        if any(w < 0 for w in given):
            found.append(Issue("error", "perf-weights", f"{l1}的权重不能为负数"))
            continue
        points = rules.category_points.get(l1)
        if points is not None and sum(given, ZERO) != points:
            found.append(Issue("warning", "perf-weights",
                               f"{l1}各指标的权重合计 {plain(sum(given, ZERO))}，应为 {plain(points)}"
                               "（评分时按权重比例分配该类的分值）"))
    return found
