"""Request dependencies: the store, the caller (from the session cookie), CSRF protection."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from ipaddress import ip_address, ip_network

from fastapi import Depends, HTTPException, Request
from itsdangerous import BadSignature, TimestampSigner

from yusuan.store import Store
from yusuan.store import models as m
from yusuan.store.access import PUBLIC, Principal, principal_for
from yusuan.store.accounts import SESSION_DAYS, session_user
from yusuan.web.settings import CSRF_HEADER, WebSettings


@dataclass(frozen=True, slots=True)
class Caller:
    principal: Principal = PUBLIC
    user_id: int | None = None
    token: str | None = None  # the session token, when authenticated by cookie
    csrf_token: str | None = None
    ip: str = ""

    @property
    def authenticated(self) -> bool:
        return self.user_id is not None


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> WebSettings:
    return request.app.state.settings


def signer(request: Request) -> TimestampSigner:
    return request.app.state.signer


def client_ip(request: Request) -> str:
    """The client's address: the peer's, or, when the peer is a trusted proxy (`trusted_proxies`), the
    rightmost address of X-Forwarded-For that is not a trusted proxy (those to its left are whatever
    the client wrote)."""
    peer = request.client.host if request.client else ""
    proxies = [ip_network(p, strict=False) for p in get_settings(request).trusted_proxies]
    if not proxies or not _within(peer, proxies):
        return peer
    hops = [h.strip() for h in ",".join(request.headers.getlist("x-forwarded-for")).split(",")]
    for hop in reversed(hops):
        if not _within(hop, proxies):
            return hop if _address(hop) else peer  # a proxy that appends garbage is misconfigured
        peer = hop
    return peer


def _address(text: str):
    try:
        return ip_address(text)
    except ValueError:
        return None


def _within(text: str, networks) -> bool:
    address = _address(text)
    return address is not None and any(address in n for n in networks)


def read_cookie(request: Request) -> str | None:
    raw = request.cookies.get(get_settings(request).session_cookie)
    if not raw:
        return None
    try:
        return signer(request).unsign(raw, max_age=SESSION_DAYS * 86400).decode()
    except BadSignature:
        return None


def get_caller(request: Request) -> Caller:
    """The public, or the user of a valid session cookie."""
    ip = client_ip(request)
    token = read_cookie(request)
    if token is None:
        return Caller(ip=ip)
    with get_store(request).session() as s:
        found = session_user(s, token)
        if found is None:
            return Caller(ip=ip)
        user, sess = found
        return Caller(principal_for(s, user), user.id, token, sess.csrf_token, ip)


def require_user(caller: Caller = Depends(get_caller)) -> Caller:
    if not caller.authenticated:
        raise HTTPException(401, "请先登录")
    return caller


async def csrf_protect(request: Request, caller: Caller = Depends(get_caller)) -> Caller:
    """A state-changing request authenticated by cookie must echo the session's CSRF token in the
    X-CSRF-Token header (or a csrf_token form field); a cross-site form cannot read it."""
    if caller.authenticated:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent and request.headers.get("content-type", "").startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()  # cached: the endpoint reads the same parsed form
            value = form.get("csrf_token", "")
            sent = value if isinstance(value, str) else ""
        if not sent or not hmac.compare_digest(sent, caller.csrf_token or ""):
            raise HTTPException(403, "缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token），请刷新页面后重试")
    return caller


def require_user_csrf(caller: Caller = Depends(csrf_protect)) -> Caller:
    if not caller.authenticated:
        raise HTTPException(401, "请先登录")
    return caller


def load_user(s, caller: Caller) -> m.User | None:
    return s.get(m.User, caller.user_id) if caller.user_id else None
