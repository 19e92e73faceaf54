"""Login, logout, who am I, and user management (administrators)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from yusuan.store import access, accounts, queries
from yusuan.store import models as m
from yusuan.store.access import principal_for
from yusuan.store.accounts import LoginRefused, TooManyAttempts
from yusuan.store.queries import Forbidden
from yusuan.web.deps import (
    Caller,
    csrf_protect,
    get_caller,
    get_settings,
    get_store,
    require_user_csrf,
    signer,
)
from yusuan.web.schemas import Error, LoginIn, Me, UserIn, UserList, UserOut

router = APIRouter(tags=["账户"])


@router.post("/api/login", response_model=Me, responses={401: {"model": Error}, 429: {"model": Error}},
             summary="登录：设置会话 Cookie，返回 CSRF 令牌（之后的 POST/PATCH 放在 X-CSRF-Token 请求头中）")
def login(credentials: LoginIn, request: Request, response: Response, caller: Caller = Depends(get_caller),
          store=Depends(get_store)):
    settings = get_settings(request)
    refused: Exception | None = None
    with store.session() as s:  # committed first: attempts made at the same time all count
        attempt = accounts.start_attempt(s, credentials.username, ip=caller.ip)
    with store.session() as s:
        try:
            user, token, sess = accounts.login(s, credentials.username, credentials.password, ip=caller.ip,
                                               attempt=attempt)
        except (LoginRefused, TooManyAttempts) as e:
            refused = e  # the attempt's outcome is committed to the audit log (a failure counts for the limit)
        else:
            me = {"user": queries.user_dict(user), "role": user.role, "csrf_token": sess.csrf_token}
    if isinstance(refused, TooManyAttempts):
        return JSONResponse({"detail": str(refused)}, status_code=429, headers={"Retry-After": str(refused.retry_after)})
    if refused is not None:
        raise HTTPException(401, str(refused))
    if caller.token:  # a new login replaces the old session
        with store.session() as s:
            accounts.logout(s, caller.token)
    response.set_cookie(settings.session_cookie, signer(request).sign(token).decode(), httponly=True, samesite="lax",
                        secure=settings.cookie_secure or request.url.scheme == "https",
                        max_age=accounts.SESSION_DAYS * 86400, path="/")
    return me


@router.post("/api/logout", status_code=204, summary="退出登录")
def logout(request: Request, caller: Caller = Depends(csrf_protect), store=Depends(get_store)):
    if caller.token:
        with store.session() as s:
            accounts.logout(s, caller.token, ip=caller.ip)
    response = Response(status_code=204)
    response.delete_cookie(get_settings(request).session_cookie, path="/")
    return response


@router.get("/api/me", response_model=Me, summary="当前用户（未登录为公众）及 CSRF 令牌")
def me(caller: Caller = Depends(get_caller), store=Depends(get_store)):
    if not caller.authenticated:
        return {"user": None, "role": "public", "csrf_token": None}
    with store.session() as s:
        user = s.get(m.User, caller.user_id)
        return {"user": queries.user_dict(user), "role": user.role, "csrf_token": caller.csrf_token}


@router.get("/api/users", response_model=UserList, summary="用户列表（管理员）")
def users(caller: Caller = Depends(get_caller), store=Depends(get_store)):
    if not caller.authenticated:
        raise HTTPException(401, "请先登录")
    with store.session() as s:
        return queries.users(s, caller.principal)


@router.post("/api/users", response_model=UserOut, status_code=201, summary="新建用户（管理员）：审核人指定主管部门，填报人指定单位")
def create_user(new: UserIn, caller: Caller = Depends(require_user_csrf), store=Depends(get_store)):
    if not access.can_manage_users(caller.principal):
        raise Forbidden("只有管理员可以新建用户")
    with store.session() as s:
        user = accounts.create_user(s, new.username, new.password, new.role, new.body_id, new.display_name)
        accounts.audit(s, "user_create", user=s.get(m.User, caller.user_id), ip=caller.ip,
                       detail={"username": user.username, "role": user.role, "body_id": user.body_id})
        s.flush()
        s.refresh(user, ["body"])
        return queries.user_dict(user)


__all__ = ["router", "principal_for"]
