"""Target sets, monitoring rounds and self-evaluations to and from JSON-ready dicts: what the store keeps and
the API sends and receives. Amounts and values are exact decimal strings; dates ISO (2023-08-31).

Reading a dict checks it: a value that is not a number, a date that is no date, an unknown nature, grade or
reason, an entry for an indicator the targets do not have end in `PerfInputError`, one Chinese line
naming the field."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from yusuan.model.amount import parse_amount
from yusuan.model.provenance import Source
from yusuan.perf.monitoring import LIKELIHOODS, REASONS, Monitoring, MonitoringEntry
from yusuan.perf.scoring import QUALITATIVE_GRADES, Evaluation, EvaluationEntry
from yusuan.perf.targets import (
    AMOUNTS,
    NATURES,
    UNITS,
    Indicator,
    Task,
    TargetSet,
    assign_keys,
    plain,
    target_fields,
)
from yusuan.perf.tree import canonical

MAX_DIGITS = 18  # as the readers bound amounts (ingest/limits.py)
MAX_TEXT = 4000
MAX_ITEMS = 500


class PerfInputError(ValueError):
    """Input that cannot be a target set, a monitoring round or an evaluation (one Chinese line)."""


# ---------------------------------------------------------------- values


def dec(d: Decimal | None) -> str | None:
    return None if d is None else plain(d)


def number(value, where: str) -> Decimal | None:
    """A Decimal from a JSON number or a string (1,234.5 allowed); None for null or ""."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise PerfInputError(f"{where}：应为数字")
    printed = str(value).strip()
    d = parse_amount(printed)
    if d is None:
        try:
            d = Decimal(printed)
        except InvalidOperation:
            d = None
    if d is None or not d.is_finite():
        raise PerfInputError(f"{where}：“{printed[:40]}”不是数字")
    if len(d.as_tuple().digits) > MAX_DIGITS or abs(d.adjusted()) > MAX_DIGITS:
        raise PerfInputError(f"{where}：数字太长（最多 {MAX_DIGITS} 位）")
    return d


def day(value, where: str) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise PerfInputError(f"{where}：“{value}”不是日期（应为 2023-08-31 的形式）") from None


def text(value, where: str, limit: int = MAX_TEXT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PerfInputError(f"{where}：应为文字")
    if len(value) > limit:
        raise PerfInputError(f"{where}：文字太长（最多 {limit} 字）")
    return value.strip()


def choice(value, options: Mapping[str, str], where: str) -> str:
    value = text(value, where, 40)
    if value and value not in options:
        named = {v: k for k, v in options.items()}  # the Chinese name is taken too
        if value in named:
            return named[value]
        raise PerfInputError(f"{where}：“{value}”不是可选项（{'、'.join(options.values())}）")
    return value


def items(value, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PerfInputError(f"{where}：应为列表")
    if len(value) > MAX_ITEMS:
        raise PerfInputError(f"{where}：最多 {MAX_ITEMS} 项")
    return value


def mapping(value, where: str) -> Mapping:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise PerfInputError(f"{where}：应为对象")
    return value


def source_dict(s: Source | None) -> dict | None:
    return s.to_dict() if s is not None else None


def source_of(d) -> Source | None:
    if not d:
        return None
    bbox = d.get("bbox")
    return Source(str(d.get("file", "")), int(d.get("page") or 0), tuple(bbox) if bbox else None, d.get("cell", ""))


# ---------------------------------------------------------------- targets


def targets_dict(ts: TargetSet) -> dict:
    return {
        "body": ts.body, "year": ts.year, "project": ts.project, "unit": ts.unit,
        "budget": {m: dec(v) for m, v in ts.budget.items()}, "budget_source": source_dict(ts.budget_source),
        "tasks": [{"name": t.name, "content": t.content, "amounts": {m: dec(v) for m, v in t.amounts.items()},
                   "source": source_dict(t.source)} for t in ts.tasks],
        "goals": list(ts.goals),
        "indicators": [indicator_dict(i) for i in ts.indicators],
    }


def indicator_dict(i: Indicator) -> dict:
    return {"key": i.key, "level1": i.level1, "level2": i.level2, "name": i.name, "nature": i.nature,
            "nature_name": NATURES.get(i.nature, ""), "value": dec(i.value), "upper": dec(i.upper), "unit": i.unit,
            "deadline": i.deadline, "text": i.text, "target": i.target_text, "weight": dec(i.weight),
            "prior_actual": dec(i.prior_actual), "cumulative": i.cumulative, "is_cumulative": i.is_cumulative,
            "source": source_dict(i.source)}


def targets_from(d: Mapping, *, body: str, year: int, project: str = "", reserved=frozenset()) -> TargetSet:
    """A target set from its dict; `body`, `year` and `project` are the series' (what the dict says of them
    is ignored). An indicator given only as text (≥165 宗) has its nature, value and unit read from it; one
    without a key gets one not among `reserved` (the keys the series gave before)."""
    d = mapping(d, "绩效目标")
    unit = text(d.get("unit"), "金额单位", 10) or "万元"
    if unit not in UNITS:
        raise PerfInputError(f"金额单位：“{unit}”不是可选项（万元、元）")
    ts = TargetSet(body=body, year=year, project=project, unit=unit)
    ts.budget = _amounts(d.get("budget"), "金额合计")
    ts.budget_source = source_of(d.get("budget_source"))
    for n, t in enumerate(items(d.get("tasks"), "年度主要任务"), start=1):
        t = mapping(t, f"第 {n} 项任务")
        name = text(t.get("name"), f"第 {n} 项任务的名称", 200)
        amounts = _amounts(t.get("amounts"), f"任务“{name}”的金额")
        content = text(t.get("content"), f"任务“{name}”的主要内容")
        if not name and (amounts or content):
            raise PerfInputError(f"第 {n} 项任务：填了金额或内容，但没有任务名称")
        if name:
            ts.tasks.append(Task(name, content, amounts, source_of(t.get("source"))))
    goals = (text(g, f"第 {n} 条年度目标") for n, g in enumerate(items(d.get("goals"), "年度目标"), start=1))
    ts.goals = [g for g in goals if g]
    seen = set()
    for n, i in enumerate(items(d.get("indicators"), "绩效指标"), start=1):
        ind = _indicator(mapping(i, f"第 {n} 个指标"), n)
        if ind.key and ind.key in seen:
            raise PerfInputError(f"第 {n} 个指标：编号“{ind.key}”重复")
        seen.add(ind.key)
        ts.indicators.append(ind)
    assign_keys(ts.indicators, reserved)
    return ts


def _amounts(value, where: str) -> dict[str, Decimal]:
    found = {}
    for m, v in mapping(value, where).items():
        if m not in AMOUNTS:
            raise PerfInputError(f"{where}：没有“{m}”一项（可选 {'、'.join(AMOUNTS)}）")
        if (amount := number(v, f"{where}（{AMOUNTS[m]}）")) is not None:
            found[m] = amount
    return found


def _indicator(i: Mapping, n: int) -> Indicator:
    name = text(i.get("name"), f"第 {n} 个指标的名称", 200)
    where = f"指标“{name}”" if name else f"第 {n} 个指标"
    level1 = text(i.get("level1"), f"{where}的一级指标", 40)
    if not level1:
        raise PerfInputError(f"{where}：没有一级指标")
    typed = text(i.get("text"), f"{where}的指标值", 400)
    nature = choice(i.get("nature"), NATURES, f"{where}的指标性质")
    found = target_fields(typed) if typed and not nature else {}
    ind = Indicator(
        key=text(i.get("key"), f"{where}的编号", 20), level1=canonical(level1),
        level2=canonical(text(i.get("level2"), f"{where}的二级指标", 40)), name=name,
        nature=nature or found.get("nature", ""),
        value=number(i.get("value"), f"{where}的指标值") if nature else found.get("value"),
        upper=number(i.get("upper"), f"{where}的区间上限") if nature else found.get("upper"),
        unit=text(i.get("unit"), f"{where}的计量单位", 20) if nature else found.get("unit", ""),
        deadline=_deadline(i.get("deadline"), where) if nature else found.get("deadline", ""),
        text=typed, weight=number(i.get("weight"), f"{where}的权重"),
        prior_actual=number(i.get("prior_actual"), f"{where}的上年实际完成值"),
        cumulative=i.get("cumulative") if isinstance(i.get("cumulative"), bool) else None,
        source=source_of(i.get("source")))
    if ind.weight is not None and ind.weight < 0:
        raise PerfInputError(f"{where}：权重不能为负数")
    return ind


def _deadline(value, where: str) -> str:
    """2023-11, 2023-11-30 or --11."""
    value = text(value, f"{where}的完成时限", 12)
    if not value:
        return ""
    probe = value if not value.startswith("--") else "2000" + value[1:]
    parts = probe.split("-")
    try:
        datetime.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 1)
        if len(parts) > 3 or len(parts[0]) != 4:
            raise ValueError
    except (ValueError, IndexError):
        raise PerfInputError(f"{where}的完成时限：“{value}”不是日期（应为 2023-11 或 2023-11-30）") from None
    return value


def _entries(d: Mapping, ts: TargetSet, what: str):
    """(key, entry dict, how to name its indicator) of each entry; an entry must name an indicator the
    targets have (a stale form is refused)."""
    for n, e in enumerate(items(d.get("entries"), what), start=1):
        e = mapping(e, f"第 {n} 条{what}")
        key = text(e.get("key"), f"第 {n} 条{what}的编号", 20)
        ind = ts.indicator(key)
        if ind is None or not ind.name:
            raise PerfInputError(f"第 {n} 条{what}：绩效目标中没有编号为“{key}”的指标")
        yield key, e, f"指标“{ind.name}”"


# ---------------------------------------------------------------- monitoring


def monitoring_dict(mon: Monitoring) -> dict:
    return {"as_of": mon.as_of.isoformat(), "budget": dec(mon.budget), "executed": dec(mon.executed),
            "forecast": dec(mon.forecast), "reason": mon.reason, "action": mon.action,
            "entries": [{"key": e.key, "achieved": dec(e.achieved), "forecast": dec(e.forecast),
                         "done_on": e.done_on.isoformat() if e.done_on else None, "likelihood": e.likelihood,
                         "reason": e.reason, "action": e.action, "note": e.note} for e in mon.entries.values()]}


def monitoring_from(d: Mapping, ts: TargetSet) -> Monitoring:
    d = mapping(d, "监控")
    as_of = day(d.get("as_of"), "监控日期")
    if as_of is None:
        raise PerfInputError("监控日期：请填写（如 2023-08-31）")
    mon = Monitoring(as_of, budget=number(d.get("budget"), "全年预算数"),
                     executed=number(d.get("executed"), "1–N 月执行数"),
                     forecast=number(d.get("forecast"), "全年预计执行数"),
                     reason=choice(d.get("reason"), REASONS, "预算执行的偏差原因"),
                     action=text(d.get("action"), "预算执行的纠偏措施"))
    for key, e, where in _entries(d, ts, "指标监控"):
        mon.entries[key] = MonitoringEntry(
            key, achieved=number(e.get("achieved"), f"{where}的实际完成值"),
            forecast=number(e.get("forecast"), f"{where}的全年预计完成值"),
            done_on=day(e.get("done_on"), f"{where}的完成日期"),
            likelihood=choice(e.get("likelihood"), LIKELIHOODS, f"{where}的完成目标可能性"),
            reason=choice(e.get("reason"), REASONS, f"{where}的偏差原因"),
            action=text(e.get("action"), f"{where}的纠偏措施"), note=text(e.get("note"), f"{where}的完成情况"))
    return mon


# ---------------------------------------------------------------- self-evaluation


def evaluation_dict(ev: Evaluation) -> dict:
    return {"budget": dec(ev.budget), "executed": dec(ev.executed), "summary": ev.summary, "problems": ev.problems,
            "measures": ev.measures,
            "entries": [{"key": e.key, "actual": dec(e.actual), "done_on": e.done_on.isoformat() if e.done_on else None,
                         "grade": e.grade, "share": dec(e.share), "actual_text": e.actual_text,
                         "evidence": e.evidence, "reason": e.reason} for e in ev.entries.values()]}


def evaluation_from(d: Mapping, ts: TargetSet) -> Evaluation:
    d = mapping(d, "自评")
    ev = Evaluation(budget=number(d.get("budget"), "全年预算数"), executed=number(d.get("executed"), "全年执行数"),
                    summary=text(d.get("summary"), "总体完成情况"), problems=text(d.get("problems"), "存在的问题"),
                    measures=text(d.get("measures"), "改进措施"))
    for key, e, where in _entries(d, ts, "指标自评"):
        ev.entries[key] = EvaluationEntry(
            key, actual=number(e.get("actual"), f"{where}的实际完成值"), done_on=day(e.get("done_on"), f"{where}的完成日期"),
            grade=choice(e.get("grade"), QUALITATIVE_GRADES, f"{where}的评定等级"),
            share=number(e.get("share"), f"{where}的得分比例"), actual_text=text(e.get("actual_text"), f"{where}的完成情况"),
            evidence=text(e.get("evidence"), f"{where}的佐证材料"),
            reason=text(e.get("reason"), f"{where}的偏差原因分析及改进措施"))
    return ev
