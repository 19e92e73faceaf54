"""The aggregate endpoint (babbage-like): sums of a measure with drilldowns and cuts."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from yusuan.store import aggregate as agg
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.schemas import Aggregate, Error

router = APIRouter(tags=["汇总"])


@router.get("/api/aggregate", response_model=Aggregate, responses={400: {"model": Error}},
            summary="汇总：某一数字列的合计，按功能分类、经济分类、单位、年度下钻，可切片",
            description=agg.__doc__)
def aggregate(
    measure: str = Query("total", description="数字列，如 total、basic、project、amount"),
    kind: str | None = Query(None, description="表格类型；默认 expense_summary（用经济分类时 general_budget_by_economic）"),
    drilldown: list[str] = Query([], description=f"下钻维度，用 | 连接：{'、'.join(agg.DIMENSIONS)}"),
    cut: list[str] = Query([], description="切片 维度:值，多个用 | 连接，同一维度多个值用 ; 连接，如 year:2023|function:201"),
    rows: Literal["leaf", "total", "all"] = Query("leaf", description="leaf：末级科目行（不重复计算）；total：合计行；all：全部行"),
    unit: Literal["元", "万元"] = "元",
    order: Literal["key", "sum:desc", "sum:asc"] = "key",
    limit: int = Query(1000, ge=1, le=agg.MAX_CELLS),
    caller: Caller = Depends(get_caller), store=Depends(get_store),
):
    q = agg.Query.parse(measure=measure, kind=kind, drilldown=drilldown, cut=cut, rows=rows, unit=unit, order=order,
                        limit=limit)
    with store.session() as s:
        return agg.aggregate(s, caller.principal, q)
