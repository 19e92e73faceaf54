"""Administration (administrators only): the users page (create, role and body, reset the password,
disable) and the audit log page with its filters and CSV export."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from yusuan.store import access, accounts, queries
from yusuan.store import models as m
from yusuan.store.access import ROLE_HELP, ROLE_NAMES, ROLES_WITH_BODY
from yusuan.store.queries import Forbidden, NotFound
from yusuan.web.deps import Caller, get_caller, get_store, load_user, require_user_csrf
from yusuan.web.schemas import PasswordReset, UserEdit, UserOut
from yusuan.web.views.audit import AuditFilter, require_login
from yusuan.web.views.pages import page

router = APIRouter(tags=["账户"])
PAGE_SIZE = 200


def _admin_only(caller: Caller) -> None:
    require_login(caller)
    if not access.can_manage_users(caller.principal):
        raise Forbidden("只有管理员可以管理用户和查看操作日志")


def _user(s, user_id: int) -> m.User:
    user = s.get(m.User, user_id)
    if user is None:
        raise NotFound(f"没有编号为 {user_id} 的用户")
    return user


@router.patch("/api/users/{user_id}", response_model=UserOut,
              summary="修改用户（管理员）：角色与单位、显示名、停用或启用（只改给出的字段）")
def update_user(user_id: int, edit: UserEdit, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    _admin_only(caller)
    given = edit.model_dump(exclude_unset=True)
    with store.session() as s:
        user = _user(s, user_id)
        changes = accounts.update_user(s, user, **given)
        if changes:
            accounts.audit(s, "user_update", user=load_user(s, caller), ip=caller.ip,
                           detail={"username": user.username, "changes": changes})
        s.refresh(user, ["body"])
        return queries.user_dict(user)


@router.post("/api/users/{user_id}/password", response_model=PasswordReset,
             summary="重置密码（管理员）：生成新的随机密码，只显示这一次；该用户已有的登录失效")
def reset_password(user_id: int, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    _admin_only(caller)
    with store.session() as s:
        user = _user(s, user_id)
        password = accounts.reset_password(s, user)
        accounts.audit(s, "password_reset", user=load_user(s, caller), ip=caller.ip,
                       detail={"username": user.username})
        return {"user": queries.user_dict(user), "password": password}


@router.get("/admin/users", response_class=HTMLResponse, include_in_schema=False)
def users_page(request: Request, caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _admin_only(caller)
    with store.session() as s:
        users = queries.users(s, caller.principal)["users"]
        bodies = queries.upload_targets(s, caller.principal)
    roles = {r: ROLE_NAMES[r] for r in m.ROLES}
    return page(request, caller, "admin_users.html", title="用户管理", users=users, bodies=bodies, roles=roles,
                role_help=ROLE_HELP, with_body=ROLES_WITH_BODY, min_password=accounts.MIN_PASSWORD)


@router.get("/admin/audit", response_class=HTMLResponse, include_in_schema=False)
def audit_page(request: Request, f: AuditFilter = Depends(), offset: int = Query(0, ge=0),
               caller: Caller = Depends(get_caller), store=Depends(get_store)):
    _admin_only(caller)
    with store.session() as s:
        log = queries.audit_log(s, caller.principal, **f.values, limit=PAGE_SIZE, offset=offset)
        actions = queries.audit_actions(s, caller.principal)
        choices = queries.disclosure_list(s, caller.principal, versions="all", limit=queries.MAX_LIMIT)["disclosures"]
    form = {k: ("" if v is None else str(v)) for k, v in f.values.items()}
    query = urlencode({k: v for k, v in form.items() if v})
    return page(request, caller, "admin_audit.html", title="操作日志", log=log, actions=actions, choices=choices,
                form=form, query=query, page_size=PAGE_SIZE)
