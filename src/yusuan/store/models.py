"""The database schema: bodies, disclosures (versioned), their files, tables, rows, cells, narrative,
findings, and the workspace around them (users, sessions, comments, audit log).

Cells and findings are written once, at ingest, and never change — except a department's roll-up findings
(`rollup-…`), replaced when one of its units is published after it (store/recheck.py, audit-logged): a
corrected document is a new version of the disclosure, with its own rows. That is why cells carry a few denormalised columns (table
kind, code, side, item, leaf flag) that the cells API and the aggregate endpoint filter and group on.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from yusuan.store.types import Amount, DecimalText, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Vocabularies the store enforces (as CHECK-free strings; the repository validates them). The statuses
# are the review chain's (store/access.py: CHAIN): draft → submitted → approved (by the department) →
# approved_finance (by the finance bureau) → published; returned goes back to the editor.
STATUSES = ("draft", "submitted", "returned", "approved", "approved_finance", "published")
ROLES = ("admin", "finance", "reviewer", "editor")
KINDS = ("budget", "final_accounts")
LEVELS = ("department", "unit")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Body(Base):
    """A budget body: a parent department (主管部门) or one of its units, as a tree."""

    __tablename__ = "bodies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"), index=True)
    level: Mapped[str] = mapped_column(String(20), default="department")  # department | unit
    body_type: Mapped[str] = mapped_column(String(20), default="")  # 行政 / 参公 / 事业
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    parent: Mapped[Body | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Body]] = relationship(back_populates="parent")


class Disclosure(Base):
    """One version of one body's budget or final accounts for one year.

    A series is (body, year, kind, level): a body's 部门预算 and its 单位预算 of one year are two
    documents. `version` counts uploads within a series. Old versions stay."""

    __tablename__ = "disclosures"
    __table_args__ = (
        UniqueConstraint("body_id", "year", "kind", "level", "version", name="uq_disclosures_series_version"),
        Index("ix_disclosures_series", "body_id", "year", "kind", "level"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # budget | final_accounts
    level: Mapped[str] = mapped_column(String(20))  # department | unit
    parent_name: Mapped[str] = mapped_column(String(200), default="")  # 主管部门 as printed
    body_type: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    contents: Mapped[list] = mapped_column(JSON, default=list)  # the printed table of contents
    performance: Mapped[dict | None] = mapped_column(JSON)  # the 绩效目标表 as export/json writes it
    extra: Mapped[dict] = mapped_column(JSON, default=dict)  # model fields without a column (store/codec.py)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when it came to its status (days waiting)
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("disclosures.id"))
    is_latest: Mapped[bool] = mapped_column(Boolean, default=True)  # latest version of its series
    is_latest_published: Mapped[bool] = mapped_column(Boolean, default=False)  # the public's current one
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)  # sha256 over the files' sha256
    cell_count: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    body: Mapped[Body] = relationship()
    files: Mapped[list[File]] = relationship(order_by="File.position", cascade="all, delete-orphan")
    tables: Mapped[list[Table]] = relationship(order_by="Table.position", cascade="all, delete-orphan")
    sections: Mapped[list[Section]] = relationship(order_by="Section.position", cascade="all, delete-orphan")
    findings: Mapped[list[Finding]] = relationship(order_by="Finding.position", cascade="all, delete-orphan")


class File(Base):
    """An uploaded file as received: its bytes are kept to show the original page."""

    __tablename__ = "files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(10))  # pdf | text | docx | xlsx | html
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class _Located:
    """Where a printed thing is: file, page (PDF page, text line or workbook sheet), box in PDF points, and
    in a workbook the cell."""

    file: Mapped[str] = mapped_column(String(255), default="")
    page: Mapped[int | None] = mapped_column(Integer)
    x0: Mapped[float | None] = mapped_column(Float)
    top: Mapped[float | None] = mapped_column(Float)
    x1: Mapped[float | None] = mapped_column(Float)
    bottom: Mapped[float | None] = mapped_column(Float)
    cell: Mapped[str] = mapped_column(String(20), default="", server_default="")  # a workbook's cell ("D7")


class Table(_Located, Base):
    __tablename__ = "tables"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(50))
    number: Mapped[str] = mapped_column(String(20), default="")
    number_text: Mapped[str] = mapped_column(String(50), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(10), default="")
    columns: Mapped[list] = mapped_column(JSON, default=list)  # [{measure, header, side}]
    pages: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[list] = mapped_column(JSON, default=list)
    empty: Mapped[bool] = mapped_column(Boolean, default=False)
    extra: Mapped[dict] = mapped_column(JSON, default=dict)

    rows: Mapped[list[Row]] = relationship(order_by="Row.position", cascade="all, delete-orphan")


class Row(_Located, Base):
    __tablename__ = "rows"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text, default="")
    item: Mapped[str] = mapped_column(Text, default="")
    code: Mapped[str] = mapped_column(String(20), default="")
    side: Mapped[str] = mapped_column(String(20), default="")
    level: Mapped[int] = mapped_column(Integer, default=0)
    is_total: Mapped[bool] = mapped_column(Boolean, default=False)
    texts: Mapped[dict] = mapped_column(JSON, default=dict)
    extra: Mapped[dict] = mapped_column(JSON, default=dict)

    cells: Mapped[list[Cell]] = relationship(order_by="Cell.position", cascade="all, delete-orphan")


class Cell(_Located, Base):
    """One printed number. `amount` is exact (NUMERIC), in the table's `unit`; `yuan` is the same
    amount converted to 元 for money measures (None for ratios), so sums across tables and bodies
    printed in 元 and 万元 add up."""

    __tablename__ = "cells"
    __table_args__ = (
        Index("ix_cells_kind_measure", "kind", "measure"),
        Index("ix_cells_code", "code"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("rows.id", ondelete="CASCADE"), index=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"), index=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(60))  # vocabulary measure, with an optional @phase
    text: Mapped[str] = mapped_column(String(60))  # as printed, e.g. "5,682"
    amount: Mapped[Decimal] = mapped_column(Amount)
    unit: Mapped[str] = mapped_column(String(10), default="")
    yuan: Mapped[Decimal | None] = mapped_column(Amount)
    # denormalised from the table and row (written once with them)
    kind: Mapped[str] = mapped_column(String(50))
    table_no: Mapped[str] = mapped_column(String(20), default="")
    side: Mapped[str] = mapped_column(String(20), default="")
    code: Mapped[str] = mapped_column(String(20), default="")
    item: Mapped[str] = mapped_column(Text, default="")
    scheme: Mapped[str] = mapped_column(String(20), default="")  # function | economic | ""
    is_total: Mapped[bool] = mapped_column(Boolean, default=False)
    is_leaf: Mapped[bool] = mapped_column(Boolean, default=False)  # coded row with no coded child row

    table: Mapped[Table] = relationship()
    disclosure: Mapped[Disclosure] = relationship()


class Section(_Located, Base):
    __tablename__ = "sections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[int] = mapped_column(Integer, default=1)
    extra: Mapped[dict] = mapped_column(JSON, default=dict)

    paragraphs: Mapped[list[Paragraph]] = relationship(order_by="Paragraph.position", cascade="all, delete-orphan")


class Paragraph(_Located, Base):
    __tablename__ = "paragraphs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    lines: Mapped[list] = mapped_column(JSON, default=list, deferred=True)  # [[offset, {file, page, bbox}], ...]
    extra: Mapped[dict] = mapped_column(JSON, default=dict)


class Finding(Base):
    """Findings (contract 2 of docs/architecture.md), stored; locations resolved to the cell, row or paragraph they point at."""

    __tablename__ = "findings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(80), index=True)
    severity: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(40), default="")
    message: Mapped[str] = mapped_column(Text)
    table_no: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[str] = mapped_column(String(50), default="")
    side: Mapped[str] = mapped_column(String(20), default="")
    code: Mapped[str] = mapped_column(String(20), default="")
    item: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[str] = mapped_column(String(60), default="")
    expected: Mapped[Decimal | None] = mapped_column(DecimalText)
    actual: Mapped[Decimal | None] = mapped_column(DecimalText)
    tolerance: Mapped[Decimal | None] = mapped_column(DecimalText)

    locations: Mapped[list[FindingLocation]] = relationship(
        order_by="FindingLocation.position", cascade="all, delete-orphan")


class FindingLocation(_Located, Base):
    __tablename__ = "finding_locations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    table_id: Mapped[int | None] = mapped_column(ForeignKey("tables.id", ondelete="CASCADE"))
    row_id: Mapped[int | None] = mapped_column(ForeignKey("rows.id", ondelete="CASCADE"))
    cell_id: Mapped[int | None] = mapped_column(ForeignKey("cells.id", ondelete="CASCADE"))
    paragraph_id: Mapped[int | None] = mapped_column(ForeignKey("paragraphs.id", ondelete="CASCADE"))


class User(Base):
    """An account. reviewer: `body_id` is its parent department; editor: `body_id` is its unit (or the
    department whose 部门预算 it prepares); admin and finance (财政局, every department): none."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))  # admin | finance | reviewer | editor
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    body: Mapped[Body | None] = relationship()


class Session(Base):
    """A login. The cookie holds the signed token; only its hash is stored, so a leaked database
    opens no session. Deleting the row logs out."""

    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ip: Mapped[str] = mapped_column(String(64), default="")


class Comment(Base):
    """A reviewer's or editor's remark on a disclosure, optionally on one table, row, cell, finding or
    page (a row's or cell's comment keeps its table too). `kind` "return" is the reason a reviewer gave
    when returning the version (退回)."""

    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="comment", server_default="comment")  # comment | return
    table_id: Mapped[int | None] = mapped_column(ForeignKey("tables.id", ondelete="SET NULL"))
    row_id: Mapped[int | None] = mapped_column(ForeignKey("rows.id", ondelete="SET NULL"))
    finding_id: Mapped[int | None] = mapped_column(ForeignKey("findings.id", ondelete="SET NULL"))
    cell_id: Mapped[int | None] = mapped_column(ForeignKey("cells.id", ondelete="SET NULL"))
    page: Mapped[int | None] = mapped_column(Integer)

    user: Mapped[User] = relationship()
    table: Mapped[Table | None] = relationship()
    row: Mapped[Row | None] = relationship()


class Acknowledgement(Base):
    """A warning the editor has seen and keeps, with the reason: every warning of a version needs one
    before the version is submitted. Kept with the version (and gone with it)."""

    __tablename__ = "acknowledgements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disclosure_id: Mapped[int] = mapped_column(ForeignKey("disclosures.id", ondelete="CASCADE"), index=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id", ondelete="CASCADE"), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User | None] = relationship()


class AuditEntry(Base):
    """Who did what, when: upload, edit, every step of the review chain (submit, approve, approve_finance,
    return, publish), acknowledge, comment, login (and failed logins)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_action_at", "action", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(80), default="")  # as given (failed logins too)
    ip: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(30))
    disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosures.id"), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class LedgerDraft(Base):
    """A series' budget lines (prepare/ledger) as its editor is entering them in the web grid: one row per
    series (body, year, kind, level), saved whole; `revision` counts the saves (a save naming an older one
    is refused: optimistic concurrency). `lines` holds each line as the grid's cells (field → text, amounts
    as exact decimal strings); `names` the names of codes beyond the catalog ([scheme, code, name])."""

    __tablename__ = "ledger_drafts"
    __table_args__ = (UniqueConstraint("body_id", "year", "kind", "level", name="uq_ledger_drafts_series"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="budget")
    level: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str] = mapped_column(String(10), default="万元")  # 万元 | 元: every amount's
    style: Mapped[str] = mapped_column(String(20), default="shenzhen")  # the family derived into
    revision: Mapped[int] = mapped_column(Integer, default=0)
    lines: Mapped[list] = mapped_column(JSON, default=list)
    names: Mapped[list] = mapped_column(JSON, default=list)
    derived_id: Mapped[int | None] = mapped_column(ForeignKey("disclosures.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    body: Mapped[Body] = relationship()


class Setting(Base):
    """Instance settings kept with the data (the session-signing key, generated on first start)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PerfRecord(Base):
    """One version of a performance record of a body's year (yusuan.perf): its targets (绩效目标), a
    monitoring round (绩效运行监控, one per monitoring date) or its self-evaluation (绩效自评), for the whole
    body (`project` "") or one project. A series is (kind, body, year, project, round); each save is a new
    version, old ones stay. `data` is the perf.codec dict; score, grade, reds and the execution figures are
    kept beside it for the department's overview."""

    __tablename__ = "perf_records"
    __table_args__ = (
        UniqueConstraint("kind", "body_id", "year", "project", "round", "version", name="uq_perf_records_series_version"),
        Index("ix_perf_records_series", "kind", "body_id", "year", "project", "round"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # targets | monitoring | evaluation
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    project: Mapped[str] = mapped_column(String(200), default="")  # "" : the whole body's spending
    round: Mapped[str] = mapped_column(String(10), default="")  # a monitoring round's date (2023-08-31)
    version: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("perf_records.id"))
    is_latest: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)  # store/perf.py STATUS_NAMES
    targets_id: Mapped[int | None] = mapped_column(ForeignKey("perf_records.id"))  # the targets it is measured on
    origin: Mapped[str] = mapped_column(String(20), default="web")  # web | disclosure | workbook
    disclosure_id: Mapped[int | None] = mapped_column(ForeignKey("disclosures.id"))  # taken from it
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    score: Mapped[Decimal | None] = mapped_column(DecimalText)
    grade: Mapped[str] = mapped_column(String(10), default="")
    reds: Mapped[int] = mapped_column(Integer, default=0)  # red indicators of a monitoring round
    execution: Mapped[Decimal | None] = mapped_column(DecimalText)  # 执行数 ÷ 预算数
    time_progress: Mapped[Decimal | None] = mapped_column(DecimalText)  # a monitoring round's 时间进度
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    review_note: Mapped[str] = mapped_column(Text, default="")

    body: Mapped[Body] = relationship()
    targets: Mapped[PerfRecord | None] = relationship(remote_side=[id], foreign_keys=[targets_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])
