"""Years and the roll-up: a disclosure beside its year before, a body across years, the city's departments
beside the sum of their units (store/yoy.py, store/years.py, store/rollup.py)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from yusuan.store import rollup as store_rollup
from yusuan.store import years as store_years
from yusuan.store import yoy
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.views.pages import page

router = APIRouter()
Kind = Literal["budget", "final_accounts"]


@router.get("/disclosures/{disclosure_id}/prior-year", response_class=HTMLResponse, include_in_schema=False)
def prior_year_page(request: Request, disclosure_id: int, caller: Caller = Depends(get_caller),
                    store=Depends(get_store)):
    with store.session() as s:
        context = yoy.prior_year(s, caller.principal, disclosure_id)
    d = context["disclosure"]
    return page(request, caller, "prior_year.html", title=f"{d['body']['name']} {d['year'] or ''} 年与上年对比",
                data=context)


@router.get("/api/bodies/{body_id}/years", tags=["单位"],
            summary="一个单位历年的当前公开文件：支出总计、基本/项目支出、“三公”经费、机关运行经费及比上年变化，"
                    "按功能分类（类）的历年支出（科目经编码对照换算为最近一年的编码）")
def body_years_api(body_id: int, kind: Kind = "budget", caller: Caller = Depends(get_caller),
                   store=Depends(get_store)) -> dict[str, Any]:
    with store.session() as s:
        return store_years.body_years(s, caller.principal, body_id, kind)


@router.get("/bodies/{body_id}/years", response_class=HTMLResponse, include_in_schema=False)
def body_years_page(request: Request, body_id: int, kind: Kind = "budget", caller: Caller = Depends(get_caller),
                    store=Depends(get_store)):
    with store.session() as s:
        context = store_years.body_years(s, caller.principal, body_id, kind)
    return page(request, caller, "body_years.html", title=f"{context['body']['name']} 历年{context['kind_name']}",
                data=context)


def _rollup(store, caller: Caller, year, kind) -> dict:
    with store.session() as s:
        return store_rollup.rollup(s, caller.principal, year=year, kind=kind)


@router.get("/api/rollup", tags=["对比"], summary="全市汇总：各部门的部门预算与所属单位已公开预算之和并列，差额与汇总核对的问题，全市合计")
def rollup_api(year: int | None = Query(None, ge=2000, le=2100), kind: Kind = "budget",
               caller: Caller = Depends(get_caller), store=Depends(get_store)) -> dict[str, Any]:
    return _rollup(store, caller, year, kind)


@router.get("/rollup", response_class=HTMLResponse, include_in_schema=False)
def rollup_page(request: Request, year: str = "", kind: Kind = "budget", caller: Caller = Depends(get_caller),
                store=Depends(get_store)):
    context = _rollup(store, caller, int(year) if year.isdigit() else None, kind)
    return page(request, caller, "rollup.html", title="全市部门汇总", data=context)
