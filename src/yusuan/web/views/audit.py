"""The audit log: who did what, when, on which disclosure (administrators), as JSON and as CSV."""

from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response

from yusuan.store import exports, queries
from yusuan.web.deps import Caller, get_caller, get_store
from yusuan.web.schemas import AuditLog
from yusuan.web.views.downloads import disposition

router = APIRouter(tags=["操作日志"])


class AuditFilter:
    """The filters of the log, shared by the JSON, the CSV and the page."""

    def __init__(self, action: str | None = Query(None, description="操作，如 upload、publish、login_failed"),
                 disclosure_id: int | None = Query(None, description="公开文件编号"),
                 username: str | None = Query(None, description="用户名（完全相同）"),
                 since: date | None = Query(None, description="从这一天起（北京时间，含）"),
                 until: date | None = Query(None, description="到这一天止（北京时间，含）")):
        self.values = {"action": action or None, "disclosure_id": disclosure_id, "username": username or None,
                       "since": since, "until": until}


def require_login(caller: Caller) -> None:
    if not caller.authenticated:
        raise HTTPException(401, "请先登录")


@router.get("/api/audit", response_model=AuditLog, summary="操作日志（管理员）：上传、修改、提交、公开、意见、登录、用户管理")
def audit(f: AuditFilter = Depends(), limit: int = Query(200, ge=1, le=queries.MAX_LIMIT),
          offset: int = Query(0, ge=0), caller: Caller = Depends(get_caller), store=Depends(get_store)):
    require_login(caller)
    with store.session() as s:
        return queries.audit_log(s, caller.principal, **f.values, limit=limit, offset=offset)


AUDIT_CSV = (("at_local", "时间（北京时间，UTC+8）"), ("username", "用户"), ("ip", "地址"), ("action_name", "操作"),
             ("action", "操作代码"), ("disclosure_id", "公开文件编号"), ("disclosure", "公开文件"), ("detail_text", "详情"),
             ("detail", "详情（JSON）"), ("at", "时间（UTC，ISO 8601）"))


@router.get("/api/audit.csv", responses={200: {"content": {"text/csv": {}}}},
            summary="操作日志导出为 CSV（管理员，筛选条件同上，最多 5000 条）")
def audit_csv(f: AuditFilter = Depends(), caller: Caller = Depends(get_caller), store=Depends(get_store)):
    require_login(caller)
    with store.session() as s:
        log = queries.audit_log(s, caller.principal, **f.values, limit=queries.MAX_LIMIT)
    text = exports.rows_csv(AUDIT_CSV, log["entries"])
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8", headers=disposition("操作日志.csv"))
