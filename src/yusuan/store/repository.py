"""Writing to the store: ingest a disclosure with its findings (one transaction), new versions,
identity edits, comments. Every change leaves an audit entry. The steps of the review chain (submit,
approve, return, publish) are in `review.py`.

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
from yusuan.store.access import EDITABLE, STATUS_NAMES
from yusuan.store.accounts import audit
from yusuan.store.convert import disclosure_rows, finding_rows
from yusuan.store.db import StoreError, lock_versions
from yusuan.store.models import utcnow
from yusuan.store.recheck import recheck_parent

KIND_NAMES = DOCUMENT_KINDS
LEVEL_NAMES = LEVELS


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
    (body, year, kind, level). `body` and `year` override what the document prints. A version stored as
    published (an import of what was published elsewhere) is not taken through the review chain."""
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
    level = ident.level if ident.level in m.LEVELS else body.level
    fp = fingerprint(files)
    series = series_of(body.id, year, kind, level)
    same = session.scalar(select(m.Disclosure).where(*series, m.Disclosure.fingerprint == fp))
    if same is not None:
        raise DuplicateUpload(same)
    latest = session.scalar(select(m.Disclosure).where(*series, m.Disclosure.is_latest.is_(True)))
    if latest is not None:
        latest.is_latest = False
    d = m.Disclosure(
        body=body, year=year, kind=kind, level=level,
        parent_name=ident.parent, body_type=ident.body_type, status=status, status_at=utcnow(),
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
        mark_published(session, d, user)
    session.flush()
    audit(session, action, user=user, ip=ip, disclosure_id=d.id,
          detail={"body": body.name, "year": year, "kind": kind, "level": level, "version": d.version, "status": status,
                  "files": [f.name for f in files], "cells": d.cell_count, "findings": len(findings)})
    if status == "published":
        recheck_parent(session, d, user=user, ip=ip)
    return d


def series_of(body_id: int, year: int | None, kind: str, level: str) -> tuple:
    """The conditions selecting one series: a body's disclosures of one year, kind and level."""
    return (m.Disclosure.body_id == body_id, m.Disclosure.year == year, m.Disclosure.kind == kind,
            m.Disclosure.level == level)


def same_series(d: m.Disclosure) -> tuple:
    return series_of(d.body_id, d.year, d.kind, d.level)


def find_duplicate(session: Session, files: Sequence[UploadedFile]) -> m.Disclosure | None:
    """A stored version uploaded from exactly these files (in this order), if any."""
    return session.scalar(select(m.Disclosure).where(m.Disclosure.fingerprint == fingerprint(files)).limit(1))


def mark_published(session: Session, d: m.Disclosure, user: m.User | None) -> None:
    """`d` is published: the public's current version of its series unless a later one is published."""
    d.status = "published"
    d.status_at = d.published_at = utcnow()
    d.published_by_id = user.id if user else None
    latest_published = session.scalar(
        select(func.max(m.Disclosure.version)).where(
            *same_series(d), m.Disclosure.status == "published", m.Disclosure.id != d.id))
    if latest_published is None or latest_published < d.version:
        session.execute(update(m.Disclosure).where(*same_series(d), m.Disclosure.id != d.id)
                        .values(is_latest_published=False))
        d.is_latest_published = True


def refresh_series(session: Session, body_id: int, year: int | None, kind: str, level: str) -> None:
    """Set the latest and latest-published flags of one series from its versions."""
    versions = session.execute(select(m.Disclosure).where(*series_of(body_id, year, kind, level))).scalars().all()
    latest = max(versions, key=lambda v: v.version, default=None)
    published = max((v for v in versions if v.status == "published"), key=lambda v: v.version, default=None)
    for v in versions:
        v.is_latest = v is latest
        v.is_latest_published = v is published


EDITABLE_FIELDS = ("year", "kind", "level", "parent_name", "body_type", "title")


def edit(session: Session, d: m.Disclosure, changes: dict, user: m.User | None, ip: str = "") -> m.Disclosure:
    """Correct a draft's identity where the document was misread; old and new values are audited. A
    new year, kind or level moves the version to that series."""
    if d.status == "published":
        raise StoreError("已公开的文件不能修改，请上传更正后的文件作为新版本")
    if d.status not in EDITABLE:
        raise StoreError(f"{STATUS_NAMES[d.status]}的文件不能修改（审核中的版本保持不变），请等审核结果或上传新版本")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise StoreError(f"不能修改这些字段：{'、'.join(sorted(unknown))}")
    if "kind" in changes and changes["kind"] not in m.KINDS:
        raise StoreError(f"未知的类型：{changes['kind']}（可选 budget、final_accounts）")
    if "level" in changes and changes["level"] not in m.LEVELS:
        raise StoreError(f"未知的级次：{changes['level']}（可选 department、unit）")
    diff = {k: [getattr(d, k), v] for k, v in changes.items() if getattr(d, k) != v}
    moved = bool({"year", "kind", "level"} & set(diff))
    if moved and session.scalar(select(m.Disclosure.id).where(
            *series_of(d.body_id, changes.get("year", d.year), changes.get("kind", d.kind),
                       changes.get("level", d.level)), m.Disclosure.version == d.version)):
        raise StoreError("该单位这一年度、这一类型和级次已有相同版本号的文件")
    old_series = (d.body_id, d.year, d.kind, d.level)
    for k, (_, new) in diff.items():
        setattr(d, k, new)
    if moved:  # the draft moved to another series: both recount their latest
        session.flush()
        refresh_series(session, *old_series)
        refresh_series(session, d.body_id, d.year, d.kind, d.level)
    if diff:
        audit(session, "edit", user=user, ip=ip, disclosure_id=d.id, detail={"changes": diff})
    return d


@dataclass(frozen=True, slots=True)
class Target:
    """What a comment is about within its disclosure: the whole of it, or a table, row, cell, finding or page."""

    table_id: int | None = None
    row_id: int | None = None
    cell_id: int | None = None
    finding_id: int | None = None
    page: int | None = None


def _placed(session: Session, d: m.Disclosure, t: Target) -> Target:
    """`t` checked against `d` (each part must be of this disclosure), a cell's row and a row's table
    filled in, so a comment on a row or cell is shown with its table."""
    def owner(model, key):  # the disclosure a table, row, cell or finding is of
        if model is m.Row:
            return session.scalar(select(m.Table.disclosure_id).join(m.Row).where(m.Row.id == key))
        return session.scalar(select(model.disclosure_id).where(model.id == key))

    names = {"table_id": (m.Table, "表格"), "row_id": (m.Row, "行"), "cell_id": (m.Cell, "单元格"),
             "finding_id": (m.Finding, "问题")}
    for key, (model, name) in names.items():
        value = getattr(t, key)
        if value is not None and owner(model, value) != d.id:
            raise StoreError(f"这份文件没有编号为 {value} 的{name}")
    row_id, table_id = t.row_id, t.table_id
    if t.cell_id is not None:
        cell_row, cell_table = session.execute(select(m.Cell.row_id, m.Cell.table_id)
                                               .where(m.Cell.id == t.cell_id)).one()
        if row_id not in (None, cell_row):
            raise StoreError(f"编号为 {t.cell_id} 的单元格不在编号为 {row_id} 的行中")
        row_id = cell_row
    if row_id is not None:
        row_table = session.scalar(select(m.Row.table_id).where(m.Row.id == row_id))
        if table_id not in (None, row_table):
            raise StoreError(f"编号为 {row_id} 的行不在编号为 {table_id} 的表格中")
        table_id = row_table
    return Target(table_id, row_id, t.cell_id, t.finding_id, t.page)


def add_comment(session: Session, d: m.Disclosure, user: m.User, text: str, target: Target = Target(), *,
                kind: str = "comment", ip: str = "") -> m.Comment:
    """A comment on `d` (or on one of its tables, rows, cells, findings or pages); `kind` "return" is the
    reason it is returned with (review.py)."""
    text = text.strip()
    if not text:
        raise StoreError("退回原因不能为空" if kind == "return" else "意见内容不能为空")
    t = _placed(session, d, target)
    c = m.Comment(disclosure_id=d.id, user_id=user.id, text=text, kind=kind, table_id=t.table_id, row_id=t.row_id,
                  cell_id=t.cell_id, finding_id=t.finding_id, page=t.page)
    session.add(c)
    session.flush()
    audit(session, "comment", user=user, ip=ip, disclosure_id=d.id,
          detail={"comment_id": c.id, "kind": kind, "table_id": t.table_id, "row_id": t.row_id,
                  "finding_id": t.finding_id, "cell_id": t.cell_id, "page": t.page})
    return c
