"""Reading the store for people and programs: every function returns plain, JSON-ready dicts (amounts as
exact strings), already limited to what the asking `Principal` may see.

These dicts are the contexts of the web layer: the JSON API serves them as they are, and a page
renders the same dict with a template.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, selectinload

from yusuan.model.amount import printed_value
from yusuan.model.formats import readers
from yusuan.model.vocabulary import MEASURES, PHASES, TABLE_KINDS, split_measure
from yusuan.rules.finding import SEVERITIES, SEVERITY_NAMES
from yusuan.store import access, clock
from yusuan.store import models as m
from yusuan.store.access import ACTION_NAMES, STATUS_NAMES, Principal
from yusuan.store.db import StoreError
from yusuan.store.recheck import rechecks
from yusuan.store.related import contained, container, first_found
from yusuan.store.repository import KIND_NAMES, LEVEL_NAMES, same_series
from yusuan.store.review import blockers
from yusuan.store.types import canonical

MAX_LIMIT = 5000


class NotFound(StoreError):
    pass


class Forbidden(StoreError):
    pass


def _dec(v: Decimal | None) -> str | None:
    return None if v is None else str(canonical(v))


def _iso(t) -> str | None:
    return t.isoformat() if t is not None else None


def _bbox(row) -> list[float] | None:
    return None if row.x0 is None else [round(row.x0, 2), round(row.top, 2), round(row.x1, 2), round(row.bottom, 2)]


def _where(row) -> dict:
    return {"file": row.file, "page": row.page, "bbox": _bbox(row), "cell": row.cell or ""}


def place_name(fmt: str, page: int | None, cell: str = "") -> str:
    """Where in its file a thing is printed, in words: 第 3 页 (PDF, Word, HTML), 第 120 行 (a text file),
    第 2 张工作表 D7 格 (a workbook)."""
    if not page:
        return ""
    if fmt == "text":
        return f"第 {page} 行"
    if fmt in ("xlsx", "workbook"):
        return f"第 {page} 张工作表" + (f" {cell} 格" if cell else "")
    return f"第 {page} 页"


def _files(s: Session, disclosure_ids) -> dict[tuple[int, str], tuple[int, str]]:
    """(disclosure id, file name) → (file id, format) of the disclosures' original files (a file stored
    without its format: the format its name's suffix stands for)."""
    rows = s.execute(select(m.File.disclosure_id, m.File.name, m.File.id, m.File.format)
                     .where(m.File.disclosure_id.in_(set(disclosure_ids)))).all()
    return {(d, name): (fid, fmt or _format_of(name)) for d, name, fid, fmt in rows}


def _format_of(name: str) -> str:
    return next((r.name for r in readers() if name.lower().endswith(r.suffixes)), "")


def _original(files: dict, disclosure_id: int, where: dict) -> dict:
    """A location's original file (its id, to link to it, and format) and its place named in words; the
    location's `file` may carry a path or a #part."""
    base = (where.get("file") or "").split("#", 1)[0].rsplit("/", 1)[-1]
    file_id, fmt = files.get((disclosure_id, base), (None, ""))
    return {"file_id": file_id, "format": fmt, "place": place_name(fmt, where.get("page"), where.get("cell") or "")}


# bodies


def doc_name(level: str, kind: str) -> str:
    """部门预算, 单位决算, …: a document named by its level and kind."""
    return LEVEL_NAMES.get(level, "") + KIND_NAMES.get(kind, kind)


def _disclosure_brief(d: m.Disclosure) -> dict:
    return {"id": d.id, "year": d.year, "kind": d.kind, "kind_name": KIND_NAMES.get(d.kind, d.kind),
            "level": d.level, "doc_name": doc_name(d.level, d.kind),
            "status": d.status, "status_name": STATUS_NAMES.get(d.status, d.status), "version": d.version}


def _body_dict(b: m.Body) -> dict:
    return {"id": b.id, "name": b.name, "level": b.level, "level_name": LEVEL_NAMES.get(b.level, b.level),
            "body_type": b.body_type, "parent_id": b.parent_id}


def body_tree(s: Session, p: Principal) -> dict:
    """Parent departments with their units, each with the disclosures `p` sees (current versions);
    bodies with nothing visible under them are left out."""
    bodies = s.execute(select(m.Body).order_by(m.Body.name)).scalars().all()
    docs = s.execute(
        select(m.Disclosure).where(access.visible(p), access.current(p))
        .order_by(m.Disclosure.year.desc(), m.Disclosure.kind)
    ).scalars().all()
    by_body: dict[int, list[dict]] = defaultdict(list)
    for d in docs:
        by_body[d.body_id].append(_disclosure_brief(d))
    nodes = {b.id: {**_body_dict(b), "disclosures": by_body.get(b.id, []), "children": []} for b in bodies}
    roots = []
    for b in bodies:
        node = nodes[b.id]
        if b.parent_id in nodes:
            nodes[b.parent_id]["children"].append(node)
        else:
            roots.append(node)

    def keep(node: dict) -> bool:
        node["children"] = [c for c in node["children"] if keep(c)]
        node["years"] = sorted({d["year"] for d in node["disclosures"] if d["year"]}, reverse=True)
        return bool(node["disclosures"] or node["children"] or node["id"] in p.scope)

    roots = [r for r in roots if keep(r)]
    return {"bodies": roots, "body_count": sum(1 for n in nodes.values() if n["disclosures"]),
            "disclosure_count": len(docs)}


def years(s: Session, p: Principal) -> list[int]:
    """The years of the disclosures `p` sees, newest first."""
    return [y for y in s.execute(select(m.Disclosure.year).where(access.visible(p), m.Disclosure.year.is_not(None))
                                 .distinct().order_by(m.Disclosure.year.desc())).scalars()]


def upload_targets(s: Session, p: Principal) -> list[dict]:
    """Bodies `p` may upload a disclosure for."""
    return [{"id": b.id, "name": b.name} for b in s.execute(select(m.Body).order_by(m.Body.name)).scalars()
            if access.can_edit_body(p, b.id)]


def visible_bodies(s: Session, p: Principal) -> set[int]:
    """Bodies `p` may see: those with a disclosure it sees, their ancestors, and its own scope."""
    parents = dict(s.execute(select(m.Body.id, m.Body.parent_id)).all())
    if p.reads_all:
        return set(parents)
    seen = set(s.execute(select(m.Disclosure.body_id).where(access.visible(p)).distinct()).scalars()) | set(p.scope)
    for bid in list(seen):
        up = parents.get(bid)
        while up is not None and up not in seen:
            seen.add(up)
            up = parents.get(up)
    return seen


def body_detail(s: Session, p: Principal, body_id: int) -> dict:
    b = s.get(m.Body, body_id)
    allowed = visible_bodies(s, p)
    if b is None or b.id not in allowed:
        raise NotFound(f"没有编号为 {body_id} 的单位")
    chain, up = [], b.parent
    while up is not None and len(chain) < 20:
        chain.insert(0, {"id": up.id, "name": up.name})
        up = up.parent
    listing = disclosure_list(s, p, body_id=body_id, versions="all", limit=MAX_LIMIT)
    children = [_body_dict(c) for c in sorted(b.children, key=lambda c: c.name) if c.id in allowed]
    units = []  # a reviewer's overview: the current disclosures of the units under it, most errors first
    if children:
        units = [d for d in disclosure_list(s, p, department_id=body_id, limit=MAX_LIMIT)["disclosures"]
                 if d["body"]["id"] != body_id]
        units.sort(key=lambda d: (-d["findings"]["error"], -d["findings"]["warning"], d["body"]["name"]))
    return {"body": _body_dict(b), "ancestors": chain, "children": children, "disclosures": listing["disclosures"],
            "units": units}


# disclosures


def disclosure_summary(d: m.Disclosure, p: Principal) -> dict:
    return {
        **_disclosure_brief(d),
        "body": {"id": d.body.id, "name": d.body.name, "parent_id": d.body.parent_id},
        "parent_name": d.parent_name, "level": d.level, "level_name": LEVEL_NAMES.get(d.level, d.level),
        "body_type": d.body_type, "title": d.title, "is_latest": access.is_current(p, d),
        "is_latest_published": d.is_latest_published, "previous_id": d.previous_id, "cell_count": d.cell_count,
        "findings": {"error": d.errors, "warning": d.warnings, "info": d.infos},
        "created_at": _iso(d.created_at), "submitted_at": _iso(d.submitted_at), "published_at": _iso(d.published_at),
        "status_at": _iso(d.status_at),
    }


def disclosure_list(s: Session, p: Principal, *, body_id: int | None = None, body: str | None = None,
                    department_id: int | None = None, year: int | None = None, kind: str | None = None,
                    level: str | None = None, status: str | None = None, q: str | None = None,
                    versions: str = "current", limit: int = 100, offset: int = 0) -> dict:
    """Disclosures `p` sees, newest year first. `versions`: current (one per series) or all."""
    conds = [access.visible(p)]
    if versions != "all":
        conds.append(access.current(p))
    if body_id is not None:
        conds.append(m.Disclosure.body_id == body_id)
    if department_id is not None:
        conds.append(m.Disclosure.body_id.in_(access.subtree(s, department_id)))
    if body:
        conds.append(m.Disclosure.body_id.in_(select(m.Body.id).where(m.Body.name.contains(body))))
    if q:
        conds.append(or_(m.Disclosure.body_id.in_(select(m.Body.id).where(m.Body.name.contains(q))),
                         m.Disclosure.title.contains(q), m.Disclosure.parent_name.contains(q)))
    for col, val in ((m.Disclosure.year, year), (m.Disclosure.kind, kind), (m.Disclosure.level, level),
                     (m.Disclosure.status, status)):
        if val is not None:
            conds.append(col == val)
    limit = max(1, min(limit, MAX_LIMIT))
    total = s.scalar(select(func.count()).select_from(m.Disclosure).where(*conds))
    rows = s.execute(
        select(m.Disclosure).join(m.Body).where(*conds).options(selectinload(m.Disclosure.body))
        .order_by(m.Disclosure.year.desc(), m.Body.name, m.Disclosure.kind, m.Disclosure.version.desc())
        .limit(limit).offset(offset)
    ).scalars().all()
    return {"disclosures": [disclosure_summary(d, p) for d in rows], "total": total, "limit": limit, "offset": offset,
            "filters": {k: v for k, v in dict(body_id=body_id, body=body, department_id=department_id, year=year,
                                               kind=kind, level=level, status=status, q=q, versions=versions).items()
                        if v is not None}}


def get_disclosure(s: Session, p: Principal, disclosure_id: int) -> m.Disclosure:
    """The disclosure, if `p` may read it (else NotFound: a draft's existence is not disclosed)."""
    d = s.get(m.Disclosure, disclosure_id)
    if d is None or not access.can_read(p, d):
        raise NotFound(f"没有编号为 {disclosure_id} 的公开文件，或您无权查看")
    return d


def permissions(p: Principal, d: m.Disclosure) -> dict:
    """What `p` may do with `d` now: each step of the review chain (`access.CHAIN`) and the rest. A
    submission may still be blocked by the version's findings (`review` in the detail says why)."""
    return {"edit": access.can_edit(p, d), "upload": access.can_edit_body(p, d.body_id),
            **{action: access.may(p, d, action) for action in access.CHAIN},
            "acknowledge": access.can_acknowledge(p, d), "comment": access.can_comment(p, d)}


def review_state(s: Session, p: Principal, d: m.Disclosure) -> dict:
    """Where `d` stands in the review chain (`path`): what keeps it from being submitted (while it is the
    editor's), the last return's reason, and its steps so far (who, when), for those in the
    conversation (`access.can_see_comments`); the public sees the path only."""
    path = chain_path(d.status)
    if not access.can_see_comments(p, d):
        return {"path": path, "blockers": [], "returned": None, "history": []}
    held = blockers(s, d) if d.status in access.EDITABLE else []
    returned = s.execute(select(m.Comment).where(m.Comment.disclosure_id == d.id, m.Comment.kind == "return")
                         .order_by(m.Comment.id.desc()).limit(1).options(selectinload(m.Comment.user))).scalar()
    steps = s.execute(select(m.AuditEntry).where(m.AuditEntry.disclosure_id == d.id,
                                                 m.AuditEntry.action.in_(("upload", "import", *access.CHAIN)))
                      .order_by(m.AuditEntry.id)).scalars().all()
    return {"path": path, "blockers": held,
            "returned": comment_dict(returned) if returned is not None and d.status == "returned" else None,
            "history": [{"action": a.action, "action_name": AUDIT_ACTIONS.get(a.action, a.action), "at": _iso(a.at),
                         "username": a.username, "reason": (a.detail or {}).get("reason"),
                         "status_name": STATUS_NAMES.get((a.detail or {}).get("to") or (a.detail or {}).get("status"), "")}
                        for a in steps]}


def chain_path(status: str) -> list[dict]:
    """The chain's statuses in order, each `done`, `now` or `todo` for a version in `status` (a returned
    version stands at the start again, named 已退回)."""
    at = access.PATH.index("draft" if status == "returned" else status) if status in (*access.PATH, "returned") else 0
    return [{"status": x, "name": STATUS_NAMES["returned" if i == at and status == "returned" else x],
             "state": "done" if i < at else "now" if i == at else "todo"} for i, x in enumerate(access.PATH)]


def _seen(s: Session, p: Principal, year: int | None, kind: str):
    """`find` for `related.contained`: a body's disclosure of that year and kind in the version `p` sees."""
    return lambda body_id, levels: first_found(s, body_id, year, kind, levels, access.visible(p), access.current(p))


def units_of(s: Session, p: Principal, d: m.Disclosure) -> list[dict]:
    """The disclosures a 部门预算 (部门决算) contains (`related.contained`): its body's own 单位预算 (本级), then
    each body under it's — the version of each `p` sees."""
    if d.level != "department":
        return []
    own, children, _ = contained(s, d.body_id, _seen(s, p, d.year, d.kind))
    return [disclosure_summary(u, p) for u in ([own] if own is not None else []) + children]


def department_of(s: Session, p: Principal, d: m.Disclosure) -> dict | None:
    """The 部门预算 that contains `d` (`related.container`), as `p` sees it."""
    found = container(s, d, _seen(s, p, d.year, d.kind))
    return disclosure_summary(found, p) if found is not None else None


def disclosure_detail(s: Session, p: Principal, disclosure_id: int, *, tables: str = "summary",
                      lines: bool = False) -> dict:
    """One disclosure: identity, status and versions, files, narrative, tables (a summary of each, or
    `tables="full"` with every row and cell), performance targets and what `p` may do with it.
    `lines`: each paragraph's printed lines with their boxes (findings carry their own boxes)."""
    d = get_disclosure(s, p, disclosure_id)
    versions = s.execute(
        select(m.Disclosure).where(*same_series(d), access.visible(p)).order_by(m.Disclosure.version.desc())
    ).scalars().all()
    files = s.execute(select(m.File).where(m.File.disclosure_id == d.id).order_by(m.File.position)).scalars().all()
    table_rows = s.execute(select(m.Table).where(m.Table.disclosure_id == d.id).order_by(m.Table.position)).scalars().all()
    counts = dict(s.execute(select(m.Cell.table_id, func.count()).where(m.Cell.disclosure_id == d.id)
                            .group_by(m.Cell.table_id)).all())
    row_counts = dict(s.execute(select(m.Row.table_id, func.count()).join(m.Table)
                                .where(m.Table.disclosure_id == d.id).group_by(m.Row.table_id)).all())
    sections = s.execute(
        select(m.Section).where(m.Section.disclosure_id == d.id).order_by(m.Section.position)
        .options(selectinload(m.Section.paragraphs).undefer(m.Paragraph.lines) if lines
                 else selectinload(m.Section.paragraphs))
    ).scalars().all()
    if tables == "full":
        table_list = tables_full(s, table_rows)
    else:
        table_list = [{**_table_head(t), "row_count": row_counts.get(t.id, 0), "cell_count": counts.get(t.id, 0)}
                      for t in table_rows]
    return {
        "disclosure": disclosure_summary(d, p),
        "versions": [{"id": v.id, "version": v.version, "status": v.status,
                      "status_name": STATUS_NAMES.get(v.status, v.status), "created_at": _iso(v.created_at),
                      "published_at": _iso(v.published_at), "is_latest": access.is_current(p, v)} for v in versions],
        "contents": list(d.contents or []),
        "files": [{"id": f.id, "name": f.name, "format": f.format, "size": f.size, "sha256": f.sha256}
                  for f in files],
        "tables": table_list,
        "sections": [{"id": sec.id, "heading": sec.heading, "level": sec.level, **_where(sec),
                      "paragraphs": [{"id": par.id, "text": par.text, **_where(par),
                                      **({"lines": [{"offset": o, **src} for o, src in par.lines]} if lines else {})}
                                     for par in sec.paragraphs]} for sec in sections],
        "performance": d.performance,
        "permissions": permissions(p, d),
        "review": review_state(s, p, d),
        "department": department_of(s, p, d),
        "units": units_of(s, p, d),
    }


def _table_head(t: m.Table) -> dict:
    return {"id": t.id, "disclosure_id": t.disclosure_id, "position": t.position, "kind": t.kind,
            "kind_name": TABLE_KINDS.get(t.kind, t.kind), "number": t.number, "number_text": t.number_text,
            "title": t.title, "unit": t.unit, "pages": t.pages, "empty": t.empty, "notes": t.notes,
            "columns": [{**c, "measure_name": measure_name(c["measure"])} for c in t.columns], **_where(t)}


def measure_name(measure: str) -> str:
    base, phase = split_measure(measure)
    name = MEASURES.get(base, base)
    return f"{name}（{PHASES.get(phase, phase)}）" if phase else name


def table_full(s: Session, t: m.Table, flagged: dict[int, list[int]] | None = None) -> dict:
    return tables_full(s, [t], flagged)[0]


def tables_full(s: Session, tables: list[m.Table], flagged: dict[int, list[int]] | None = None) -> list[dict]:
    """Each table with every row and cell (two queries for all of them), cells with their findings."""
    if not tables:
        return []
    if flagged is None:
        flagged = _flagged_cells(s, tables[0].disclosure_id, tables[0].id if len(tables) == 1 else None)
    ids = [t.id for t in tables]
    cells: dict[int, dict] = defaultdict(dict)  # plain rows, not ORM objects: a page holds thousands
    for c in s.execute(select(*(getattr(m.Cell, k) for k in _CELL_COLUMNS)).where(m.Cell.table_id.in_(ids))
                       .order_by(m.Cell.row_id, m.Cell.position)):
        cells[c.row_id][c.measure] = {"id": c.id, "text": c.text, "amount": _dec(c.amount), "page": c.page,
                                      "bbox": _bbox(c), "cell": c.cell or "", "findings": flagged.get(c.id, [])}
    by_table: dict[int, list[dict]] = defaultdict(list)
    for r in s.execute(select(*(getattr(m.Row, k) for k in _ROW_COLUMNS)).where(m.Row.table_id.in_(ids))
                       .order_by(m.Row.table_id, m.Row.position)):
        by_table[r.table_id].append({
            "id": r.id, "position": r.position, "label": r.label, "item": r.item, "code": r.code, "side": r.side,
            "level": r.level, "is_total": r.is_total, "texts": r.texts, **_where(r), "cells": cells.get(r.id, {})})
    return [{**_table_head(t), "rows": by_table.get(t.id, [])} for t in tables]


_LOCATED = ("file", "page", "x0", "top", "x1", "bottom", "cell")
_ROW_COLUMNS = ("id", "table_id", "position", "label", "item", "code", "side", "level", "is_total", "texts", *_LOCATED)
_CELL_COLUMNS = ("id", "row_id", "measure", "text", "amount", *_LOCATED)


def _flagged_cells(s: Session, disclosure_id: int, table_id: int | None = None) -> dict[int, list[int]]:
    """cell id → ids of the findings located on it."""
    q = (select(m.FindingLocation.cell_id, m.FindingLocation.finding_id).join(m.Finding)
         .where(m.Finding.disclosure_id == disclosure_id, m.FindingLocation.cell_id.is_not(None)))
    if table_id is not None:
        q = q.where(m.FindingLocation.table_id == table_id)
    out: dict[int, list[int]] = defaultdict(list)
    for cell_id, finding_id in s.execute(q):
        if finding_id not in out[cell_id]:
            out[cell_id].append(finding_id)
    return out


def table_detail(s: Session, p: Principal, table_id: int) -> dict:
    t = s.get(m.Table, table_id)
    if t is None:
        raise NotFound(f"没有编号为 {table_id} 的表格")
    try:
        d = get_disclosure(s, p, t.disclosure_id)
    except NotFound:
        raise NotFound(f"没有编号为 {table_id} 的表格") from None
    return {"disclosure": disclosure_summary(d, p), "table": table_full(s, t)}


def disclosure_tables(s: Session, p: Principal, disclosure_id: int) -> dict:
    d = get_disclosure(s, p, disclosure_id)
    tables = s.execute(select(m.Table).where(m.Table.disclosure_id == d.id).order_by(m.Table.position)).scalars()
    return {"disclosure": disclosure_summary(d, p), "tables": tables_full(s, list(tables))}


# cells


@dataclass
class CellFilter:
    disclosure_id: int | None = None
    body_id: int | None = None
    body: str | None = None
    department_id: int | None = None
    year: int | None = None
    doc_kind: str | None = None  # budget | final_accounts
    kind: str | None = None  # table kind
    code: str | None = None  # exact code
    code_prefix: str | None = None
    item: str | None = None
    item_contains: str | None = None
    measure: str | None = None
    side: str | None = None
    limit: int = 1000
    offset: int = 0


def cells(s: Session, p: Principal, f: CellFilter) -> dict:
    """Numeric cells (contract 1 of docs/architecture.md, plus where they come from) of the disclosures `p` sees: the
    current versions, or one given version."""
    conds = [access.visible(p)]
    if f.disclosure_id is not None:
        conds.append(m.Cell.disclosure_id == f.disclosure_id)
    else:
        conds.append(access.current(p))
    if f.body_id is not None:
        conds.append(m.Disclosure.body_id == f.body_id)
    if f.department_id is not None:
        conds.append(m.Disclosure.body_id.in_(access.subtree(s, f.department_id)))
    if f.body:
        conds.append(m.Body.name.contains(f.body))
    if f.year is not None:
        conds.append(m.Disclosure.year == f.year)
    if f.doc_kind:
        conds.append(m.Disclosure.kind == f.doc_kind)
    for col, val in ((m.Cell.kind, f.kind), (m.Cell.code, f.code), (m.Cell.measure, f.measure),
                     (m.Cell.side, f.side), (m.Cell.item, f.item)):
        if val is not None:
            conds.append(col == val)
    if f.code_prefix:
        conds.append(m.Cell.code.startswith(f.code_prefix))
    if f.item_contains:
        conds.append(m.Cell.item.contains(f.item_contains))
    limit = max(1, min(f.limit, MAX_LIMIT))
    q = (select(m.Cell, m.Disclosure.year, m.Disclosure.kind.label("doc_kind"), m.Body.id.label("body_id"),
                m.Body.name.label("body_name"), m.Table.title.label("table_title"),
                m.Table.number_text.label("table_number"))
         .join(m.Disclosure, m.Cell.disclosure_id == m.Disclosure.id).join(m.Body, m.Disclosure.body_id == m.Body.id)
         .join(m.Table, m.Cell.table_id == m.Table.id)
         .where(*conds).order_by(m.Cell.disclosure_id, m.Cell.table_id, m.Cell.row_id, m.Cell.position)
         .limit(limit + 1).offset(f.offset))
    found = s.execute(q).all()
    files = _files(s, (row[0].disclosure_id for row in found))
    out = []
    for c, year, doc_kind, body_id, body_name, table_title, table_number in found:
        where = {"file": c.file, "page": c.page, "bbox": _bbox(c), "cell": c.cell or ""}
        out.append({
            "id": c.id, "disclosure_id": c.disclosure_id, "body_id": body_id, "body": body_name, "year": year,
            "doc_kind": doc_kind, "table_id": c.table_id, "row_id": c.row_id, "table_no": c.table_no,
            "table_number": table_number, "table_title": table_title,
            "kind": c.kind, "side": c.side, "code": c.code, "item": c.item, "measure": c.measure,
            "value": printed_value(c.text), "amount": _dec(c.amount), "unit": c.unit, "yuan": _dec(c.yuan),
            **where, **_original(files, c.disclosure_id, where),
        })
    more = len(out) > limit
    return {"cells": out[:limit], "limit": limit, "offset": f.offset,
            "next_offset": f.offset + limit if more else None,
            "filters": {k: v for k, v in vars(f).items() if v is not None and k not in ("limit", "offset")}}


# findings


def _acknowledgements(s: Session, finding_ids) -> dict[int, dict]:
    """finding id → its acknowledgement (reason, who, when)."""
    ids = list(finding_ids)
    if not ids:
        return {}
    rows = s.execute(select(m.Acknowledgement).where(m.Acknowledgement.finding_id.in_(ids))
                     .options(selectinload(m.Acknowledgement.user))).scalars()
    return {a.finding_id: {"reason": a.reason, "at": _iso(a.created_at),
                           "username": a.user.username if a.user else "",
                           "display_name": a.user.display_name if a.user else ""} for a in rows}


def _finding_dict(f: m.Finding, files: dict | None = None, acks: dict | None = None) -> dict:
    return {"id": f.id, "acknowledgement": (acks or {}).get(f.id), "disclosure_id": f.disclosure_id, "rule": f.rule, "severity": f.severity,
            "severity_name": SEVERITY_NAMES.get(f.severity, f.severity), "category": f.category,
            "message": f.message, "table_no": f.table_no, "kind": f.kind, "side": f.side, "code": f.code,
            "item": f.item, "measure": f.measure, "expected": _dec(f.expected), "actual": _dec(f.actual),
            "tolerance": _dec(f.tolerance),
            "locations": [{**_where(loc), **(_original(files, f.disclosure_id, _where(loc)) if files is not None else {}),
                           "table_id": loc.table_id, "row_id": loc.row_id, "cell_id": loc.cell_id,
                           "paragraph_id": loc.paragraph_id} for loc in f.locations]}


_SEVERITY_ORDER = case({s: i for i, s in enumerate(SEVERITIES)}, value=m.Finding.severity, else_=len(SEVERITIES))


def disclosure_findings(s: Session, p: Principal, disclosure_id: int, *, severity: str | None = None,
                        rule: str | None = None) -> dict:
    d = get_disclosure(s, p, disclosure_id)
    q = select(m.Finding).where(m.Finding.disclosure_id == d.id).options(selectinload(m.Finding.locations))
    if severity:
        q = q.where(m.Finding.severity == severity)
    if rule:
        q = q.where(m.Finding.rule == rule)
    found = s.execute(q.order_by(_SEVERITY_ORDER, m.Finding.position)).scalars().all()
    files = _files(s, [d.id])
    # the reasons a warning was kept are the review's conversation, like its comments
    acks = _acknowledgements(s, [f.id for f in found if f.severity == "warning"]) if access.can_see_comments(p, d) else {}
    return {"disclosure": disclosure_summary(d, p), "findings": [_finding_dict(f, files, acks) for f in found],
            "counts": dict(Counter(f.severity for f in found)),
            "acknowledged": len(acks), "rechecks": rechecks(s, d.id)}


def findings(s: Session, p: Principal, *, severity: str | None = None, rule: str | None = None,
             body_id: int | None = None, department_id: int | None = None, year: int | None = None,
             limit: int = 500, offset: int = 0) -> dict:
    """Findings across the current disclosures `p` sees (a reviewer's overview of its units)."""
    conds = [access.visible(p), access.current(p)]
    if severity:
        conds.append(m.Finding.severity == severity)
    if rule:
        conds.append(m.Finding.rule == rule)
    if body_id is not None:
        conds.append(m.Disclosure.body_id == body_id)
    if department_id is not None:
        conds.append(m.Disclosure.body_id.in_(access.subtree(s, department_id)))
    if year is not None:
        conds.append(m.Disclosure.year == year)
    limit = max(1, min(limit, MAX_LIMIT))
    rows = s.execute(
        select(m.Finding).join(m.Disclosure).where(*conds).options(selectinload(m.Finding.locations))
        .order_by(m.Finding.disclosure_id, _SEVERITY_ORDER, m.Finding.position).limit(limit + 1).offset(offset)
    ).scalars().all()
    return {"findings": [_finding_dict(f) for f in rows[:limit]], "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(rows) > limit else None}


# comments, audit, users


def comments(s: Session, p: Principal, disclosure_id: int) -> dict:
    d = get_disclosure(s, p, disclosure_id)
    if not access.can_see_comments(p, d):
        raise Forbidden("您无权查看这份文件的审核意见")
    rows = s.execute(select(m.Comment).where(m.Comment.disclosure_id == d.id).order_by(m.Comment.created_at, m.Comment.id)
                     .options(selectinload(m.Comment.user), selectinload(m.Comment.table),
                              selectinload(m.Comment.row))).scalars().all()
    return {"disclosure_id": d.id, "comments": [comment_dict(c) for c in rows]}


def comment_dict(c: m.Comment) -> dict:
    return {"id": c.id, "disclosure_id": c.disclosure_id, "text": c.text, "kind": c.kind,
            "created_at": _iso(c.created_at),
            "user": {"id": c.user.id, "username": c.user.username, "display_name": c.user.display_name,
                     "role": c.user.role, "role_name": access.ROLE_NAMES.get(c.user.role, c.user.role)},
            "table_id": c.table_id, "row_id": c.row_id, "finding_id": c.finding_id, "cell_id": c.cell_id,
            "page": c.page, "about": _about(c)}


def _about(c: m.Comment) -> str:
    """What a comment points at, in words: “表3 支出总表 · “行政运行”一行”, “问题 12”, “第 4 页”."""
    parts = []
    if c.table is not None:
        parts.append(" ".join(x for x in (c.table.number_text or (f"表{c.table.number}" if c.table.number else ""),
                                          c.table.title) if x))
    if c.row is not None:
        name = (c.row.label or c.row.item or "").strip() or ("合计" if c.row.is_total else f"第 {c.row.position + 1} 行")
        parts.append(f"“{name}”一行" + (f"（{c.row.code}）" if c.row.code else ""))
    if c.finding_id is not None:
        parts.append(f"问题 {c.finding_id}")
    if c.page is not None and not parts:
        parts.append(f"第 {c.page} 页")
    return " · ".join(parts)


AUDIT_ACTIONS = {"upload": "上传", "import": "导入", "import_batch": "批量导入", "edit": "更正身份信息", **ACTION_NAMES,
                 "acknowledge": "确认警告", "comment": "审核意见", "login": "登录", "login_failed": "登录失败", "login_attempt": "登录（核对中）",
                 "login_limited": "登录被限制", "logout": "退出", "user_create": "新建用户", "user_update": "修改用户",
                 "password_reset": "重置密码", "recheck": "与所属单位重新核对"}
AUDIT_ACTIONS |= {  # performance records (store/perf.py)
    "perf_targets": "绩效目标", "perf_import": "导入绩效目标", "perf_monitoring": "绩效运行监控",
    "perf_evaluation": "绩效自评", "perf_submit": "提交绩效审核", "perf_approve": "绩效审核通过",
    "perf_return": "绩效审核退回", "perf_settings": "绩效评分规则"}


def audit_log(s: Session, p: Principal, *, action: str | None = None, disclosure_id: int | None = None,
              username: str | None = None, since: date | None = None, until: date | None = None,
              limit: int = 200, offset: int = 0) -> dict:
    """Audit entries, newest first: who (`username`), what (`action`), when (`since` to `until`, whole
    days in China time, both included), on which disclosure; each with the disclosure's body, year and
    version, its time in UTC (`at`, ISO 8601) and in China time (`at_local`)."""
    if not access.can_audit(p):
        raise Forbidden("只有管理员可以查看操作日志")
    conds = []
    if action:
        conds.append(m.AuditEntry.action == action)
    if disclosure_id is not None:
        conds.append(m.AuditEntry.disclosure_id == disclosure_id)
    if username:
        conds.append(m.AuditEntry.username == username)
    if since is not None:
        conds.append(m.AuditEntry.at >= clock.day_start(since))
    if until is not None:
        conds.append(m.AuditEntry.at < clock.day_end(until))
    limit = max(1, min(limit, MAX_LIMIT))
    total = s.scalar(select(func.count()).select_from(m.AuditEntry).where(*conds))
    rows = s.execute(select(m.AuditEntry, m.Disclosure).outerjoin(m.Disclosure).where(*conds)
                     .options(selectinload(m.Disclosure.body)).order_by(m.AuditEntry.id.desc())
                     .limit(limit).offset(offset)).all()
    return {"entries": [{"id": a.id, "at": _iso(a.at), "at_local": clock.shown(a.at), "user_id": a.user_id, "username": a.username, "ip": a.ip,
                         "action": a.action, "action_name": AUDIT_ACTIONS.get(a.action, a.action),
                         "disclosure_id": a.disclosure_id, "disclosure": _disclosure_label(d), "detail": a.detail,
                         "detail_text": _detail_text(a.detail or {})}
                        for a, d in rows],
            "total": total, "limit": limit, "offset": offset,
            "filters": {k: (str(v) if isinstance(v, date) else v) for k, v in dict(
                action=action, disclosure_id=disclosure_id, username=username, since=since, until=until).items()
                if v is not None and v != ""}}


_DETAIL_NAMES = {"body": "单位", "year": "年度", "kind": "类型", "level": "级次", "version": "版本", "status": "状态",
                 "files": "文件", "cells": "数字", "findings": "问题", "username": "用户", "role": "角色",
                 "body_id": "单位编号", "display_name": "显示名", "is_active": "启用", "changes": "修改",
                 "first_start": "首次启动", "via": "途径", "from": "原状态", "comment_id": "意见编号",
                 "finding_id": "问题编号", "cell_id": "数字编号", "page": "页", "title": "标题", "parent_name": "主管部门",
                 "to": "新状态", "reason": "理由", "finding_ids": "问题编号", "carried_from": "沿用自编号",
                 "table_id": "表格编号", "row_id": "行编号"}
_DETAIL_NAMES |= {  # performance records (store/perf.py)
    "record": "绩效记录", "project": "项目", "round": "监控日期", "origin": "来源", "indicators": "指标",
    "reds": "红色预警", "score": "得分", "grade": "等级", "note": "意见", "scoring": "评分规则", "bands": "预警区间"}


def _detail_text(detail: dict) -> str:
    """An audit entry's detail for people: “单位 X；年度 2024；修改 角色：editor → reviewer”."""
    def value(v) -> str:
        if isinstance(v, bool):
            return "是" if v else "否"
        if isinstance(v, list):
            return "、".join(value(x) for x in v)
        if isinstance(v, dict):
            return "，".join(f"{_DETAIL_NAMES.get(k, k)}：{value(x[0])} → {value(x[1])}"
                            if isinstance(x, list) and len(x) == 2 else f"{_DETAIL_NAMES.get(k, k)} {value(x)}"
                            for k, x in v.items())
        return "" if v is None else str(v)

    return "；".join(f"{_DETAIL_NAMES.get(k, k)} {value(v)}" for k, v in detail.items() if v is not None and v != "")


def _disclosure_label(d: m.Disclosure | None) -> str | None:
    """“深圳市某局 2023 年部门预算 第 2 版”: a disclosure named in a list."""
    if d is None:
        return None
    return f"{d.body.name} {d.year or ''} 年{doc_name(d.level, d.kind)} 第 {d.version} 版"


def audit_actions(s: Session, p: Principal) -> dict[str, str]:
    """The actions the log holds (for a filter), with their names."""
    if not access.can_audit(p):
        raise Forbidden("只有管理员可以查看操作日志")
    held = s.execute(select(m.AuditEntry.action).distinct()).scalars().all()
    return {a: AUDIT_ACTIONS.get(a, a) for a in sorted(held, key=lambda a: list(AUDIT_ACTIONS).index(a)
                                                         if a in AUDIT_ACTIONS else len(AUDIT_ACTIONS))}


def user_dict(u: m.User) -> dict:
    return {"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role,
            "role_name": access.ROLE_NAMES.get(u.role, u.role), "body_id": u.body_id,
            "body": u.body.name if u.body else None, "is_active": u.is_active,
            "last_login_at": _iso(u.last_login_at), "last_login_local": clock.shown(u.last_login_at, seconds=False)}


def users(s: Session, p: Principal) -> dict:
    if not access.can_manage_users(p):
        raise Forbidden("只有管理员可以管理用户")
    rows = s.execute(select(m.User).order_by(m.User.id).options(selectinload(m.User.body))).scalars().all()
    return {"users": [user_dict(u) for u in rows]}
