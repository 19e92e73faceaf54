"""The steps of the review chain (who may take them: `access.CHAIN`, `access.allowed`): submit, approve by
the department, approve by the finance bureau, return with a reason, publish; and the warnings'
acknowledgements a submission needs.

- An error finding blocks submission: the figures prove something wrong, so the version is corrected
  (a new version) before it goes anywhere.
- Each warning needs an acknowledgement with a reason, kept with the version (`m.Acknowledgement`); a
  correction uploaded as the next version takes over the reasons of the warnings it still has, word for
  word the same (`carry_acknowledgements`).
- A return (退回) needs a reason: a comment of kind "return", on the whole version or on one of its
  tables, rows, cells or findings, which the editor sees where it points.

Each step is one audit entry (`submit`, `approve`, `approve_finance`, `return`, `publish`,
`acknowledge`) with the statuses before and after. Functions take an open session; the caller commits.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yusuan.store import models as m
from yusuan.store.access import ACTION_NAMES, CHAIN, EDITABLE, STATUS_NAMES
from yusuan.store.accounts import audit
from yusuan.store.db import StoreError
from yusuan.store.models import utcnow
from yusuan.store.recheck import recheck_parent
from yusuan.store.repository import Target, add_comment, mark_published


def unacknowledged(session: Session, disclosure_ids: Iterable[int]) -> dict[int, int]:
    """disclosure id → how many of its warnings have no acknowledgement yet."""
    ids = set(disclosure_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(m.Finding.disclosure_id, func.count()).outerjoin(m.Acknowledgement)
        .where(m.Finding.disclosure_id.in_(ids), m.Finding.severity == "warning", m.Acknowledgement.id.is_(None))
        .group_by(m.Finding.disclosure_id)).all()
    return {did: n for did, n in rows}


def blockers(session: Session, d: m.Disclosure) -> list[str]:
    """Why `d` may not be submitted yet (Chinese, one line each); empty when nothing keeps it."""
    out = []
    if d.errors:
        out.append(f"有 {d.errors} 个错误：错误须在文件中更正（上传更正后的文件作为新版本），不能提交")
    waiting = unacknowledged(session, [d.id]).get(d.id, 0)
    if waiting:
        out.append(f"有 {waiting} 个警告尚未确认：每个警告须填写确认理由后才能提交")
    return out


def acknowledge(session: Session, d: m.Disclosure, user: m.User | None, finding_ids: Iterable[int], reason: str,
                ip: str = "") -> list[m.Acknowledgement]:
    """Acknowledge warnings of `d` with one reason (a warning acknowledged before gets the new reason)."""
    reason = reason.strip()
    if not reason:
        raise StoreError("请填写确认理由：为什么这个警告不需要更正")
    if d.status not in EDITABLE:
        raise StoreError(f"{STATUS_NAMES[d.status]}的文件不能再确认警告")
    wanted = list(dict.fromkeys(finding_ids))
    if not wanted:
        raise StoreError("没有指定要确认的警告")
    found = {f.id: f for f in session.execute(select(m.Finding).where(
        m.Finding.id.in_(wanted), m.Finding.disclosure_id == d.id)).scalars()}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise StoreError(f"这份文件没有编号为 {'、'.join(map(str, missing))} 的问题")
    wrong = [f for f in found.values() if f.severity != "warning"]
    if wrong:
        raise StoreError(f"问题 {wrong[0].id} 是{'错误' if wrong[0].severity == 'error' else '提示'}："
                         "只有警告需要确认（错误须更正，提示无须确认）")
    held = {a.finding_id: a for a in session.execute(select(m.Acknowledgement).where(
        m.Acknowledgement.finding_id.in_(wanted))).scalars()}
    out = []
    for fid in wanted:
        a = held.get(fid)
        if a is None:
            a = m.Acknowledgement(disclosure_id=d.id, finding_id=fid)
            session.add(a)
        a.reason, a.user_id, a.created_at = reason, user.id if user else None, utcnow()
        out.append(a)
    session.flush()
    audit(session, "acknowledge", user=user, ip=ip, disclosure_id=d.id,
          detail={"version": d.version, "finding_ids": wanted, "reason": reason})
    return out


def _same_warning(f: m.Finding) -> tuple:
    return (f.rule, f.message, f.table_no, f.kind, f.side, f.code, f.item, f.measure)


def carry_acknowledgements(session: Session, d: m.Disclosure, user: m.User | None, ip: str = "") -> int:
    """A new version keeps the reasons given for the previous version's warnings that it still has,
    word for word (same rule, message and place); returns how many were taken over."""
    if d.previous_id is None:
        return 0
    before = {_same_warning(f): a for f, a in session.execute(
        select(m.Finding, m.Acknowledgement).join(m.Acknowledgement)
        .where(m.Finding.disclosure_id == d.previous_id)).all()}
    if not before:
        return 0
    carried = []
    for f in session.execute(select(m.Finding).where(m.Finding.disclosure_id == d.id,
                                                     m.Finding.severity == "warning")).scalars():
        a = before.get(_same_warning(f))
        if a is not None:
            session.add(m.Acknowledgement(disclosure_id=d.id, finding_id=f.id, reason=a.reason, user_id=a.user_id,
                                          created_at=a.created_at))
            carried.append(f.id)
    if carried:
        session.flush()
        audit(session, "acknowledge", user=user, ip=ip, disclosure_id=d.id,
              detail={"version": d.version, "finding_ids": carried, "carried_from": d.previous_id})
    return len(carried)


def step(session: Session, d: m.Disclosure, action: str, user: m.User | None, *, reason: str = "",
         target: Target = Target(), ip: str = "") -> m.Disclosure:
    """Take `action` on `d` (its role was asked first: `access.allowed`): refused, with the reason, when
    `d` is not in a status the step starts from, when a submission is blocked, or a return has no reason."""
    if action not in CHAIN:
        raise StoreError(f"未知的审核步骤：{action}")
    starts, to = CHAIN[action]
    if d.status not in starts:
        raise StoreError(f"{'、'.join(STATUS_NAMES[x] for x in starts)}的文件才能{ACTION_NAMES[action]}"
                         f"（这份文件{STATUS_NAMES.get(d.status, d.status)}）")
    detail: dict = {"from": d.status, "to": to, "version": d.version}
    if action == "submit":
        held = blockers(session, d)
        if held:
            raise StoreError("不能提交审核：" + "；".join(held))
    if action == "return":
        if user is None:
            raise StoreError("退回须由登录的用户进行")
        c = add_comment(session, d, user, reason, target, kind="return", ip=ip)
        detail.update(reason=c.text, comment_id=c.id)
    if action == "publish":
        mark_published(session, d, user)
    else:
        d.status, d.status_at = to, utcnow()
        if action == "submit":
            d.submitted_at = d.status_at
    audit(session, action, user=user, ip=ip, disclosure_id=d.id, detail=detail)
    if action == "publish":
        recheck_parent(session, d, user=user, ip=ip)  # its department was checked without it
    return d
