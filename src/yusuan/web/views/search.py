"""Search: the page (disclosures by body, year and kind; numbers by code, name and kind of table, grouped
by disclosure, in one unit, each with the place it is printed at) and its results as CSV."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from yusuan.store import exports, queries
from yusuan.store import search as found
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.views.downloads import disposition
from yusuan.web.views.pages import page

router = APIRouter(tags=["搜索"])


class SearchForm:
    """The search's fields, from the page's form or the CSV's query (blank fields ignored)."""

    def __init__(self, q: str = Query("", max_length=200, description="单位名称、标题或主管部门包含"),
                 year: str = Query("", max_length=4, description="年度"),
                 doc_kind: Literal["", "budget", "final_accounts"] = Query("", description="budget：预算；final_accounts：决算"),
                 kind: str = Query("", max_length=60, description="表格类型，如 expense_summary"),
                 code: str = Query("", max_length=20, description="科目编码前缀：201 = 一般公共服务支出类"),
                 item: str = Query("", max_length=100, description="科目名称包含，如 行政运行"),
                 unit: Literal["万元", "元"] = Query("万元", description="金额单位")):
        self.search = found.Search(q=q.strip(), year=int(year) if year.isdigit() else None, doc_kind=doc_kind or None,
                                   kind=kind.strip() or None, code=code.strip(), item=item.strip(), unit=unit)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, form: SearchForm = Depends(), caller: Caller = Depends(get_caller),
                store=Depends(get_store)):
    with store.session() as s:
        result = found.search(s, caller.principal, form.search)
    query = request.url.query
    return page(request, caller, "search.html", title="搜索", result=result, form=form.search.form(),
                csv=f"/api/search.csv?{query}" if query else "/api/search.csv")


@router.get("/api/search.csv", responses={200: {"content": {"text/csv": {}}}},
            summary="搜索到的数字（按科目编码、名称或表格类型），金额折算为同一单位，附原文位置（CSV，最多 5000 个）")
def search_csv(form: SearchForm = Depends(), caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        result = found.search(s, caller.principal, form.search, limit=queries.MAX_LIMIT)
    text = exports.rows_csv(found.CSV_COLUMNS, found.csv_rows(result))
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=disposition("搜索结果.csv"))
