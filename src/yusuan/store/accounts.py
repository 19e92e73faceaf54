"""Accounts: argon2id password hashes, server-side sessions, rate-limited login, the first administrator."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from yusuan.store import models as m
from yusuan.store.access import ROLES_WITH_BODY
from yusuan.store.db import StoreError
from yusuan.store.models import utcnow

HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory profile (64 MiB, t=3, p=4)
SESSION_DAYS = 7
LOGIN_WINDOW = timedelta(minutes=15)
LOGIN_FAILURES_PER_PAIR = 5  # failed logins allowed per (user name, address) within the window
LOGIN_FAILURES_PER_IP = 20  # and per address (an office behind one address has many users)
# never per user name alone: anyone could then lock the owner out from anywhere
ATTEMPT, FAILED, LIMITED = "login_attempt", "login_failed", "login_limited"  # an attempt's audit entry
MIN_PASSWORD = 10
_DUMMY_HASH = HASHER.hash("yusuan-timing-equaliser")


class LoginRefused(StoreError):
    pass


class TooManyAttempts(StoreError):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        super().__init__(f"登录失败次数过多，请在 {max(1, retry_after // 60)} 分钟后再试")


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise StoreError(f"密码至少需要 {MIN_PASSWORD} 个字符")
    return HASHER.hash(password)


def new_password() -> str:
    return secrets.token_urlsafe(12)


def create_user(session: Session, username: str, password: str, role: str, body_id: int | None = None,
                display_name: str = "") -> m.User:
    body_id = _role_body(session, role, body_id)
    username = username.strip()
    if not username:
        raise StoreError("用户名不能为空")
    if session.scalar(select(m.User.id).where(m.User.username == username)) is not None:
        raise StoreError(f"用户名“{username}”已被使用")
    user = m.User(username=username, password_hash=hash_password(password), role=role, body_id=body_id,
                  display_name=display_name or username)
    session.add(user)
    session.flush()
    return user


def _role_body(session: Session, role: str, body_id: int | None) -> int | None:
    """The body a user of `role` keeps (an administrator and the finance bureau none); refused when the
    role needs one it lacks."""
    if role not in m.ROLES:
        raise StoreError(f"未知的角色：{role}（可选 {'、'.join(m.ROLES)}）")
    if role not in ROLES_WITH_BODY:
        return None
    if body_id is None:
        raise StoreError("审核人需要指定主管部门，填报人需要指定单位")
    if session.get(m.Body, body_id) is None:
        raise StoreError(f"没有编号为 {body_id} 的单位")
    return body_id


_KEEP = object()


def update_user(session: Session, user: m.User, *, role: str | None = None, body_id=_KEEP,
                display_name: str | None = None, is_active: bool | None = None) -> dict:
    """Change a user's role, body, name or whether it may log in; returns the changes as
    {field: [before, after]}. The last active administrator keeps its role and stays active; a user
    disabled loses its open sessions."""
    role = role or user.role
    body = _role_body(session, role, user.body_id if body_id is _KEEP else body_id)
    active = user.is_active if is_active is None else is_active
    if user.role == "admin" and user.is_active and (role != "admin" or not active) and session.scalar(
            select(func.count()).select_from(m.User).where(m.User.role == "admin", m.User.is_active,
                                                          m.User.id != user.id)) == 0:
        raise StoreError(f"{user.username} 是唯一可用的管理员，不能停用或改为其他角色")
    wanted = {"role": role, "body_id": body, "is_active": active,
              "display_name": user.display_name if display_name is None else display_name.strip() or user.username}
    changes = {k: [getattr(user, k), v] for k, v in wanted.items() if getattr(user, k) != v}
    for k, (_, v) in changes.items():
        setattr(user, k, v)
    if not active:
        session.execute(delete(m.Session).where(m.Session.user_id == user.id))
    session.flush()
    return changes


def reset_password(session: Session, user: m.User) -> str:
    """A new random password for `user` (returned once, only its hash kept); its open sessions end."""
    password = new_password()
    user.password_hash = hash_password(password)
    session.execute(delete(m.Session).where(m.Session.user_id == user.id))
    return password


def ensure_admin(session: Session) -> tuple[str, str] | None:
    """On first start (no user at all): an administrator `admin` with a fresh password, returned once
    so it can be shown; only its hash is kept."""
    if session.scalar(select(func.count()).select_from(m.User)):
        return None
    password = new_password()
    user = create_user(session, "admin", password, "admin", display_name="管理员")
    audit(session, "user_create", user=None, detail={"username": "admin", "role": "admin", "first_start": True})
    return user.username, password


def secret_key(session: Session) -> str:
    """The key that signs session cookies: made on first start and kept with the data."""
    row = session.get(m.Setting, "secret_key")
    if row is None:
        row = m.Setting(key="secret_key", value=secrets.token_urlsafe(48))
        session.add(row)
        session.flush()
    return row.value


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_attempt(session: Session, username: str, ip: str = "") -> int:
    """Record a login attempt before its password is checked, as an audit entry `login_attempt`; commit
    it before `login(…, attempt=id)`, so attempts made at the same time all count against the limit."""
    entry = audit(session, ATTEMPT, user=None, username=username, ip=ip)
    session.flush()
    return entry.id


def login(session: Session, username: str, password: str, ip: str = "",
          attempt: int | None = None) -> tuple[m.User, str, m.Session]:
    """Check the password; on success a new session (its token goes in the cookie). `attempt` is the entry
    of `start_attempt` (else one is made here); it becomes `login`, `login_failed` or, refused unchecked
    after too many failures, `login_limited`."""
    if attempt is None:
        attempt = start_attempt(session, username, ip)
    entry = session.get(m.AuditEntry, attempt)
    try:
        _check_rate(session, username, ip, entry.id)
    except TooManyAttempts:
        entry.action = LIMITED
        raise
    user = session.scalar(select(m.User).where(m.User.username == username))
    ok = False
    try:
        ok = HASHER.verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or not user.is_active:
        entry.action = FAILED
        raise LoginRefused("用户名或密码不正确")
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
    user.last_login_at = utcnow()
    session.execute(delete(m.Session).where(m.Session.expires_at < utcnow()))  # housekeeping
    token = secrets.token_urlsafe(32)
    s = m.Session(token_hash=_token_hash(token), user_id=user.id, csrf_token=secrets.token_urlsafe(32),
                  expires_at=utcnow() + timedelta(days=SESSION_DAYS), ip=ip)
    session.add(s)
    entry.action, entry.user_id = "login", user.id
    session.flush()
    return user, token, s


def _check_rate(session: Session, username: str, ip: str, own: int) -> None:
    """Refuse a login attempt after too many recent failures (or attempts still being checked, made at the
    same time) for this user name from this address, or from this address at all."""
    since = utcnow() - LOGIN_WINDOW
    recent = (m.AuditEntry.action.in_((FAILED, ATTEMPT)), m.AuditEntry.at >= since, m.AuditEntry.id != own,
              m.AuditEntry.ip == ip)
    limits = [((m.AuditEntry.username == username,), LOGIN_FAILURES_PER_PAIR)]
    if ip:  # without an address (a local caller) only the pair's limit applies
        limits.append(((), LOGIN_FAILURES_PER_IP))
    for where, allowed in limits:
        failures = session.execute(select(m.AuditEntry.at).where(*recent, *where)
                                   .order_by(m.AuditEntry.at.desc()).limit(allowed)).scalars().all()
        if len(failures) >= allowed:
            retry = int((failures[-1] + LOGIN_WINDOW - utcnow()).total_seconds()) + 1
            raise TooManyAttempts(max(retry, 1))


def session_user(session: Session, token: str) -> tuple[m.User, m.Session] | None:
    s = session.scalar(select(m.Session).where(m.Session.token_hash == _token_hash(token)))
    if s is None or s.expires_at < utcnow():
        return None
    user = session.get(m.User, s.user_id)
    if user is None or not user.is_active:
        return None
    return user, s


def logout(session: Session, token: str, ip: str = "") -> None:
    found = session_user(session, token)
    session.execute(delete(m.Session).where(m.Session.token_hash == _token_hash(token)))
    if found:
        audit(session, "logout", user=found[0], ip=ip)


def audit(session: Session, action: str, *, user: m.User | None, username: str = "", ip: str = "",
          disclosure_id: int | None = None, detail: dict | None = None, at: datetime | None = None) -> m.AuditEntry:
    entry = m.AuditEntry(action=action, user_id=user.id if user else None,
                         username=user.username if user else username, ip=ip, disclosure_id=disclosure_id,
                         detail=detail or {}, at=at or utcnow())
    session.add(entry)
    return entry
