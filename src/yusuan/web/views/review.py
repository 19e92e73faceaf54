"""The reviewer's overview: what waits on the caller (store/overview.py), as a page and as JSON."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from yusuan.store import overview
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.schemas import Error, Waiting
from yusuan.web.views.pages import page

router = APIRouter(tags=["审核"])


def _context(caller: Caller, store) -> dict:
    if not caller.authenticated:
        raise HTTPException(401, "请先登录后查看待办")
    with store.session() as s:
        return overview.waiting(s, caller.principal)


@router.get("/api/review", response_model=Waiting, responses={401: {"model": Error}},
            summary="待办：等待当前用户处理的文件（审核人：待审核、待公开；财政局：待财政审核；填报人：草稿和已退回），"
                    "各自的错误、警告数和已等待天数，等待最久的在前")
def waiting(caller: Caller = Depends(get_caller), store=Depends(get_store)):
    return _context(caller, store)


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
def waiting_page(request: Request, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    return page(request, caller, "review.html", title="待办", data=_context(caller, store))
