"""The audit log: who did what, when (administrators)."""

from fastapi import APIRouter, Depends, HTTPException, Query

from yusuan.store import queries
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.schemas import AuditLog

router = APIRouter(tags=["操作日志"])


@router.get("/api/audit", response_model=AuditLog, summary="操作日志（管理员）：上传、修改、提交、公开、意见、登录")
def audit(action: str | None = None, disclosure_id: int | None = None, username: str | None = None,
          limit: int = Query(200, ge=1, le=queries.MAX_LIMIT), offset: int = Query(0, ge=0),
          caller: Caller = Depends(get_caller), store=Depends(get_store)):
    if not caller.authenticated:
        raise HTTPException(401, "请先登录")
    with store.session() as s:
        return queries.audit_log(s, caller.principal, action=action, disclosure_id=disclosure_id, username=username,
                                 limit=limit, offset=offset)
