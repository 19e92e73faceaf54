"""The aggregate API in babbage's shape (OpenSpending's cube API), so its viewers can use yusuan.

A cube is one table kind (`expense_summary`, `general_budget_by_economic`, …): the same money is printed
in several kinds of table, so a cube never mixes them. Its facts are the cells of the current
disclosures the asker sees; its measures are the columns printed in that kind of table (`total`,
`basic`, `project`, `total@prior_budget` …), each with the aggregate `sum`, and `_count`.

    GET /api/babbage/cubes
    GET /api/babbage/cubes/{cube}/model
    GET /api/babbage/cubes/{cube}/aggregate?aggregates=total.sum|_count&drilldown=function.class&cut=year:2023
        &order=total.sum:desc&page=1&pagesize=20
    GET /api/babbage/cubes/{cube}/facts?cut=…&page=…&pagesize=…
    GET /api/babbage/cubes/{cube}/members/{dimension}?cut=…

Drilldowns and cuts are those of `store/aggregate.py` (`function.class` 类, `function.kuan` 款,
`function.xiang` 项, `economic.class`, `economic.kuan`, `body`, `department`, `year`, `doc_kind`, `side`);
a cut may name a code attribute (`function.class:201` is `function:201`). Sums are in 元 (`unit=万元`
for 万元), of the leaf rows unless `rows` says otherwise, as JSON numbers; `/api/aggregate` gives the
same sums as exact decimal strings.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from yusuan.model.vocabulary import TABLE_KINDS
from yusuan.store import access
from yusuan.store import aggregate as agg
from yusuan.store import models as m
from yusuan.store import queries
from yusuan.store.access import Principal
from yusuan.store.aggregate import AggregateError

COUNT = "_count"
MAX_PAGE_SIZE = 10000
DIMENSION_LABELS = {
    "function": "支出功能分类", "economic": "支出经济分类", "body": "单位", "department": "主管部门",
    "year": "年度", "doc_kind": "文件类别", "side": "收支方",
}
ATTRIBUTE_LABELS = {"class": "类", "kuan": "款", "xiang": "项"}


def _measures(s: Session, p: Principal, cube: str) -> list[str]:
    rows = s.execute(select(m.Cell.measure).distinct()
                     .join(m.Disclosure, m.Cell.disclosure_id == m.Disclosure.id)
                     .where(m.Cell.kind == cube, m.Cell.yuan.is_not(None), access.visible(p), access.current(p)))
    return sorted(r[0] for r in rows)


def cubes(s: Session, p: Principal) -> dict:
    kinds = s.execute(select(m.Cell.kind).distinct().join(m.Disclosure, m.Cell.disclosure_id == m.Disclosure.id)
                      .where(m.Cell.yuan.is_not(None), access.visible(p), access.current(p)))
    names = sorted(k[0] for k in kinds if k[0] in TABLE_KINDS)
    return {"status": "ok", "data": [{"name": k, "label": TABLE_KINDS[k]} for k in names]}


def _cube(s: Session, p: Principal, cube: str) -> list[str]:
    if cube not in TABLE_KINDS:
        raise AggregateError(f"未知的数据立方：{cube}（即表格类型，可选 {'、'.join(k for k in TABLE_KINDS if k != 'unknown')}）")
    return _measures(s, p, cube)


def model(s: Session, p: Principal, cube: str) -> dict:
    measures = _cube(s, p, cube)
    dims: dict[str, dict] = {}
    for ref in agg.DIMENSIONS:
        dim, _, attr = ref.partition(".")
        d = dims.setdefault(dim, {"label": DIMENSION_LABELS[dim], "ref": dim, "attributes": {}})
        attr_ref = ref
        d["attributes"][attr or dim] = {"ref": attr_ref, "label": ATTRIBUTE_LABELS.get(attr, DIMENSION_LABELS[dim]),
                                        "datatype": "integer" if dim in ("year", "body", "department") else "string"}
        d["attributes"][f"{attr or dim}.name"] = {"ref": f"{attr_ref}.name", "label": "名称", "datatype": "string"}
        d.setdefault("key_ref", attr_ref)  # the coarsest attribute first; finer ones drill further
        d.setdefault("label_ref", f"{attr_ref}.name")
    aggregates = {f"{x}.sum": {"ref": f"{x}.sum", "measure": x, "function": "sum", "label": queries.measure_name(x)}
                  for x in measures}
    aggregates[COUNT] = {"ref": COUNT, "function": "count", "label": "单元格数"}
    return {"status": "ok", "name": cube, "model": {
        "label": TABLE_KINDS[cube],
        "measures": {x: {"ref": x, "label": queries.measure_name(x), "currency": "CNY"} for x in measures},
        "dimensions": dims, "aggregates": aggregates,
    }}


def _split(param: str | None) -> list[str]:
    return [x for x in (param or "").split("|") if x]


def _our_cuts(cut: str | None) -> tuple[list[str], list[dict]]:
    """babbage's cut (`function.class:201|year:2023`) as store/aggregate.py's, and as babbage echoes it."""
    ours, echoed = [], []
    for c in _split(cut):
        ref, sep, value = c.partition(":")
        if not sep:
            raise AggregateError(f"切片“{c}”的格式应为 维度:值")
        name = ref.split(".")[0] if ref.split(".")[0] in ("function", "economic") else ref
        ours.append(f"{name}:{value}")
        echoed.append({"ref": ref, "operator": ":", "value": value})
    return ours, echoed


def _page(page: int, pagesize: int) -> tuple[int, int]:
    return max(1, page), max(1, min(pagesize, MAX_PAGE_SIZE))


def _number(d: Decimal) -> float | int:
    return int(d) if d == d.to_integral_value() else float(d)


def aggregate(s: Session, p: Principal, cube: str, *, aggregates: str | None = None, drilldown: str | None = None,
              cut: str | None = None, order: str | None = None, rows: str = "leaf", unit: str = "元",
              page: int = 1, pagesize: int = 100) -> dict:
    measures = _cube(s, p, cube)
    wanted = _split(aggregates) or [*(f"{x}.sum" for x in measures[:1]), COUNT]
    for a in wanted:
        if a != COUNT and (not a.endswith(".sum") or a[:-4] not in measures):
            raise AggregateError(f"未知的汇总：{a}（可选 {'、'.join([*(x + '.sum' for x in measures), COUNT])}）")
    dims = _split(drilldown)
    cuts, echoed = _our_cuts(cut)
    shown = [a for a in wanted if a != COUNT]
    queried = shown or [f"{x}.sum" for x in measures[:1]]  # _count alone: the cells of the first column
    cells: dict[tuple, dict] = {}
    summary: dict[str, float | int] = {}
    for a in queried:
        q = agg.Query.parse(measure=a[:-4], kind=cube, drilldown=dims, cut=cuts, rows=rows, unit=unit,
                            limit=agg.MAX_CELLS)
        result = agg.aggregate(s, p, q)
        summary[a] = _number(Decimal(result["summary"]["sum"]))
        summary[COUNT] = max(summary.get(COUNT, 0), result["summary"]["count"])
        for c in result["cells"]:
            key = tuple(c[d] for d in dims)
            cell = cells.setdefault(key, {k: v for k, v in c.items() if k not in ("sum", "count")})
            cell[a] = _number(Decimal(c["sum"]))
            cell[COUNT] = max(cell.get(COUNT, 0), c["count"])
    out = list(cells.values())
    for c in out:
        for a in queried:
            if a in shown:
                c.setdefault(a, 0)
            else:
                c.pop(a, None)
        if COUNT not in wanted:
            c.pop(COUNT, None)
    summary = {k: v for k, v in summary.items() if k in wanted}
    orders = _order(order, [*wanted, *dims], [(shown[0], "desc")] if shown else [(d, "asc") for d in dims])
    for ref, direction in reversed(orders):  # stable sorts, last key first
        out.sort(key=lambda c: (c.get(ref) is None, c.get(ref) if c.get(ref) is not None else 0),
                 reverse=direction == "desc")
    page, pagesize = _page(page, pagesize)
    return {"status": "ok", "page": page, "page_size": pagesize, "total_cell_count": len(out),
            "cell": echoed, "cells": out[(page - 1) * pagesize: page * pagesize], "aggregates": wanted,
            "attributes": dims, "drilldown": dims, "order": [list(o) for o in orders], "summary": summary}


def _order(order: str | None, allowed: list[str], default: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for o in _split(order):
        ref, _, direction = o.partition(":")
        direction = direction or "asc"
        if ref not in allowed or direction not in ("asc", "desc"):
            raise AggregateError(f"无法排序：{o}（可按 {'、'.join(allowed)}，加 :asc 或 :desc）")
        out.append((ref, direction))
    return out or default


def members(s: Session, p: Principal, cube: str, dimension: str, *, cut: str | None = None, page: int = 1,
            pagesize: int = 1000) -> dict:
    """The values a dimension attribute takes in the cube (with their names), as babbage lists them."""
    _cube(s, p, cube)
    result = aggregate(s, p, cube, aggregates=COUNT, drilldown=dimension, cut=cut, order=f"{dimension}:asc",
                       rows="all", page=page, pagesize=pagesize)
    return {"status": "ok", "data": [{k: v for k, v in c.items() if k != COUNT} for c in result["cells"]],
            "total_member_count": result["total_cell_count"], "page": result["page"],
            "page_size": result["page_size"], "cell": result["cell"]}


def facts(s: Session, p: Principal, cube: str, *, cut: str | None = None, page: int = 1,
          pagesize: int = 100) -> dict:
    """The cube's cells, one fact each, with where they are printed."""
    _cube(s, p, cube)
    f = queries.CellFilter(kind=cube)
    echoed = []
    for c in _split(cut):
        ref, sep, value = c.partition(":")
        field = {"year": "year", "body": "body_id", "department": "department_id", "doc_kind": "doc_kind",
                 "side": "side", "measure": "measure"}.get(ref)
        if ref.split(".")[0] in ("function", "economic"):
            field = "code_prefix"
        if not sep or field is None:
            raise AggregateError(f"无法按“{c}”筛选事实（可用 year、body、department、doc_kind、side、measure、function、economic）")
        if field in ("year", "body_id", "department_id"):
            if not value.isdigit():
                raise AggregateError(f"切片 {ref} 的值应为数字：{value}")
            value = int(value)
        setattr(f, field, value)
        echoed.append({"ref": ref, "operator": ":", "value": value})
    page, pagesize = _page(page, pagesize)
    f.limit, f.offset = pagesize, (page - 1) * pagesize
    found = queries.cells(s, p, f)
    return {"status": "ok", "page": page, "page_size": pagesize, "cell": echoed, "data": found["cells"],
            "has_more": found["next_offset"] is not None}
