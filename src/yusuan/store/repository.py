"""Writing to the store: ingest a disclosure with its findings (one transaction), new versions,
identity edits, submit, publish, comments. Every change leaves an audit entry.

Functions take an open `Session` whose transaction the caller commits (`with store.session() as s:`),
so a failure anywhere leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from yusuan.model.disclosure import Disclosure as ModelDisclosure
from yusuan.model.vocabulary import DOCUMENT_KINDS, LEVELS
from yusuan.rules.finding import Finding as RuleFinding
from yusuan.store import models as m
from yusuan.store.accounts import audit
from yusuan.store.convert import disclosure_rows, finding_rows
from yusuan.store.db import StoreError, lock_versions
from yusuan.store.models import utcnow
from yusuan.store.recheck import recheck_parent

KIND_NAMES = DOCUMENT_KINDS
LEVEL_NAMES = LEVELS
STATUS_NAMES = {"draft": "草稿", "submitted": "已提交", "published": "已公开"}


class DuplicateUpload(StoreError):
    def __init__(self, existing: m.Disclosure):
        self.existing = existing
        super().__init__(f"与已有的第 {existing.version} 版文件完全相同，未创建新版本")


@dataclass(frozen=True, slots=True)
class UploadedFile:
    name: str
    content: bytes
    format: str = ""

    @classmethod
    def from_path(cls, path: str | Path, fmt: str = "") -> UploadedFile:
        path = Path(path)
        return cls(path.name, path.read_bytes(), fmt)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def fingerprint(files: Sequence[UploadedFile]) -> str:
    return hashlib.sha256("\n".join(f.sha256 for f in files).encode()).hexdigest()


# bodies


def body_named(session: Session, name: str) -> m.Body | None:
    return session.scalar(select(m.Body).where(m.Body.name == name))


def ensure_body(session: Session, name: str, *, parent: str = "", level: str = "department",
                body_type: str = "") -> m.Body:
    """The body of this name, created when new; placed under its printed parent department when it has
    none yet (a parent printed as the body itself is no parent)."""
    name = name.strip()
    if not name:
        raise StoreError("没有识别出单位名称，请指定单位")
    body = body_named(session, name)
    if body is None:
        body = m.Body(name=name, level=level, body_type=body_type)
        session.add(body)
        session.flush()
    parent = parent.strip()
    if parent and parent != name and body.parent_id is None:
        up = ensure_body(session, parent, level="department")
        if body.id not in _ancestors(session, up):  # never make a cycle
            body.parent_id = up.id
    if body_type and not body.body_type:
        body.body_type = body_type
    return body


def _ancestors(session: Session, body: m.Body) -> set[int]:
    seen = set()
    while body is not None and body.id not in seen:
        seen.add(body.id)
        body = session.get(m.Body, body.parent_id) if body.parent_id else None
    return seen


# disclosures


def ingest(session: Session, doc: ModelDisclosure, findings: Sequence[RuleFinding], files: Sequence[UploadedFile],
           *, status: str = "draft", user: m.User | None = None, body: m.Body | None = None,
           year: int | None = None, ip: str = "", action: str = "upload") -> m.Disclosure:
    """Store `doc` (read from `files`) and its findings as the next version of its series
    (body, year, kind). `body` and `year` override what the document prints."""
    if status not in m.STATUSES:
        raise StoreError(f"未知的状态：{status}")
    lock_versions(session)  # held already when the caller chose the body first (intake.store_read)
    ident = doc.identity
    year = year or ident.year
    if year is None:
        raise StoreError("没有识别出公开文件的年度，请指定年度")
    if body is None:
        body = ensure_body(session, ident.body, parent=ident.parent, level=ident.level, body_type=ident.body_type)
    kind = ident.kind if ident.kind in m.KINDS else "budget"
    fp = fingerprint(files)
    series = (m.Disclosure.body_id == body.id, m.Disclosure.year == year, m.Disclosure.kind == kind)
    same = session.scalar(select(m.Disclosure).where(*series, m.Disclosure.fingerprint == fp))
    if same is not None:
        raise DuplicateUpload(same)
    latest = session.scalar(select(m.Disclosure).where(*series, m.Disclosure.is_latest.is_(True)))
    if latest is not None:
        latest.is_latest = False
    d = m.Disclosure(
        body=body, year=year, kind=kind, level=ident.level if ident.level in m.LEVELS else body.level,
        parent_name=ident.parent, body_type=ident.body_type, status=status,
        version=(latest.version + 1) if latest else 1, previous_id=latest.id if latest else None,
        is_latest=True, is_latest_published=False, fingerprint=fp, created_by_id=user.id if user else None,
        errors=sum(f.severity == "error" for f in findings),
        warnings=sum(f.severity == "warning" for f in findings),
        infos=sum(f.severity == "info" for f in findings),
    )
    for i, f in enumerate(files):
        d.files.append(m.File(position=i, name=f.name, format=f.format, size=len(f.content), sha256=f.sha256,
                              content=f.content))
    by_cell, others = disclosure_rows(doc, d)
    session.add(d)
    session.flush()  # cells, rows and paragraphs get their ids: findings point at them
    d.findings.extend(finding_rows(findings, by_cell, others))
    if status == "published":
        _mark_published(session, d, user)
    session.flush()
    audit(session, action, user=user, ip=ip, disclosure_id=d.id,
          detail={"body": body.name, "year": year, "kind": kind, "version": d.version, "status": status,
                  "files": [f.name for f in files], "cells": d.cell_count, "findings": len(findings)})
    if status == "published":
        recheck_parent(session, d, user=user, ip=ip)
    return d


def find_duplicate(session: Session, files: Sequence[UploadedFile]) -> m.Disclosure | None:
    """A stored version uploaded from exactly these files (in this order), if any."""
    return session.scalar(select(m.Disclosure).where(m.Disclosure.fingerprint == fingerprint(files)).limit(1))


def _mark_published(session: Session, d: m.Disclosure, user: m.User | None) -> None:
    d.status = "published"
    d.published_at = utcnow()
    d.published_by_id = user.id if user else None
    latest_published = session.scalar(
        select(func.max(m.Disclosure.version)).where(
            m.Disclosure.body_id == d.body_id, m.Disclosure.year == d.year, m.Disclosure.kind == d.kind,
            m.Disclosure.status == "published", m.Disclosure.id != d.id))
    if latest_published is None or latest_published < d.version:
        session.execute(update(m.Disclosure).where(
            m.Disclosure.body_id == d.body_id, m.Disclosure.year == d.year, m.Disclosure.kind == d.kind,
            m.Disclosure.id != d.id).values(is_latest_published=False))
        d.is_latest_published = True


def refresh_series(session: Session, body_id: int, year: int | None, kind: str) -> None:
    """Set the latest and latest-published flags of one series from its versions."""
    versions = session.execute(select(m.Disclosure).where(
        m.Disclosure.body_id == body_id, m.Disclosure.year == year, m.Disclosure.kind == kind)).scalars().all()
    latest = max(versions, key=lambda v: v.version, default=None)
    published = max((v for v in versions if v.status == "published"), key=lambda v: v.version, default=None)
    for v in versions:
        v.is_latest = v is latest
        v.is_latest_published = v is published


def publish(session: Session, d: m.Disclosure, user: m.User | None, ip: str = "") -> m.Disclosure:
    if d.status == "published":
        raise StoreError("这份公开文件已经公开")
    before = d.status
    _mark_published(session, d, user)
    audit(session, "publish", user=user, ip=ip, disclosure_id=d.id, detail={"from": before, "version": d.version})
    recheck_parent(session, d, user=user, ip=ip)  # its department was checked without it
    return d


def submit(session: Session, d: m.Disclosure, user: m.User | None, ip: str = "") -> m.Disclosure:
    if d.status != "draft":
        raise StoreError(f"只有草稿可以提交审核（当前状态：{STATUS_NAMES[d.status]}）")
    d.status = "submitted"
    d.submitted_at = utcnow()
    audit(session, "submit", user=user, ip=ip, disclosure_id=d.id, detail={"version": d.version})
    return d


EDITABLE = ("year", "kind", "level", "parent_name", "body_type", "title")


def edit(session: Session, d: m.Disclosure, changes: dict, user: m.User | None, ip: str = "") -> m.Disclosure:
    """Correct a draft's identity where the document was misread; old and new values are audited."""
    if d.status == "published":
        raise StoreError("已公开的文件不能修改，请上传更正后的文件作为新版本")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise StoreError(f"不能修改这些字段：{'、'.join(sorted(unknown))}")
    if "kind" in changes and changes["kind"] not in m.KINDS:
        raise StoreError(f"未知的类型：{changes['kind']}（可选 budget、final_accounts）")
    if "level" in changes and changes["level"] not in m.LEVELS:
        raise StoreError(f"未知的级次：{changes['level']}（可选 department、unit）")
    diff = {k: [getattr(d, k), v] for k, v in changes.items() if getattr(d, k) != v}
    if ("year" in diff or "kind" in diff) and session.scalar(select(m.Disclosure.id).where(
            m.Disclosure.body_id == d.body_id, m.Disclosure.year == changes.get("year", d.year),
            m.Disclosure.kind == changes.get("kind", d.kind), m.Disclosure.version == d.version)):
        raise StoreError("该单位这一年度、这一类型已有相同版本号的文件")
    old_series = (d.body_id, d.year, d.kind)
    for k, (_, new) in diff.items():
        setattr(d, k, new)
    if "year" in diff or "kind" in diff:  # the draft moved to another series: both recount their latest
        session.flush()
        refresh_series(session, *old_series)
        refresh_series(session, d.body_id, d.year, d.kind)
    if diff:
        audit(session, "edit", user=user, ip=ip, disclosure_id=d.id, detail={"changes": diff})
    return d


def add_comment(session: Session, d: m.Disclosure, user: m.User, text: str, *, finding_id: int | None = None,
                cell_id: int | None = None, page: int | None = None, ip: str = "") -> m.Comment:
    text = text.strip()
    if not text:
        raise StoreError("意见内容不能为空")
    if finding_id is not None and session.scalar(select(m.Finding.disclosure_id).where(
            m.Finding.id == finding_id)) != d.id:
        raise StoreError(f"这份文件没有编号为 {finding_id} 的问题")
    if cell_id is not None and session.scalar(select(m.Cell.disclosure_id).where(m.Cell.id == cell_id)) != d.id:
        raise StoreError(f"这份文件没有编号为 {cell_id} 的单元格")
    c = m.Comment(disclosure_id=d.id, user_id=user.id, text=text, finding_id=finding_id, cell_id=cell_id, page=page)
    session.add(c)
    session.flush()
    audit(session, "comment", user=user, ip=ip, disclosure_id=d.id,
          detail={"comment_id": c.id, "finding_id": finding_id, "cell_id": cell_id, "page": page})
    return c
