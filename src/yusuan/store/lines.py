"""A series' budget lines entered in the web grid (prepare/ledger): kept with the series while its editor
works on them, saved whole with a revision number (a save naming an older revision is refused: someone
saved in between), imported from an XLSX of lines or a preparation workbook, exported as an XLSX of lines,
and derived into the series' next draft version, read and checked as an upload of that XLSX would be, so
it enters the review chain.

Who: the unit's editor (and an administrator) edits; whoever may see the unit's drafts — its department's
reviewer, the finance bureau — reads. Every save, import and derivation is an audit entry.

Functions take an open `Session` whose transaction the caller commits, and the asking `Principal`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from yusuan.model.errors import IngestError
from yusuan.model.vocabulary import DOCUMENT_KINDS, LEVELS
from yusuan.prepare.ledger import columns as C
from yusuan.prepare.ledger.grid import Problem, names_of, read_rows, rows_of, totals
from yusuan.prepare.ledger.model import UNITS, Ledger
from yusuan.store import access, related
from yusuan.store import models as m
from yusuan.store.accounts import audit
from yusuan.store.db import StoreError
from yusuan.store.models import utcnow
from yusuan.store.queries import Forbidden, NotFound
from yusuan.store.repository import UploadedFile, series_of

KIND = "budget"
FINAL = "final_accounts"  # a 决算's lines: the year's lines with their 执行数, derived into the 决算 set
KINDS = (KIND, FINAL)
UNDER_REVIEW = ("submitted", "approved", "approved_finance")
MAX_LINES = 20000


class Conflict(StoreError):
    """A save naming a revision older than the stored one (409)."""


class LinesInvalid(StoreError):
    """Lines the ledger cannot use (422), each problem naming its row and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        more = f"（共 {len(errors)} 处）" if len(errors) > 3 else ""
        super().__init__("预算行有误，未保存：" + "；".join(p.message for p in errors[:3]) + more)


# ---------------------------------------------------------------- rights


def _body(s: Session, p: access.Principal, body_id: int, *, edit: bool = False) -> m.Body:
    body = s.get(m.Body, body_id)
    if body is None or not access.can_read_body(p, body_id):
        raise NotFound(f"没有编号为 {body_id} 的单位，或您无权查看它的预算行")
    if edit and not access.can_edit_lines(p, body_id):
        raise Forbidden(f"只有“{body.name}”的填报人或管理员可以修改它的预算行")
    return body


def _year(year: int) -> int:
    if not 1990 <= year <= 2100:
        raise NotFound(f"年度 {year} 不对")
    return year


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise NotFound(f"公开类型应为 {' 或 '.join(KINDS)}，而不是“{kind}”")
    return kind


def _draft(s: Session, body: m.Body, year: int, kind: str = KIND) -> m.LedgerDraft | None:
    return s.scalar(select(m.LedgerDraft).where(m.LedgerDraft.body_id == body.id, m.LedgerDraft.year == year,
                                                m.LedgerDraft.kind == kind, m.LedgerDraft.level == body.level))


def _latest(s: Session, body: m.Body, year: int, kind: str) -> m.Disclosure | None:
    return s.scalar(select(m.Disclosure).where(*series_of(body.id, year, kind, body.level),
                                               m.Disclosure.is_latest.is_(True)))


# ---------------------------------------------------------------- reading


def ledger_of(s: Session, body: m.Body, year: int, draft: m.LedgerDraft | None, rows: list[dict] | None = None,
              unit: str | None = None, kind: str = KIND) -> tuple[Ledger, list[Problem]]:
    """The stored (or given) rows as a Ledger of the body's year, with the problems found in them."""
    unit = unit or (draft.unit if draft else "万元")
    rows = rows if rows is not None else (draft.lines if draft else [])
    lines, problems = read_rows(rows, year, unit, final=kind == FINAL)
    parent = body.parent.name if body.parent else ""
    ledger = Ledger(body=body.name, year=year, unit=unit, parent=parent, level=body.level,
                    body_type=body.body_type, style=draft.style if draft else "shenzhen", kind=kind, lines=lines,
                    names={(sc, code): name for sc, code, name in (draft.names if draft else [])})
    return ledger, problems


def lines_context(s: Session, p: access.Principal, body_id: int, year: int, kind: str = KIND) -> dict:
    """The grid's data: the rows, their revision, the columns, the problems, the totals, what `p` may do,
    and the series' latest version (the last derived draft among them). A 决算's grid (`kind` FINAL) adds
    up the 执行数, which its lines need."""
    body = _body(s, p, body_id)
    year, kind = _year(year), _kind(kind)
    draft = _draft(s, body, year, kind)
    ledger, problems = ledger_of(s, body, year, draft, kind=kind)
    latest = _latest(s, body, year, kind)
    derived = s.get(m.Disclosure, draft.derived_id) if draft and draft.derived_id else None
    user = s.get(m.User, draft.updated_by_id) if draft and draft.updated_by_id else None
    return {
        "body": {"id": body.id, "name": body.name, "level": body.level, "level_name": LEVELS.get(body.level, "")},
        "year": year, "kind": kind, "kind_name": DOCUMENT_KINDS[kind], "unit": ledger.unit, "style": ledger.style,
        "revision": draft.revision if draft else 0,
        "updated_at": draft.updated_at.isoformat() if draft else None,
        "updated_by": user.username if user else "",
        "columns": [{"field": c.field, "title": c.title(year, ledger.unit), "kind": c.kind,
                     "required": c.required or (kind == FINAL and c.field == "final"),
                     "choices": list(c.choices or ((C.YES,) if c.kind == C.FLAG else ())), "scheme": c.scheme,
                     "help": c.help} for c in C.COLUMNS],
        "lines": list(draft.lines) if draft else [],
        "names": list(draft.names) if draft else [],
        "problems": [pr.to_dict() for pr in problems],
        "totals": totals(ledger.lines, _counted(kind)), "counted": _counted(kind),
        "classes": _classes(year),
        "permissions": {"edit": access.can_edit_lines(p, body.id),
                        "derive": access.can_edit_lines(p, body.id) and not (latest and latest.status in UNDER_REVIEW)},
        "latest": brief(latest), "derived": brief(derived),
        "carry": _carry_offer(s, body, year, kind, draft),
    }


def _counted(kind: str) -> str:
    """The amount a grid adds up: this year's budget, or a 决算's 执行数."""
    return "final" if kind == FINAL else "amount"


def _start(s: Session, body: m.Body, year: int, kind: str) -> tuple[m.LedgerDraft | None, int]:
    """Where a grid's lines may start from (`carry_forward`): a budget from last year's budget lines, a
    决算 from the year's budget lines; (their draft, their year)."""
    return (_draft(s, body, year, KIND), year) if kind == FINAL else (_draft(s, body, year - 1, KIND), year - 1)


def _carry_offer(s: Session, body: m.Body, year: int, kind: str, draft: m.LedgerDraft | None) -> dict | None:
    """The lines the grid offers to start from (`carry_forward`): stored lines, or else (a budget) last
    year's published budget built into lines; None when there is neither."""
    source, source_year = _start(s, body, year, kind)
    replaces = len(draft.lines) if draft else 0
    if source is not None and source.lines:
        return {"year": source_year, "kind": KIND, "from": "lines", "lines": len(source.lines),
                "revision": source.revision, "replaces": replaces}
    published = related.published(s, body.id, year - 1, KIND, (body.level,)) if kind == KIND else None
    if published is None:
        return None
    return {"year": year - 1, "kind": KIND, "from": "disclosure", "disclosure": brief(published),
            "replaces": replaces}


def _classes(year: int) -> dict[str, str]:
    """The names of the function classes (类) the totals are given by."""
    from yusuan.catalog.store import load

    return {code: e.name for code, e in load("function", year).entries.items() if e.level == 1}


def brief(d: m.Disclosure | None) -> dict | None:
    if d is None:
        return None
    return {"id": d.id, "version": d.version, "status": d.status, "status_name": access.STATUS_NAMES[d.status],
            "errors": d.errors, "warnings": d.warnings, "infos": d.infos}


# ---------------------------------------------------------------- writing


def save(s: Session, p: access.Principal, user: m.User | None, body_id: int, year: int, rows: list[dict],
         revision: int, *, unit: str | None = None, names: list | None = None, ip: str = "",
         action: str = "lines_save", detail: dict | None = None, kind: str = KIND) -> m.LedgerDraft:
    """Store the rows as the series' lines (refused whole with every problem when one is an error; a code
    the catalog does not list is kept and flagged) if `revision` is still the stored one."""
    body = _body(s, p, body_id, edit=True)
    year, kind = _year(year), _kind(kind)
    if unit is not None and unit not in UNITS:
        raise StoreError(f"金额单位应为{'或'.join(UNITS)}，而不是“{unit}”")
    if len(rows) > MAX_LINES:
        raise StoreError(f"预算行太多（{len(rows)} 行），最多 {MAX_LINES} 行")
    draft = _draft(s, body, year, kind)
    unit = unit or (draft.unit if draft else "万元")
    ledger, problems = ledger_of(s, body, year, draft, rows, unit, kind)
    if any(pr.severity == "error" for pr in problems):
        raise LinesInvalid(problems)
    stored = rows_of(ledger.lines)  # the rows as read: codes normalised, blank rows dropped
    names = names if names is not None else (draft.names if draft else [])
    now = utcnow()
    stale = Conflict(f"保存失败：这些预算行已被他人修改（当前为第 {draft.revision if draft else 0} 次保存，"
                     f"您编辑的是第 {revision} 次保存的内容），请刷新后重新修改")
    if draft is None:
        if revision != 0:
            raise stale
        draft = m.LedgerDraft(body_id=body.id, year=year, kind=kind, level=body.level, unit=unit, revision=1,
                              lines=stored, names=names, updated_at=now, updated_by_id=user.id if user else None)
        s.add(draft)
        try:
            s.flush()
        except IntegrityError:  # another first save of the series got there first
            raise stale from None
    else:
        done = s.execute(update(m.LedgerDraft).where(m.LedgerDraft.id == draft.id,
                                                     m.LedgerDraft.revision == revision)
                         .values(revision=revision + 1, lines=stored, names=names, unit=unit, updated_at=now,
                                 updated_by_id=user.id if user else None)
                         .execution_options(synchronize_session=False))
        if done.rowcount != 1:
            raise stale
        s.refresh(draft)
    audit(s, action, user=user, ip=ip,
          detail={"body": body.name, "year": year, "kind": kind, "revision": draft.revision, "lines": len(stored),
                  "total": totals(ledger.lines, _counted(kind))["total"], "unit": unit,
                  "warnings": sum(pr.severity == "warning" for pr in problems), **(detail or {})})
    return draft


def check_editor(s: Session, p: access.Principal, body_id: int) -> None:
    """Refuse (404 / 403) before any work when `p` may not edit the body's lines."""
    _body(s, p, body_id, edit=True)


def import_file(s: Session, p: access.Principal, user: m.User | None, body_id: int, year: int,
                read: tuple[Ledger, str], name: str, revision: int, *, ip: str = "", kind: str = KIND
                ) -> m.LedgerDraft:
    """Replace the lines with those `read_upload` read (in a job) from an XLSX of lines or a filled
    preparation workbook (split into lines as `yusuan ledger build` does)."""
    body = _body(s, p, body_id, edit=True)
    ledger, what = read
    if ledger.year != year:
        raise StoreError(f"{name} 是 {ledger.year} 年的预算，不是 {year} 年的")
    return save(s, p, user, body.id, year, rows_of(ledger.lines), revision, unit=ledger.unit,
                names=names_of(ledger), ip=ip, action="lines_import", detail={"file": name, "from": what}, kind=kind)


def carry_source(s: Session, p: access.Principal, body_id: int, year: int, kind: str = KIND, *,
                 replace: bool = False):
    """What `carry_forward` needs built first (in a job, `build_lines`): last year's published budget as
    a model Disclosure, when a budget has no lines of last year to start from; else None. Refuses (404,
    403, 409) what `carry_forward` would refuse before anything is built."""
    from yusuan.store.convert import load_disclosure

    body = _body(s, p, body_id, edit=True)
    year, kind = _year(year), _kind(kind)
    draft = _draft(s, body, year, kind)
    offer = _carry_offer(s, body, year, kind, draft)
    if offer is not None and offer["replaces"] and not replace:
        raise _replacing(offer["replaces"], offer["year"])
    if offer is None:
        raise NotFound(f"“{body.name}”没有 {year if kind == FINAL else year - 1} 年的预算行"
                       f"{'' if kind == FINAL else '或已公开的预算'}，不能从{'本' if kind == FINAL else '上'}年预算开始")
    return load_disclosure(s, offer["disclosure"]["id"]) if offer["from"] == "disclosure" else None


def _replacing(count: int, source_year: int) -> Conflict:
    return Conflict(f"已有 {count} 行；从 {source_year} 年预算开始会替换它们，请确认后再操作")


def build_lines(doc) -> Ledger:
    """A published budget split into lines (`build_from_disclosure`, in 元). Run in a job: the split
    solves for the lines within the printed rounding."""
    from yusuan.prepare.ledger.build import build_from_disclosure

    try:
        return build_from_disclosure(doc).ledger
    except ValueError as e:
        raise StoreError(str(e)) from None


def carry_forward(s: Session, p: access.Principal, user: m.User | None, body_id: int, year: int, revision: int,
                  *, replace: bool = False, ip: str = "", kind: str = KIND, built: Ledger | None = None
                  ) -> m.LedgerDraft:
    """Start the year's budget lines from last year's (`carry.next_year`: last year's amounts become the
    上年预算数 / 上年执行数 columns and this year's starting amounts) — stored lines, or else `built`, last
    year's published budget split into lines (`carry_source`, `build_lines`) —, or a 决算's lines from the
    year's budget lines (the same lines, their 执行数 to fill in). Lines already entered are replaced only
    when `replace` says so (the user confirmed it)."""
    from yusuan.prepare.ledger.carry import next_year

    body = _body(s, p, body_id, edit=True)
    year, kind = _year(year), _kind(kind)
    source, source_year = _start(s, body, year, kind)
    draft = _draft(s, body, year, kind)
    if draft is not None and draft.lines and not replace:
        raise _replacing(len(draft.lines), source_year)
    if source is not None and source.lines:
        start, problems = ledger_of(s, body, source_year, source)
        if any(pr.severity == "error" for pr in problems):  # stored lines are read as they were saved
            raise LinesInvalid(problems)
        origin = {"from_revision": source.revision}
    elif built is not None and kind == KIND and built.year == source_year:
        start, origin = built, {"from_disclosure": f"{built.body} {built.year} 年预算（已公开）"}
    else:
        raise NotFound(f"“{body.name}”没有 {source_year} 年的预算行，不能从{'本' if kind == FINAL else '上'}年预算开始")
    ledger = start if kind == FINAL else next_year(start)
    return save(s, p, user, body.id, year, rows_of(ledger.lines), revision, unit=ledger.unit,
                names=names_of(ledger), ip=ip, action="lines_carry", kind=kind,
                detail={"from_year": source_year, **origin, "replaced": len(draft.lines) if draft else 0})


def read_upload(content: bytes, name: str) -> tuple[Ledger, str]:
    """The ledger of an uploaded XLSX: of lines, or a preparation workbook's tables split into lines. Run
    in a job (store/jobs.py): a hostile workbook is stopped at the job's time and memory budgets."""
    from yusuan.prepare.ledger.build import build_from_disclosure
    from yusuan.prepare.ledger.xlsx import is_ledger, read_ledger
    from yusuan.prepare.workbook import is_workbook, read_workbook
    from yusuan.store.intake import safe_name

    with tempfile.TemporaryDirectory(prefix="yusuan-lines-") as tmp:
        path = Path(tmp) / safe_name(name)
        path.write_bytes(content)
        if is_ledger(path):
            return read_ledger(path, name=name), "预算行"
        if is_workbook(path):
            try:
                return build_from_disclosure(read_workbook(path, name=name), unit="元").ledger, "准备工作簿"
            except ValueError as e:  # a 决算 workbook
                raise IngestError(name, str(e)) from None
    raise IngestError(name, "既不是预算行工作簿（有“预算行”工作表），也不是填好的准备工作簿")


def export(s: Session, p: access.Principal, body_id: int, year: int, kind: str = KIND) -> tuple[bytes, str]:
    """The stored lines as an XLSX of lines (read back into the same lines; its 公开类型 says 决算 for a
    决算's lines)."""
    from yusuan.prepare.ledger.xlsx import write_ledger

    body = _body(s, p, body_id)
    kind = _kind(kind)
    ledger, _ = ledger_of(s, body, _year(year), _draft(s, body, year, kind), kind=kind)
    with tempfile.TemporaryDirectory(prefix="yusuan-lines-") as tmp:
        path = write_ledger(ledger, Path(tmp) / "lines.xlsx")
        return path.read_bytes(), f"{body.name}-{year}-{'决算行' if kind == FINAL else '预算行'}.xlsx"


def derivation_file(s: Session, p: access.Principal, body_id: int, year: int, kind: str = KIND) -> UploadedFile:
    """What `derive` reads: the stored lines as an XLSX of lines (refused when there are none, when a
    决算's lines have no 执行数, or when the series' latest version is under review)."""
    body = _body(s, p, body_id, edit=True)
    kind = _kind(kind)
    draft = _draft(s, body, year, kind)
    if draft is None or not draft.lines:
        raise StoreError("还没有保存预算行，不能生成公开文件")
    if kind == FINAL and not ledger_of(s, body, year, draft, kind=kind)[0].has_final:
        raise StoreError("还没有一行填写了执行数，不能生成决算")
    latest = _latest(s, body, year, kind)
    if latest is not None and latest.status in UNDER_REVIEW:
        raise StoreError(f"第 {latest.version} 版正在审核中（{access.STATUS_NAMES[latest.status]}），审核结束前不能生成新版本")
    content, name = export(s, p, body_id, year, kind)
    return UploadedFile(name, content, "ledger")


def derived(s: Session, p: access.Principal, user: m.User | None, body_id: int, year: int, read, *,
            ip: str = "", kind: str = KIND) -> m.Disclosure:
    """Store what reading `derivation_file` gave (the derived disclosure and its findings) as the series'
    next draft version, as an upload is stored (`intake.store_read`)."""
    from yusuan.store.intake import store_read

    body = _body(s, p, body_id, edit=True)
    d = store_read(s, p, user, read, body_id=body.id, year=year, ip=ip)
    draft = _draft(s, body, _year(year), _kind(kind))
    draft.derived_id = d.id
    audit(s, "lines_derive", user=user, ip=ip, disclosure_id=d.id,
          detail={"body": body.name, "year": year, "kind": kind, "revision": draft.revision, "version": d.version,
                  "errors": d.errors, "warnings": d.warnings})
    return d


def catalog_codes(scheme: str, year: int) -> list[dict]:
    """The codes a line takes from the year's catalog (功能分类 项, 经济分类 款), with their names: the
    grid's code pickers."""
    from yusuan.catalog.store import SCHEMES, load

    if scheme not in C.SCHEME_WORDS:
        raise NotFound(f"没有“{scheme}”这种科目分类（可用 {'、'.join(C.SCHEME_WORDS)}）")
    catalog = load(scheme, _year(year))
    deepest = len(SCHEMES[scheme][1])
    return [{"code": code, "name": e.name} for code, e in sorted(catalog.entries.items()) if e.level == deepest]
