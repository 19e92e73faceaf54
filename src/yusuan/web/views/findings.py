"""Findings of the checks, located on the page and tied to cells, rows and paragraphs."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from yusuan.store import queries
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.schemas import DisclosureFindings, FindingList

router = APIRouter(tags=["检查发现的问题"])
Severity = Literal["error", "warning", "info"]


@router.get("/api/disclosures/{disclosure_id}/findings", response_model=DisclosureFindings,
            summary="一份公开文件的问题（错误在前），每个问题定位到单元格、行或段落")
def disclosure_findings(disclosure_id: int, severity: Severity | None = None, rule: str | None = None,
                        caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        return queries.disclosure_findings(s, caller.principal, disclosure_id, severity=severity, rule=rule)


@router.get("/api/findings", response_model=FindingList, summary="可见的当前版本中的问题（审核人查看下属单位）")
def findings(severity: Severity | None = None, rule: str | None = None, body_id: int | None = None,
             department_id: int | None = None, year: int | None = None,
             limit: int = Query(500, ge=1, le=queries.MAX_LIMIT), offset: int = Query(0, ge=0),
             caller: Caller = Depends(get_caller), store=Depends(get_store)):
    with store.session() as s:
        return queries.findings(s, caller.principal, severity=severity, rule=rule, body_id=body_id,
                                department_id=department_id, year=year, limit=limit, offset=offset)
