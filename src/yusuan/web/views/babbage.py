"""The cube API in babbage's shape (OpenSpending's viewers): over store/babbage.py."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query

from yusuan.store import babbage
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.schemas import Error

router = APIRouter(prefix="/api/babbage", tags=["数据立方（babbage）"])
ERRORS = {400: {"model": Error}}
Rows = Literal["leaf", "total", "all"]


@router.get("/cubes", summary="数据立方列表：每种表格一个", description=babbage.__doc__)
def cubes(caller: Caller = Depends(get_caller), store=Depends(get_store)) -> dict[str, Any]:
    with store.session() as s:
        return babbage.cubes(s, caller.principal)


@router.get("/cubes/{cube}/model", responses=ERRORS, summary="数据立方的模型：度量、维度、汇总")
def model(cube: str, caller: Caller = Depends(get_caller), store=Depends(get_store)) -> dict[str, Any]:
    with store.session() as s:
        return babbage.model(s, caller.principal, cube)


@router.get("/cubes/{cube}/aggregate", responses=ERRORS, summary="汇总：按维度下钻、切片、排序、分页")
def aggregate(
    cube: str,
    aggregates: str | None = Query(None, description="汇总，用 | 连接，如 total.sum|_count"),
    drilldown: str | None = Query(None, description="下钻维度，用 | 连接，如 function.class|year"),
    cut: str | None = Query(None, description="切片 维度:值，用 | 连接，如 year:2023|function.class:201"),
    order: str | None = Query(None, description="排序，如 total.sum:desc|year:asc"),
    rows: Rows = Query("leaf", description="leaf：末级科目行（不重复计算）；total：合计行；all：全部行"),
    unit: Literal["元", "万元"] = "元",
    page: int = Query(1, ge=1), pagesize: int = Query(100, ge=1, le=babbage.MAX_PAGE_SIZE),
    caller: Caller = Depends(get_caller), store=Depends(get_store),
) -> dict[str, Any]:
    with store.session() as s:
        return babbage.aggregate(s, caller.principal, cube, aggregates=aggregates, drilldown=drilldown, cut=cut,
                                 order=order, rows=rows, unit=unit, page=page, pagesize=pagesize)


@router.get("/cubes/{cube}/facts", responses=ERRORS, summary="事实：数据立方的单元格，带所在页")
def facts(cube: str, cut: str | None = None, page: int = Query(1, ge=1),
          pagesize: int = Query(100, ge=1, le=babbage.MAX_PAGE_SIZE),
          caller: Caller = Depends(get_caller), store=Depends(get_store)) -> dict[str, Any]:
    with store.session() as s:
        return babbage.facts(s, caller.principal, cube, cut=cut, page=page, pagesize=pagesize)


@router.get("/cubes/{cube}/members/{dimension}", responses=ERRORS, summary="维度成员：某一维度的取值及名称")
def members(cube: str, dimension: str, cut: str | None = None, page: int = Query(1, ge=1),
            pagesize: int = Query(1000, ge=1, le=babbage.MAX_PAGE_SIZE),
            caller: Caller = Depends(get_caller), store=Depends(get_store)) -> dict[str, Any]:
    with store.session() as s:
        return babbage.members(s, caller.principal, cube, dimension, cut=cut, page=page, pagesize=pagesize)
