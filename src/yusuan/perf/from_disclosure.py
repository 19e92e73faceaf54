"""Target sets from a Disclosure: the 整体支出绩效目标表 it prints (read from a published document, or from
a filled preparation workbook's 绩效目标 sheet) becomes the whole body's set, each line of its 重点项目
list (project name, amount, goal) a project's set. Every amount and indicator keeps where it was printed."""

from __future__ import annotations

from yusuan.model.disclosure import Disclosure, Table
from yusuan.model.text import squash
from yusuan.perf.targets import UNITS, WHOLE, Indicator, Task, TargetSet, assign_keys, fields_of
from yusuan.perf.tree import canonical


def _unit(tables: list[Table]) -> str:
    return next((t.unit for t in tables if t.unit in UNITS), "万元")


def whole_targets(doc: Disclosure) -> TargetSet | None:
    """The whole body's target set its 绩效目标表 prints, or None when it prints none."""
    perf = doc.performance
    if perf is None or not (perf.tasks or perf.indicators or perf.goals):
        return None
    ident = doc.identity
    ts = TargetSet(body=perf.body or ident.body, year=ident.year or 0, project=WHOLE,
                   unit=_unit(doc.tables_of("performance_targets")))
    ts.budget = {m: v.amount for m, v in perf.total.items()}
    ts.budget_source = next((v.source for v in perf.total.values()), None)
    ts.tasks = [Task(t.name, t.content, {m: v.amount for m, v in t.values.items()}, t.source) for t in perf.tasks]
    ts.goals = [g.text for g in perf.goals]
    for ind in perf.indicators:
        ts.indicators.append(Indicator("", canonical(ind.level1), canonical(ind.level2), ind.name.strip(),
                                       text=ind.target.text.strip(), source=ind.source, **fields_of(ind.target)))
    assign_keys(ts.indicators)
    return ts


def project_targets(doc: Disclosure) -> list[TargetSet]:
    """One target set per project of the 重点项目 list: its name, its amount and its goal as printed."""
    found = []
    for table in doc.tables_of("project_performance"):
        for row in table.rows:
            if row.is_total or not squash(row.label):
                continue
            ts = TargetSet(body=doc.identity.body, year=doc.identity.year or 0, project=squash(row.label),
                           unit=table.unit if table.unit in UNITS else "万元")
            value = row.values.get("amount") or next((v for m, v in row.values.items() if "@" not in m), None)
            if value is not None:
                ts.budget, ts.budget_source = {"total": value.amount}, value.source
            goal = next((t for k, t in row.texts.items() if "目标" in k and t.strip()), "")
            ts.goals = [goal.strip()] if goal else []
            found.append(ts)
    return found


def target_sets(doc: Disclosure) -> list[TargetSet]:
    """Every target set the disclosure prints: the whole body's first, then its projects'."""
    whole = whole_targets(doc)
    return ([whole] if whole else []) + project_targets(doc)


def project_amounts(doc: Disclosure) -> dict[str, tuple]:
    """The project list's amounts by project name (squashed): name → (Value, table unit)."""
    amounts = {}
    for table in doc.tables_of("project_performance"):
        for row in table.rows:
            value = row.values.get("amount")
            if not row.is_total and value is not None and squash(row.label):
                amounts[squash(row.label)] = (value, table.unit or "万元")
    return amounts
