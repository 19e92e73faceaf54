"""The 绩效 pages: the bodies and years one keeps or reviews, a body's year, one record, the forms that
record targets, a monitoring round and a self-evaluation, and a department's overview. Each renders the
context of its JSON twin (web/views/perf.py); the forms post JSON from static/perf.js."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from yusuan.store import perf_queries
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.views.pages import page

router = APIRouter(include_in_schema=False)


def _logged_in(caller: Caller) -> None:
    if not caller.authenticated:
        raise HTTPException(401, "请先登录后查看绩效管理")


@router.get("/perf", response_class=HTMLResponse)
def perf_index(request: Request, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        data = perf_queries.perf_index(s, caller.principal)
    return page(request, caller, "perf_index.html", title="绩效管理", data=data, this_year=date.today().year)


@router.get("/perf/bodies/{body_id}/{year}", response_class=HTMLResponse)
def perf_body(request: Request, body_id: int, year: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        data = perf_queries.perf_body(s, caller.principal, body_id, year)
    return page(request, caller, "perf_body.html", title=f"{data['body']['name']} {year} 年绩效", data=data)


@router.get("/perf/bodies/{body_id}/{year}/{kind}", response_class=HTMLResponse)
def perf_form(request: Request, body_id: int, year: int, kind: Literal["targets", "monitoring", "evaluation"],
              project: str = Query("", max_length=200), caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        data = perf_queries.perf_form(s, caller.principal, body_id, year, kind, project)
    return page(request, caller, f"perf_form_{kind}.html", title=f"{data['kind_name']}：{data['body']['name']} {year} 年"
                f"{data['project_name']}", data=data, today=date.today().isoformat())


@router.get("/perf/records/{record_id}", response_class=HTMLResponse)
def perf_record(request: Request, record_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        data = perf_queries.perf_record(s, caller.principal, record_id)
    r = data["record"]
    return page(request, caller, "perf_record.html", data=data,
                title=f"{r['kind_name']}：{r['body']} {r['year']} 年{r['project_name']}")


@router.get("/perf/overview/{department_id}/{year}", response_class=HTMLResponse)
def perf_overview(request: Request, department_id: int, year: int, caller: Caller = Depends(get_caller),
                  store=Depends(get_store)):
    _logged_in(caller)
    with store.session() as s:
        data = perf_queries.perf_overview(s, caller.principal, department_id, year)
    return page(request, caller, "perf_overview.html", title=f"{data['department']['name']} {year} 年绩效总览", data=data)
