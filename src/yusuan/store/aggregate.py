"""Sums of a measure with drilldowns and cuts, in the spirit of OpenSpending's babbage.

The cube is the cells of the current disclosures the asker sees. One query:

    GET /api/aggregate?measure=total&kind=expense_summary&drilldown=function.class&cut=year:2023

- `measure`: a cell measure (`total`, `basic`, `project`, `amount`, `fiscal`, …); sums are in 元 (cells
  printed in 万元 are converted exactly), or in 万元 with `unit=万元`.
- `kind`: the table the cells come from. The same money appears in several tables (支出总表,
  一般公共预算支出表 …), so one table kind is summed at a time: `expense_summary` by default,
  `general_budget_by_economic` when an economic dimension is used.
- `rows`: `leaf` (default) sums the coded rows with no coded row under them, so 类, 款 and 项 are not
  counted twice; `total` sums the printed total rows; `all` every row.
- `drilldown`: any of `function.class` (类, 3 digits), `function.kuan` (款, 5), `function.xiang` (项, 7),
  `economic.class`, `economic.kuan`, `body`, `department`, `year`, `doc_kind`, `side`, joined with `|`.
- `cut`: `dimension:value` joined with `|`, alternatives with `;` — `year:2023`, `year:2022;2023`,
  `body:7`, `department:3` (the department and its units), `doc_kind:budget`, `function:201` and
  `economic:301` (code prefixes), `side:expense`, `disclosure:12` (one version, even an old one),
  `level:department` / `level:unit`.

Each amount counts once: a 单位预算 whose department's 部门预算 is summed too (it contains the unit) is left
out (`contained_left_out` says how many), unless the asker cut the disclosures or the level themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from yusuan.model.vocabulary import DOCUMENT_KINDS, SIDE_NAMES, TABLE_KINDS
from yusuan.store import access
from yusuan.store import models as m
from yusuan.store.access import Principal
from yusuan.store.related import inside_others
from yusuan.store.db import StoreError
from yusuan.store.types import canonical

CODE_DIMENSIONS = {
    "function.class": ("function", 3), "function.kuan": ("function", 5), "function.xiang": ("function", 7),
    "economic.class": ("economic", 3), "economic.kuan": ("economic", 5),
}
OTHER_DIMENSIONS = ("body", "department", "year", "doc_kind", "side")
DIMENSIONS = (*CODE_DIMENSIONS, *OTHER_DIMENSIONS)
CUTS = ("year", "body", "department", "doc_kind", "function", "economic", "side", "disclosure", "level")
ROWS = ("leaf", "total", "all")
UNITS = {"元": Decimal(1), "万元": Decimal(10000)}
DEFAULT_KIND = {"function": "expense_summary", "economic": "general_budget_by_economic"}
MAX_CELLS = 10000


class AggregateError(StoreError):
    pass


@dataclass
class Query:
    measure: str = "total"
    kind: str | None = None
    drilldown: list[str] = field(default_factory=list)
    cuts: dict[str, list[str]] = field(default_factory=dict)
    rows: str = "leaf"
    unit: str = "元"
    order: str = "key"  # key | sum:desc | sum:asc
    limit: int = 1000

    @classmethod
    def parse(cls, *, measure: str = "total", kind: str | None = None, drilldown: list[str] | None = None,
              cut: list[str] | None = None, rows: str = "leaf", unit: str = "元", order: str = "key",
              limit: int = 1000) -> Query:
        dims = [d for part in (drilldown or []) for d in part.split("|") if d]
        for d in dims:
            if d not in DIMENSIONS:
                raise AggregateError(f"未知的维度：{d}（可选 {'、'.join(DIMENSIONS)}）")
        if len(set(dims)) != len(dims):
            raise AggregateError("维度重复")
        cuts: dict[str, list[str]] = {}
        for part in cut or []:
            for c in part.split("|"):
                if not c:
                    continue
                name, sep, values = c.partition(":")
                if not sep or not values:
                    raise AggregateError(f"切片“{c}”的格式应为 维度:值")
                if name not in CUTS:
                    raise AggregateError(f"未知的切片维度：{name}（可选 {'、'.join(CUTS)}）")
                cuts.setdefault(name, []).extend(v for v in values.split(";") if v)
        for name in ("year", "body", "department", "disclosure"):
            for v in cuts.get(name, []):
                if not v.isdigit():
                    raise AggregateError(f"切片 {name} 的值应为数字：{v}")
        if rows not in ROWS:
            raise AggregateError(f"rows 应为 {'、'.join(ROWS)} 之一")
        if unit not in UNITS:
            raise AggregateError("unit 应为 元 或 万元")
        if order not in ("key", "sum:desc", "sum:asc"):
            raise AggregateError("order 应为 key、sum:desc 或 sum:asc")
        schemes = {CODE_DIMENSIONS[d][0] for d in dims if d in CODE_DIMENSIONS}
        schemes |= {c for c in ("function", "economic") if c in cuts}
        if len(schemes) > 1:
            raise AggregateError("功能分类和经济分类不能在同一次汇总中同时使用")
        if kind is None:
            kind = DEFAULT_KIND[schemes.pop() if schemes else "function"]
        elif kind not in TABLE_KINDS:
            raise AggregateError(f"未知的表格类型：{kind}")
        return cls(measure, kind, dims, cuts, rows, unit, order, max(1, min(limit, MAX_CELLS)))

    @property
    def scheme(self) -> str | None:
        for d in self.drilldown:
            if d in CODE_DIMENSIONS:
                return CODE_DIMENSIONS[d][0]
        for c in ("function", "economic"):
            if c in self.cuts:
                return c
        return None


def _columns(q: Query, department):
    """(dimension, SQL expression) for each drilldown."""
    cols = []
    for d in q.drilldown:
        if d in CODE_DIMENSIONS:
            cols.append((d, func.substr(m.Cell.code, 1, CODE_DIMENSIONS[d][1])))
        elif d == "body":
            cols.append((d, m.Disclosure.body_id))
        elif d == "department":
            cols.append((d, func.coalesce(department.parent_id, m.Disclosure.body_id)))
        elif d == "year":
            cols.append((d, m.Disclosure.year))
        elif d == "doc_kind":
            cols.append((d, m.Disclosure.kind))
        elif d == "side":
            cols.append((d, m.Cell.side))
    return cols


def _disclosure_conditions(s: Session, p: Principal, q: Query) -> list:
    """The conditions on the disclosures whose cells are summed: those `p` sees (the current versions, or
    the versions cut), within the cuts on year, body, department, kind of document and level."""
    conds = [access.visible(p), m.Disclosure.id.in_([int(v) for v in q.cuts["disclosure"]])
             if "disclosure" in q.cuts else access.current(p)]
    for name, values in q.cuts.items():
        if name == "year":
            conds.append(m.Disclosure.year.in_([int(v) for v in values]))
        elif name == "body":
            conds.append(m.Disclosure.body_id.in_([int(v) for v in values]))
        elif name == "department":
            ids = set().union(*(access.subtree(s, int(v)) for v in values))
            conds.append(m.Disclosure.body_id.in_(ids))
        elif name == "doc_kind":
            conds.append(m.Disclosure.kind.in_(values))
        elif name == "level":
            conds.append(m.Disclosure.level.in_(values))
    return conds


def contained(s: Session, p: Principal, q: Query) -> set[int]:
    """The disclosures summed that another one summed contains (a unit's 单位预算 beside its department's
    部门预算): left out, so that each amount counts once. None when the asker chose the disclosures or the
    level themselves."""
    if "disclosure" in q.cuts or "level" in q.cuts:
        return set()
    found = s.execute(select(m.Disclosure.id, m.Disclosure.body_id, m.Body.parent_id, m.Disclosure.year,
                             m.Disclosure.kind, m.Disclosure.level)
                      .join(m.Body, m.Body.id == m.Disclosure.body_id)
                      .where(*_disclosure_conditions(s, p, q))).all()
    return inside_others([tuple(r) for r in found])


def statement(s: Session, p: Principal, q: Query, leave_out: set[int] | None = None) -> Select:
    """The one SELECT that computes the aggregate (also run directly by the benchmark), without the
    disclosures `leave_out` (default: those `contained` in another)."""
    body = aliased(m.Body)
    cols = _columns(q, body)
    conds = [m.Cell.kind == q.kind, m.Cell.measure == q.measure, m.Cell.yuan.is_not(None),
             *_disclosure_conditions(s, p, q)]
    leave_out = contained(s, p, q) if leave_out is None else leave_out
    if leave_out:
        conds.append(m.Cell.disclosure_id.not_in(sorted(leave_out)))
    if q.rows == "leaf":
        conds.append(m.Cell.is_leaf.is_(True))
    elif q.rows == "total":
        conds.append(m.Cell.is_total.is_(True))
    if q.scheme:
        conds.append(m.Cell.scheme == q.scheme)
    for name, values in q.cuts.items():
        if name == "side":
            conds.append(m.Cell.side.in_(values))
        elif name in ("function", "economic"):
            conds.append(or_(*(m.Cell.code.startswith(v) for v in values)))
    stmt = (select(*(c.label(f"d{i}") for i, (_, c) in enumerate(cols)),
                   func.sum(m.Cell.yuan).label("sum"), func.count().label("count"))
            .select_from(m.Cell).join(m.Disclosure, m.Cell.disclosure_id == m.Disclosure.id)
            .where(*conds))
    if any(d == "department" for d, _ in cols):
        stmt = stmt.join(body, body.id == m.Disclosure.body_id)
    if cols:
        stmt = stmt.group_by(*(c for _, c in cols))
    return stmt


def aggregate(s: Session, p: Principal, q: Query) -> dict:
    leave_out = contained(s, p, q)
    stmt = statement(s, p, q, leave_out)
    rows = s.execute(stmt).all()
    factor = UNITS[q.unit]
    cells = []
    total, count = Decimal(0), 0
    for r in rows:
        amount = r.sum if r.sum is not None else Decimal(0)
        total += amount
        count += r.count
        cells.append({"key": {d: r[i] for i, d in enumerate(q.drilldown)}, "amount": amount, "count": r.count})
    names = _names(s, q, cells)
    if q.order == "key":
        cells.sort(key=lambda c: tuple((v is None, str(v)) for v in c["key"].values()))
    else:
        cells.sort(key=lambda c: c["amount"], reverse=q.order == "sum:desc")
    out = []
    for c in cells[:q.limit]:
        item = {}
        for d, v in c["key"].items():
            item[d] = v
            item[f"{d}.name"] = names.get((d, v), "")
        item["sum"] = str(canonical(c["amount"] / factor))
        item["count"] = c["count"]
        out.append(item)
    return {
        "measure": q.measure, "kind": q.kind, "kind_name": TABLE_KINDS.get(q.kind, q.kind), "rows": q.rows,
        "unit": q.unit, "drilldown": q.drilldown, "cuts": q.cuts, "order": q.order,
        "summary": {"sum": str(canonical(total / factor)), "count": count},
        "cells": out, "total_cell_count": len(cells), "contained_left_out": len(leave_out),
    }


def _names(s: Session, q: Query, cells: list[dict]) -> dict[tuple, str]:
    """Display names of the drilled-down members: class names as printed in the stored tables, body
    names, year and kind names."""
    names: dict[tuple, str] = {}
    for d in q.drilldown:
        keys = {c["key"][d] for c in cells if c["key"][d] is not None}
        if not keys:
            continue
        if d in CODE_DIMENSIONS:
            printed = s.execute(
                select(m.Cell.code, m.Cell.item, func.count()).where(m.Cell.code.in_(keys))
                .group_by(m.Cell.code, m.Cell.item)).all()
            best: dict[str, tuple[int, str]] = {}
            for code, item, n in printed:
                label = item.lstrip("0123456789").strip() or item
                if code not in best or (n, label) > best[code]:
                    best[code] = (n, label)
            names.update({(d, k): best[k][1] for k in keys if k in best})
        elif d in ("body", "department"):
            names.update({(d, bid): name for bid, name in
                          s.execute(select(m.Body.id, m.Body.name).where(m.Body.id.in_(keys)))})
        elif d == "year":
            names.update({(d, y): f"{y}年" for y in keys})
        elif d == "doc_kind":
            names.update({(d, k): DOCUMENT_KINDS.get(k, k) for k in keys})
        elif d == "side":
            names.update({(d, k): SIDE_NAMES.get(k, k)
                          for k in keys})
    return names
