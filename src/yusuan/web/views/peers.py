"""Peers: bodies compared on their shares of spending, the far ones flagged (store/peers.py)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from yusuan.store import peers as store_peers
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.views.pages import page

router = APIRouter()
Kind = Literal["budget", "final_accounts"]
Level = Literal["department", "unit"]


def _context(store, caller: Caller, year, kind, level, department_id, q) -> dict:
    with store.session() as s:
        return store_peers.peers(s, caller.principal, year=year, kind=kind, level=level,
                                 department_id=department_id, q=q or None)


@router.get("/api/peers", tags=["对比"], summary="同类单位对比：项目支出、“三公”经费、机关运行经费、委托业务费占支出的比例，"
                                                  "偏离同组（同一年度）中位数较远的标出（稳健 z 分数，见 docs/open-data.md）")
def peers_api(year: int | None = Query(None, ge=2000, le=2100), kind: Kind = "budget", level: Level | None = None,
              department_id: int | None = None, q: str | None = Query(None, description="单位名称包含"),
              caller: Caller = Depends(get_caller), store=Depends(get_store)) -> dict[str, Any]:
    return _context(store, caller, year, kind, level, department_id, q)


@router.get("/peers", response_class=HTMLResponse, include_in_schema=False)
def peers_page(request: Request, year: str = "", kind: Kind = "budget", level: str = "", department_id: str = "",
               q: str = "", caller: Caller = Depends(get_caller), store=Depends(get_store)):
    context = _context(store, caller, int(year) if year.isdigit() else None, kind,
                       level if level in ("department", "unit") else None,
                       int(department_id) if department_id.isdigit() else None, q)
    form = {"year": year, "kind": kind, "level": level, "q": q}
    return page(request, caller, "peers.html", title="同类单位对比", data=context, form=form)
