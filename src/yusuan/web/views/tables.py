"""Tables and cells."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from yusuan.store import queries
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.schemas import CellList, TableDetail

router = APIRouter(tags=["表格与数字"])


@router.get("/api/tables/{table_id}", response_model=TableDetail, summary="一张表：列、行、每个数字（含定位和问题编号）")
def table(table_id: int, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        return queries.table_detail(s, caller.principal, table_id)


@router.get("/api/cells", response_model=CellList,
            summary="数字单元格（单元格导出约定的字段，加单位、年度和定位）；默认只取每份文件的当前版本")
def cells(
    disclosure_id: int | None = Query(None, description="某一版本（也可以是旧版本）"),
    body_id: int | None = None,
    body: str | None = Query(None, description="单位名称包含"),
    department_id: int | None = Query(None, description="主管部门及其下属单位"),
    year: int | None = None,
    doc_kind: Literal["budget", "final_accounts"] | None = None,
    kind: str | None = Query(None, description="表格类型，如 expense_summary"),
    code: str | None = Query(None, description="科目编码（完全相同）"),
    code_prefix: str | None = Query(None, description="科目编码前缀：201 = 一般公共服务支出类"),
    item: str | None = Query(None, description="科目名称（完全相同）"),
    item_contains: str | None = Query(None, description="科目名称包含，如 行政运行"),
    measure: str | None = Query(None, description="如 total、basic、project、amount、total@prior_budget"),
    side: str | None = None,
    limit: int = Query(1000, ge=1, le=queries.MAX_LIMIT),
    offset: int = Query(0, ge=0),
    caller: Caller = Depends(get_caller), store=Depends(get_store),
):
    f = queries.CellFilter(disclosure_id=disclosure_id, body_id=body_id, body=body, department_id=department_id,
                           year=year, doc_kind=doc_kind, kind=kind, code=code, code_prefix=code_prefix, item=item,
                           item_contains=item_contains, measure=measure, side=side, limit=limit, offset=offset)
    with store.session() as s:
        return queries.cells(s, caller.principal, f)
